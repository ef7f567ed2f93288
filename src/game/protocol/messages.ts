/** Wire shapes of the socket and HTTP API. Type-only: safe for the browser client to import. */
import type {
  CommandResult,
  DiagnosisResult,
  HintView,
  QuizQuestionView,
  QuizResult,
  ScenarioSummary,
  SessionProgress,
} from '../../scenarios/session.types';
import type { ScoreBreakdown } from '../scoring/score';

export type { CommandResult, DiagnosisResult, HintView, QuizQuestionView, QuizResult, ScenarioSummary, SessionProgress, ScoreBreakdown };

export type Role = 'learner' | 'instructor' | 'admin';

/** Same strings as GameErrorCode (kept as a union here so the client needs no runtime import). */
export type AckErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'FORBIDDEN'
  | 'NAME_TAKEN'
  | 'PLAYER_NOT_FOUND'
  | 'SCENARIO_NOT_FOUND'
  | 'ATTEMPT_NOT_FOUND'
  | 'ATTEMPT_NOT_ACTIVE'
  | 'HINT_NOT_FOUND'
  | 'QUESTION_NOT_FOUND'
  | 'QUESTION_ANSWERED'
  | 'EVENT_NOT_FOUND'
  | 'EVENT_NOT_OPEN'
  | 'SCENARIO_ID_TAKEN'
  | 'SCENARIO_INVALID'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'INTERNAL';

export interface AckError {
  code: AckErrorCode;
  message: string;
  /** With SCENARIO_INVALID: why the scenario was refused. */
  report?: AuthoringReport;
}

/** Every request is answered with exactly one of these through the socket.io ack. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: AckError };

/** player:register, player:login and player:claim (a guest becoming an account). */
export interface CredentialsRequest {
  name: string;
  password: string;
}
export type RegisterRequest = CredentialsRequest;
export type LoginRequest = CredentialsRequest;
export type ClaimRequest = CredentialsRequest;

/** A signed session: pass `token` as the handshake's `auth.token`, or as `Authorization: Bearer` over HTTP. */
export interface SessionResponse {
  playerId: string;
  name: string;
  role: Role;
  /** Guests play but stay off the leaderboards until they claim an account. */
  guest: boolean;
  token: string;
  /** ISO time the token stops being accepted. */
  expiresAt: string;
}
export type RegisterResponse = SessionResponse;
export type LoginResponse = SessionResponse;

/** A catalogue entry: a built-in scenario, or a published authored one (`authoredBy` its instructor). */
export interface CatalogEntry extends ScenarioSummary {
  authoredBy?: string;
}

export interface ScenarioListResponse {
  scenarios: CatalogEntry[];
}

export interface AttemptStartRequest {
  scenarioId: string;
  /** Play the scenario inside an event one is a member of: same seed as every other member. */
  eventId?: string;
}
export interface AttemptRefRequest {
  attemptId: string;
}

