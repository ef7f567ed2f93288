import type { LeaderboardBoard, LeaderboardEntry } from '../../../src/game/protocol/messages';
import type { BoardQuery } from '../api';
import { el, formatSeconds } from '../dom';

/** ISO 8601 week of a date, e.g. `2026-W48` (the server's weekly boards use the same). */
export function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Whether a pushed board is the one a query asked for. */
export function sameBoard(board: LeaderboardBoard, query: BoardQuery): boolean {
  return (
    board.scenarioId === (query.scenarioId ?? null) &&
    board.track === (query.track ?? null) &&
    board.week === (query.week ?? null) &&
    board.eventId === (query.eventId ?? null)
  );
}

export function renderLeaderboard(body: HTMLElement, entries: LeaderboardEntry[], me: string | null, before: Map<string, number>): Map<string, number> {
  if (entries.length === 0) {
    const cell = el('td', { text: 'No solves yet — be the first.', className: 'muted' });
    cell.colSpan = 5;
    body.replaceChildren(el('tr', {}, cell));
    return new Map();
  }
  body.replaceChildren(
    ...entries.map((e) => {
      const changed = before.size > 0 && before.get(e.playerId) !== e.score;
      const row = el(
        'tr',
        { className: `${e.playerId === me ? 'me' : ''}${changed ? ' updated' : ''}` },
        el('td', { text: String(e.rank) }),
        el('td', { text: e.playerName }),
        el('td', { text: String(e.score) }),
        el('td', { text: formatSeconds(e.solveSeconds) }),
        el('td', { text: String(e.solvedScenarios) }),
      );
      row.dataset.player = e.playerName;
      return row;
    }),
  );
  return new Map(entries.map((e) => [e.playerId, e.score]));
}
