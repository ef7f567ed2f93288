/** Wire shapes of the socket and HTTP API. Type-only: safe for the browser client to import. */
import type {
  CommandResult,
  HintView,
  ScenarioSummary,
  SessionProgress,
} from '../../scenarios/session.types';
import type { ScoreBreakdown } from '../scoring/score';

export type { CommandResult, HintView, ScenarioSummary, SessionProgress, ScoreBreakdown };

/** Same strings as GameErrorCode (kept as a union here so the client needs no runtime import). */
export type AckErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'NAME_TAKEN'
  | 'SCENARIO_NOT_FOUND'
  | 'ATTEMPT_NOT_FOUND'
  | 'ATTEMPT_NOT_ACTIVE'
  | 'HINT_NOT_FOUND'
  | 'INTERNAL';

export interface AckError {
  code: AckErrorCode;
  message: string;
}

/** Every request is answered with exactly one of these through the socket.io ack. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: AckError };

export interface RegisterRequest {
  name: string;
}
export interface RegisterResponse {
  playerId: string;
  name: string;
  /** Shown once; only its hash is stored. */
  token: string;
}

export interface LoginRequest {
  name: string;
  token: string;
}
export interface LoginResponse {
  playerId: string;
  name: string;
}

export interface ScenarioListResponse {
  scenarios: ScenarioSummary[];
}

export interface AttemptStartRequest {
  scenarioId: string;
}
export interface AttemptRefRequest {
  attemptId: string;
}

export interface AttemptView {
  attemptId: string;
  scenario: ScenarioSummary;
  progress: SessionProgress;
  hints: HintView[];
  /** True when an attempt that already existed was continued rather than a new one started. */
  resumed: boolean;
}

export interface AbandonResponse {
  attemptId: string;
}

export interface CommandRunRequest {
  attemptId: string;
  command: string;
}

export interface HintTakeRequest {
  attemptId: string;
  index: number;
}

export interface AttemptProgressPush {
  attemptId: string;
  progress: SessionProgress;
}

export interface AttemptSolvedPush {
  attemptId: string;
  scenarioId: string;
  score: number;
  solveSeconds: number;
  breakdown: ScoreBreakdown;
  debrief: string;
}

export interface LeaderboardChangedPush {
  scenarioId: string;
}

export interface LeaderboardEntry {
  rank: number;
  playerId: string;
  playerName: string;
  /** Best score (per scenario), or the sum of the player's best per scenario. */
  score: number;
  /** Solve time of the counted attempts, in whole seconds of virtual time (summed across scenarios). */
  solveSeconds: number;
  solvedScenarios: number;
  /** ISO time the last counted attempt was solved. */
  finishedAt: string;
}

export interface LeaderboardResponse {
  scenarioId: string | null;
  limit: number;
  offset: number;
  total: number;
  entries: LeaderboardEntry[];
}
