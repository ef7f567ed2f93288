import { GameError, GameErrorCode } from '../errors/game-error';
import type { LeaderboardBoard, LeaderboardKind, LeaderboardSubscribeRequest } from '../protocol/messages';

/** How many rows a leaderboard:changed push carries. */
export const LEADERBOARD_PUSH_ROWS = 10;

/** The board a request names; the quiz board is filtered by week only. */
export function boardOf(request: LeaderboardSubscribeRequest): LeaderboardBoard {
  const board: LeaderboardKind = request.board ?? 'scenarios';
  if (board === 'quiz' && (request.scenarioId !== undefined || request.track !== undefined || request.eventId !== undefined)) {
    throw new GameError(GameErrorCode.BadRequest, 'the quiz board can only be filtered by week');
  }
  return {
    board,
    scenarioId: request.scenarioId ?? null,
    track: request.track ?? null,
    week: request.week ?? null,
    eventId: request.eventId ?? null,
  };
}

/** The socket.io room of a board's subscribers. */
export function boardRoom(board: LeaderboardBoard): string {
  return `leaderboard:${JSON.stringify([board.board, board.scenarioId, board.track, board.week, board.eventId])}`;
}

export function boardOfRoom(room: string): LeaderboardBoard | null {
  if (!room.startsWith('leaderboard:')) return null;
  const [board, scenarioId, track, week, eventId] = JSON.parse(room.slice('leaderboard:'.length)) as Array<string | null>;
  return { board: board === 'quiz' ? 'quiz' : 'scenarios', scenarioId, track, week, eventId };
}

/** What a solved attempt is filed under. */
export interface SolvedFacts {
  scenarioId: string;
  track: string;
  week: string;
  eventId: string | null;
  guest: boolean;
}

/** Whether a solve can change a board: event boards hold event attempts only, the public ones accounts' other attempts. */
export function boardIncludes(board: LeaderboardBoard, solved: SolvedFacts): boolean {
  if (board.board !== 'scenarios') return false;
  if (board.eventId !== solved.eventId) return false;
  if (board.eventId === null && solved.guest) return false;
  return (
    (board.scenarioId === null || board.scenarioId === solved.scenarioId) &&
    (board.track === null || board.track === solved.track) &&
    (board.week === null || board.week === solved.week)
  );
}

/** ISO 8601 week of a date (UTC), e.g. `2026-W48`: weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeek(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
