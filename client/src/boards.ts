import type { LeaderboardBoard, LeaderboardKind } from '../../src/game/protocol/messages';

/** Which board a query names. Pure (no DOM, no socket). */
export interface BoardQuery {
  /** default `scenarios` */
  board?: LeaderboardKind;
  scenarioId?: string;
  track?: string;
  week?: string;
  eventId?: string;
}

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
    board.board === (query.board ?? 'scenarios') &&
    board.scenarioId === (query.scenarioId ?? null) &&
    board.track === (query.track ?? null) &&
    board.week === (query.week ?? null) &&
    board.eventId === (query.eventId ?? null)
  );
}

