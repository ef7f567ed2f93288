import type { LeaderboardEntry } from '../../../src/game/protocol/messages';
import { el, formatSeconds } from '../dom';

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
        el('td', { text: String(e.correctAnswers ?? e.solvedScenarios) }),
      );
      row.dataset.player = e.playerName;
      return row;
    }),
  );
  return new Map(entries.map((e) => [e.playerId, e.score]));
}
