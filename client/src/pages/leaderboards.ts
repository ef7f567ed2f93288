import type { CatalogEntry, LeaderboardEntry, LeaderboardSubscribeRequest } from '../../../src/game/protocol/messages';
import { errorText } from '../api';
import type { AppContext } from '../context';
import { byId, el } from '../dom';
import { type BoardQuery, isoWeek, sameBoard } from '../boards';
import { renderLeaderboard } from '../views/leaderboard';

type BoardKind = 'global' | 'scenario' | 'track' | 'week' | 'event' | 'quiz';

/**
 * The Leaderboards page: one board at a time (global, per scenario, per track, this week, an event,
 * the quiz), subscribed over the socket so solves anywhere update it live.
 */
export class LeaderboardsPage {
  private readonly kind = byId<HTMLSelectElement>('board-kind');
  private readonly scenario = byId<HTMLSelectElement>('board-scenario');
  private readonly track = byId<HTMLSelectElement>('board-track');
  private readonly event = byId<HTMLInputElement>('board-event');
  private subscribed: LeaderboardSubscribeRequest | null = null;
  private scores = new Map<string, number>();

  constructor(private readonly ctx: AppContext) {
    for (const input of [this.kind, this.scenario, this.track, this.event]) input.addEventListener('change', () => void this.refresh());
    byId<HTMLFormElement>('board-filters').addEventListener('submit', (e) => e.preventDefault());
    ctx.client.socket.on('leaderboard:changed', (push) => {
      if (this.subscribed && sameBoard(push.board, this.subscribed)) this.draw(push.entries, push.total);
    });
  }

  setScenarios(scenarios: CatalogEntry[]): void {
    const keep = (select: HTMLSelectElement, options: Array<[string, string]>): void => {
      const value = select.value;
      select.replaceChildren(...options.map(([v, t]) => Object.assign(el('option', { text: t }), { value: v })));
      if (options.some(([v]) => v === value)) select.value = value;
    };
    keep(this.scenario, scenarios.map((s) => [s.id, s.title]));
    keep(this.track, [...new Map(scenarios.map((s) => [s.track, s.trackTitle]))]);
  }

  /** Shows a given board (e.g. the scenario just solved). */
  select(kind: BoardKind, value?: string): void {
    this.kind.value = kind;
    if (kind === 'scenario' && value) this.scenario.value = value;
    if (kind === 'event' && value) this.event.value = value;
  }

  async refresh(): Promise<void> {
    const kind = this.kind.value as BoardKind;
    byId('board-scenario-label').hidden = kind !== 'scenario';
    byId('board-track-label').hidden = kind !== 'track';
    byId('board-event-label').hidden = kind !== 'event';
    byId('board-count-header').textContent = kind === 'quiz' ? 'Right answers' : 'Solved';
    const caption = byId('board-caption');
    let query: BoardQuery = { board: kind === 'quiz' ? 'quiz' : 'scenarios' };
    if (kind === 'scenario') query.scenarioId = this.scenario.value;
    if (kind === 'track') query.track = this.track.value;
    if (kind === 'week') query.week = isoWeek(new Date());
    if (kind === 'event') {
      if (!this.event.value.trim()) {
        caption.textContent = 'Enter the event id (instructors see it on their dashboard).';
        this.draw([], 0);
        return;
      }
      query.eventId = this.event.value.trim();
    }
    try {
      if (this.subscribed) await this.ctx.client.request('leaderboard:unsubscribe', this.subscribed).catch(() => undefined);
      const page = await this.ctx.client.request('leaderboard:subscribe', query);
      this.subscribed = query;
      this.scores = new Map();
      this.draw(page.entries, page.total);
      caption.textContent = describeBoard(kind, query, this.scenario.selectedOptions[0]?.text);
    } catch (err) {
      this.subscribed = null;
      caption.textContent = `This board is not available: ${errorText(err)}`;
      this.draw([], 0);
    }
  }

  private draw(entries: LeaderboardEntry[], total: number): void {
    this.scores = renderLeaderboard(byId('leaderboard-body'), entries, this.ctx.me()?.playerId ?? null, this.scores);
    byId('leaderboard-body').dataset.total = String(total);
  }
}

function describeBoard(kind: BoardKind, query: BoardQuery, scenarioTitle: string | undefined): string {
  switch (kind) {
    case 'global':
      return 'Everyone, every scenario: the sum of each player’s best score per scenario. Updates live.';
    case 'scenario':
      return `Best attempt per player on ${scenarioTitle ?? query.scenarioId}. Updates live.`;
    case 'track':
      return `The ${query.track ?? ''} track. Updates live.`;
    case 'week':
      return `Solves in ${query.week ?? ''}. Updates live.`;
    case 'event':
      return `Event ${query.eventId ?? ''} only. Updates live.`;
    case 'quiz':
      return 'Quiz rounds: each player’s best finished round (score, then speed). Updates live.';
  }
}
