/** Wire shapes of the socket and HTTP API. Type-only: safe for the browser client to import. */
import type {
  CommandResult,
  Completion,
  DiagnosisResult,
  EditPayload,
  HintView,
  QuizQuestionView,
  QuizResult,
  ScenarioSummary,
  SessionProgress,
  TimelineEntry,
  TimelineEventEntry,
  TimelineGuardRailEntry,
  TimelineNodeEntry,
  TimelineObjectiveEntry,
  TimelinePodEntry,
  TimelineSolvedEntry,
} from '../../scenarios/session.types';
import type { ScoreBreakdown } from '../scoring/score';

export type { CommandResult, Completion, EditPayload, DiagnosisResult, HintView, QuizQuestionView, QuizResult, ScenarioSummary, SessionProgress, ScoreBreakdown };
export type { TimelineEntry, TimelineEventEntry, TimelineGuardRailEntry, TimelineNodeEntry, TimelineObjectiveEntry, TimelinePodEntry, TimelineSolvedEntry };

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
  | 'QUIZ_ROUND_NOT_FOUND'
  | 'QUIZ_ROUND_FINISHED'
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

/**
 * A catalogue entry. `best`: the signed-in player's best solved attempt of it (absent: never solved,
 * or signed out). Other fields of CatalogEntry may be declared elsewhere in this file (interfaces merge).
 */
export interface CatalogEntry extends ScenarioSummary {
  best?: { score: number; solveSeconds: number };
}

export interface CommandRunRequest {
  attemptId: string;
  command: string;
}

/** The player's editor saved the file of a `kubectl edit` (ack: the command's result, maybe a new `edit` reopened with errors). */
export interface CommandEditSaveRequest {
  attemptId: string;
  editId: string;
  text: string;
}

/** The player's editor closed without saving (ack: the command's result, e.g. `Edit cancelled, no changes made.`). */
export interface CommandEditCancelRequest {
  attemptId: string;
  editId: string;
}

/** Tab completion of a partly typed line (ack: `Completion`); not recorded in the command log. */
export interface CommandCompleteRequest {
  attemptId: string;
  line: string;
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

/** `scenarios`: scores of solved scenarios; `quiz`: best standalone quiz round per player (filtered by week only). */
export type LeaderboardKind = 'scenarios' | 'quiz';

/** Which leaderboard: every filter is optional and they combine (all null: the global board). */
export interface LeaderboardBoard {
  board: LeaderboardKind;
  scenarioId: string | null;
  track: string | null;
  /** ISO week of the solve, e.g. `2026-W48` */
  week: string | null;
  eventId: string | null;
}

export interface LeaderboardSubscribeRequest {
  /** Default `scenarios`. */
  board?: LeaderboardKind;
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
  /** Best score (per scenario), or the sum of the player's best per scenario; on the quiz board the best round's score. */
  score: number;
  /**
   * Solve time of the counted attempts, in whole seconds of virtual time (summed across scenarios); on the
   * quiz board the best round's answering time (server clock).
   */
  solveSeconds: number;
  /** 0 on the quiz board. */
  solvedScenarios: number;
  /** Quiz board only: right answers in the counted round. */
  correctAnswers?: number;
  /** ISO time the last counted attempt was solved (the counted quiz round finished). */
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
  /** The commands and what happened in the cluster, merged in the order it happened. */
  timeline: ReplayTimelineItem[];
}

/** A command in a replay's timeline; `atMs` is its `virtualMs`. */
export interface ReplayCommandItem extends ReplayCommand {
  kind: 'command';
  atMs: number;
}

/**
 * Something that happened in the cluster (see TimelineEntry; `seq` left out). A Kubernetes Event appears
 * once, when first seen, with its final count and the time it was last seen.
 */
export type ReplayClusterItem = TimelineEntry extends infer E ? (E extends TimelineEntry ? Omit<E, 'seq'> : never) : never;

export type ReplayTimelineItem = ReplayCommandItem | ReplayClusterItem;

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
  /** The command finished on its own (`logs -f` after its container exited, `drain` done): the prompt comes back. */
  ended?: boolean;
}

// ---------------------------------------------------------------- session revocation

/** player:logout: the socket's token is revoked; the socket stays connected but signed out. */
export interface LogoutResponse {
  revoked: true;
}

/** `POST /api/auth/password` (bearer token): answered with a fresh SessionResponse; every other session is revoked. */
export interface PasswordChangeRequest {
  current: string;
  next: string;
}

/** `POST /api/admin/players/:name/revoke`: every session of the player was revoked. */
export interface PlayerRevokedResponse {
  playerId: string;
  name: string;
  revoked: true;
}

/** To a socket whose session token was revoked, just before the server disconnects it. */
export interface SessionRevokedPush {
  message: string;
}

// ---------------------------------------------------------------- standalone quiz rounds

/** quiz:topics: the topics of the standalone quiz and how many questions each has. */
export interface QuizTopicsResponse {
  topics: Array<{ id: string; title: string; count: number }>;
}

/** quiz-round:start: a round on one topic (default: a mix of all), of `size` questions (default 10, at most 20). */
export interface QuizRoundStartRequest {
  topic?: string;
  size?: number;
}

/** A question of a round; `choices` are in this round's order, and answers use their indices. */
export interface QuizRoundQuestionView {
  id: string;
  topic: string;
  question: string;
  choices: string[];
  /** more than one choice is right (all of them, and only them, score) */
  multiple: boolean;
  /** points for a right answer on time, before the speed bonus */
  points: number;
  timeLimitSeconds: number;
  /** present once answered */
  answered?: QuizRoundAnswerResult;
}

export interface QuizRoundView {
  roundId: string;
  /** null: a mix of every topic */
  topic: string | null;
  state: 'open' | 'finished';
  questions: QuizRoundQuestionView[];
  score: number;
  /** ISO time the round started */
  startedAt: string;
  /** ISO time the clock of the next answer started: the round's start, then each answer (server clock) */
  clockStartedAt: string;
  /** True when the player's open round was returned instead of a new one. */
  resumed: boolean;
}

/** quiz-round:answer: `choices` are indices into the question's choices as this round shows them. */
export interface QuizRoundAnswerRequest {
  roundId: string;
  questionId: string;
  choices: number[];
}

export interface QuizRoundAnswerResult {
  questionId: string;
  /** the choices were exactly the right ones (a late answer may be correct and still score 0) */
  correct: boolean;
  /** answered after the question's time limit: no points */
  late: boolean;
  /** points won: the question's points plus the speed bonus, or 0 */
  points: number;
  speedBonus: number;
  /** server ms from the clock start to the answer */
  elapsedMs: number;
  explanation: string;
  /** the right choices, as indices in this round's order */
  correctChoices: number[];
  /** the choices given, as indices in this round's order */
  choices: number[];
  /** the round's score so far */
  roundScore: number;
  /** questions not answered yet; at 0 the round is finished */
  remaining: number;
}

export interface QuizRoundFinishRequest {
  roundId: string;
}

/** quiz-round:finish (also for a round that finished on its last answer). */
export interface QuizRoundSummary {
  roundId: string;
  topic: string | null;
  score: number;
  questions: number;
  answered: number;
  correct: number;
  late: number;
  /** server seconds spent answering */
  answerSeconds: number;
  /** ISO time the round finished */
  finishedAt: string;
  /** guests play, but only accounts appear on the quiz board */
  onLeaderboard: boolean;
  /** the player's best finished round score, this one included */
  bestScore: number;
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