export interface AttemptView {
  attemptId: string;
  eventId: string | null;
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

/** The attempt ran past the time limit unsolved and was abandoned. */
export interface AttemptExpiredPush {
  attemptId: string;
  scenarioId: string;
  /** Virtual ms the attempt ran. */
  elapsedMs: number;
}

export interface DiagnosisSubmitRequest {
  attemptId: string;
  /** `kind/name`, e.g. `deployment/api` */
  object: string;
  reason: string;
  cause: string;
}

export interface QuizListResponse {
  attemptId: string;
  questions: QuizQuestionView[];
}

export interface QuizAnswerRequest {
  attemptId: string;
  questionId: string;
  choices: number[];
}

/** Which leaderboard: every filter is optional and they combine (all null: the global board). */
export interface LeaderboardBoard {
  scenarioId: string | null;
  track: string | null;
  /** ISO week of the solve, e.g. `2026-W48` */
  week: string | null;
  eventId: string | null;
}

export interface LeaderboardSubscribeRequest {
  scenarioId?: string;
  track?: string;
  week?: string;
  eventId?: string;
}

/** Pushed to the sockets subscribed to a board whenever a solve changed it, in the order the solves happened. */
export interface LeaderboardChangedPush {
  board: LeaderboardBoard;
  /** Increases by one with every push of any board, so a client can tell the order. */
  version: number;
  total: number;
  /** The new top rows (at most LEADERBOARD_PUSH_ROWS). */
  entries: LeaderboardEntry[];
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

export interface LeaderboardResponse extends LeaderboardBoard {
  limit: number;
  offset: number;
  total: number;
  entries: LeaderboardEntry[];
}

export interface EventCreateRequest {
  name: string;
  scenarioIds: string[];
  /** ISO times; members can start attempts between them. */
  startsAt: string;
  endsAt: string;
}

export interface EventView {
  eventId: string;
  name: string;
  code: string;
  scenarioIds: string[];
  startsAt: string;
  endsAt: string;
}

export interface EventJoinRequest {
  code: string;
}

export interface EventWatchRequest {
  eventId: string;
}

export interface EventMemberView {
  playerId: string;
  name: string;
}

export interface EventWatchResponse {
  event: EventView;
  members: EventMemberView[];
  /** The members' attempts running right now, with their progress (later changes are pushed). */
  live: Array<Omit<EventMemberProgressPush, 'eventId'>>;
}

/** To the event's instructors: a member's progress changed (objectives, violations, solved). */
export interface EventMemberProgressPush {
  eventId: string;
  attemptId: string;
  playerId: string;
  playerName: string;
  scenarioId: string;
  progress: SessionProgress;
}

/** To the event's instructors: a member ran a command. */
export interface EventCommandPush extends CommandResult {
  eventId: string;
  attemptId: string;
  playerId: string;
  playerName: string;
  scenarioId: string;
  seq: number;
  command: string;
  virtualMs: number;
}

export interface ReplayCommand extends CommandResult {
  seq: number;
  command: string;
  /** Virtual ms since the attempt started when the command ran. */
  virtualMs: number;
}

export interface ReplayView {
  attemptId: string;
  playerId: string;
  playerName: string;
  scenarioId: string;
  state: 'active' | 'solved' | 'abandoned';
  score: number | null;
  solveSeconds: number | null;
  commands: ReplayCommand[];
}

export interface BestReplaysRequest {
  scenarioId: string;
}

export interface BestReplaysResponse {
  scenarioId: string;
  attempts: Array<{ attemptId: string; playerName: string; score: number; solveSeconds: number }>;
}

/** Ctrl-C on a running command (`kubectl get -w`). */
export interface CommandInterruptRequest {
  attemptId: string;
  streamId: string;
}

/** Further output of a running command, pushed to the attempt's room after each tick. */
export interface CommandOutputPush {
  attemptId: string;
  streamId: string;
  stdout: string;
}

/** What validating an uploaded scenario found: format problems (all, with YAML lines), else the simulation's steps. */
export interface AuthoringReport {
  ok: boolean;
  /** the file's `id`, when it has a usable one */
  scenarioId?: string;
  /** the validator's steps (broken at start, stays broken, solved by the reference solution, not solved by cheats…) */
  steps: Array<{ name: string; ok: boolean; detail: string }>;
  /** malformed YAML, invalid or unknown fields, a timed-out validation; `line` is 1-based in the uploaded text */
  errors: Array<{ line?: number; path?: string; message: string }>;
}

/** An instructor's scenario as its author (or an admin) sees it. */
export interface AuthoredScenarioView {
  id: string;
  /** the latest version's title (its id when the file has none) */
  title: string;
  ownerName: string;
  latestVersion: number;
  /** the version learners play; absent while unpublished */
  publishedVersion?: number;
  /** the latest version passed validation */
  ok: boolean;
  /** `published` once a version is live in the catalogue */
  status: 'draft' | 'published';
  /** one line about the latest version's report, e.g. "5/5 checks passed" or "3 format errors" */
  reportSummary: string;
  /** ISO time of the latest version (or publication change) */
  updatedAt: string;
}

export interface AuthoringYamlRequest {
  yaml: string;
}

export interface AuthoringScenarioRequest {
  scenarioId: string;
  /** default: the latest version */
  version?: number;
}

export interface AuthoringValidateResponse {
  report: AuthoringReport;
}

export interface AuthoringSaveResponse {
  scenario: AuthoredScenarioView;
  report: AuthoringReport;
}

export interface AuthoringScenarioResponse {
  scenario: AuthoredScenarioView;
}

export interface AuthoringListResponse {
  scenarios: AuthoredScenarioView[];
}

export interface AuthoringGetResponse {
  scenario: AuthoredScenarioView;
  version: number;
  yaml: string;
  report: AuthoringReport;
}

export interface AuthoredVersionView {
  version: number;
  title: string;
  ok: boolean;
  reportSummary: string;
  createdAt: string;
  /** when this version was first published */
  publishedAt?: string;
}

export interface AuthoringVersionsResponse {
  scenario: AuthoredScenarioView;
  versions: AuthoredVersionView[];
}
