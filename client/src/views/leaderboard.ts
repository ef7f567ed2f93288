import type { LeaderboardResponse, ScenarioSummary } from '../../../src/game/protocol/messages';
import { byId, el, formatSeconds } from '../dom';

export function renderLeaderboardOptions(scenarios: ScenarioSummary[]): void {
  const select = byId<HTMLSelectElement>('leaderboard-scenario');
  const selected = select.value;
  select.replaceChildren(
    el('option', { text: 'All scenarios' }),
    ...scenarios.map((s) => {
      const option = el('option', { text: s.title });
      option.value = s.id;
      return option;
    }),
  );
  (select.options[0] as HTMLOptionElement).value = '';
  select.value = selected;
}

export function renderLeaderboard(board: LeaderboardResponse, me: string | null): void {
  const body = byId('leaderboard-body');
  if (board.entries.length === 0) {
    body.replaceChildren(el('tr', {}, el('td', { text: 'No solves yet — be the first.', className: 'muted' })));
    (body.firstElementChild?.firstElementChild as HTMLTableCellElement).colSpan = 4;
    return;
  }
  body.replaceChildren(
    ...board.entries.map((e) =>
      el(
        'tr',
        { className: e.playerId === me ? 'me' : '' },
        el('td', { text: String(e.rank) }),
        el('td', { text: e.playerName }),
        el('td', { text: String(e.score) }),
        el('td', { text: formatSeconds(e.solveSeconds) }),
      ),
    ),
  );
}
