/**
 * Socket event names, declared once. Requests (client → server) are answered through the ack;
 * pushes (server → client) are plain events. The client imports these types only (`import type`).
 */
import type {
  Ack,
  AbandonResponse,
  AttemptExpiredPush,
  AttemptProgressPush,
  AttemptRefRequest,
  AttemptSolvedPush,
  AttemptStartRequest,
  AttemptView,
  AuthoringGetResponse,
  AuthoringListResponse,
  AuthoringSaveResponse,
  AuthoringScenarioRequest,
  AuthoringScenarioResponse,
  AuthoringValidateResponse,
  AuthoringYamlRequest,
  BestReplaysRequest,
  BestReplaysResponse,
  ClaimRequest,
  CommandResult,
  CommandRunRequest,
  CommandInterruptRequest,
  CommandCompleteRequest,
  CommandEditCancelRequest,
  CommandEditSaveRequest,
  Completion,
  CommandOutputPush,
  DiagnosisResult,
  DiagnosisSubmitRequest,
  EventCommandPush,
  EventJoinRequest,
  EventMemberProgressPush,
  EventView,
  EventWatchRequest,
  EventWatchResponse,
  HintTakeRequest,
  HintView,
  LeaderboardChangedPush,
  LeaderboardResponse,
  LeaderboardSubscribeRequest,
  LoginRequest,
  LogoutResponse,
  QuizAnswerRequest,
  QuizListResponse,
  QuizResult,
  QuizRoundAnswerRequest,
  QuizRoundAnswerResult,
  QuizRoundFinishRequest,
  QuizRoundStartRequest,
  QuizRoundSummary,
  QuizRoundView,
  QuizTopicsResponse,
  RegisterRequest,
  ReplayView,
  ScenarioListResponse,
  SessionResponse,
  SessionRevokedPush,
} from './messages';
import type { ClusterDescribeRequest, ClusterDescribeResponse, ClusterViewPush } from './cluster-view.messages';

export const ClientEvents = {
  PlayerRegister: 'player:register',
  PlayerLogin: 'player:login',
  PlayerGuest: 'player:guest',
  PlayerClaim: 'player:claim',
  /** Revokes this socket's session token; the socket stays connected, signed out. */
  PlayerLogout: 'player:logout',
  ScenarioList: 'scenario:list',
  /** `kubectl describe` of an object in one's attempt (the cluster view) */
  ClusterDescribe: 'cluster:describe',
  AttemptStart: 'attempt:start',
  AttemptResume: 'attempt:resume',
  AttemptAbandon: 'attempt:abandon',
  AttemptReplay: 'attempt:replay',
  AttemptBest: 'attempt:best',
  CommandRun: 'command:run',
  CommandInterrupt: 'command:interrupt',
  CommandEditSave: 'command:edit-save',
  CommandEditCancel: 'command:edit-cancel',
  CommandComplete: 'command:complete',
  HintTake: 'hint:take',
  DiagnosisSubmit: 'diagnosis:submit',
  QuizList: 'quiz:list',
  QuizAnswer: 'quiz:answer',
  LeaderboardSubscribe: 'leaderboard:subscribe',
  LeaderboardUnsubscribe: 'leaderboard:unsubscribe',
  EventJoin: 'event:join',
  EventWatch: 'event:watch',
  QuizTopics: 'quiz:topics',
  QuizRoundStart: 'quiz-round:start',
  QuizRoundAnswer: 'quiz-round:answer',
  QuizRoundFinish: 'quiz-round:finish',
  AuthoringValidate: 'authoring:validate',
  AuthoringSave: 'authoring:save',
  AuthoringPublish: 'authoring:publish',
  AuthoringUnpublish: 'authoring:unpublish',
  AuthoringList: 'authoring:list',
  AuthoringGet: 'authoring:get',
} as const;

export const ServerEvents = {
  AttemptProgress: 'attempt:progress',
  /** the live cluster view of an attempt (on start/resume, then when it changed) */
  ClusterView: 'cluster:view',
  AttemptSolved: 'attempt:solved',
  AttemptExpired: 'attempt:expired',
  LeaderboardChanged: 'leaderboard:changed',
  EventMemberProgress: 'event:member-progress',
  EventCommand: 'event:command',
  CommandOutput: 'command:output',
  /** The token this socket signed in with was revoked; the server disconnects right after. */
  SessionRevoked: 'session:revoked',
} as const;

type Request<Req, Res> = (request: Req, ack: (response: Ack<Res>) => void) => void;

/** socket.io's typed-events map for what a client may send. */
export interface ClientToServerEvents {
  [ClientEvents.PlayerRegister]: Request<RegisterRequest, SessionResponse>;
  [ClientEvents.PlayerLogin]: Request<LoginRequest, SessionResponse>;
  [ClientEvents.PlayerGuest]: Request<Record<string, never>, SessionResponse>;
  [ClientEvents.PlayerClaim]: Request<ClaimRequest, SessionResponse>;
  [ClientEvents.PlayerLogout]: Request<Record<string, never>, LogoutResponse>;
  [ClientEvents.ScenarioList]: Request<Record<string, never>, ScenarioListResponse>;
  [ClientEvents.ClusterDescribe]: Request<ClusterDescribeRequest, ClusterDescribeResponse>;
  [ClientEvents.AttemptStart]: Request<AttemptStartRequest, AttemptView>;
  [ClientEvents.AttemptResume]: Request<AttemptRefRequest, AttemptView>;
  [ClientEvents.AttemptAbandon]: Request<AttemptRefRequest, AbandonResponse>;
  [ClientEvents.AttemptReplay]: Request<AttemptRefRequest, ReplayView>;
  [ClientEvents.AttemptBest]: Request<BestReplaysRequest, BestReplaysResponse>;
  [ClientEvents.CommandRun]: Request<CommandRunRequest, CommandResult>;
  [ClientEvents.CommandInterrupt]: Request<CommandInterruptRequest, Record<string, never>>;
  [ClientEvents.CommandEditSave]: Request<CommandEditSaveRequest, CommandResult>;
  [ClientEvents.CommandEditCancel]: Request<CommandEditCancelRequest, CommandResult>;
  [ClientEvents.CommandComplete]: Request<CommandCompleteRequest, Completion>;
  [ClientEvents.HintTake]: Request<HintTakeRequest, HintView>;
  [ClientEvents.DiagnosisSubmit]: Request<DiagnosisSubmitRequest, DiagnosisResult>;
  [ClientEvents.QuizList]: Request<AttemptRefRequest, QuizListResponse>;
  [ClientEvents.QuizAnswer]: Request<QuizAnswerRequest, QuizResult>;
  [ClientEvents.LeaderboardSubscribe]: Request<LeaderboardSubscribeRequest, LeaderboardResponse>;
  [ClientEvents.LeaderboardUnsubscribe]: Request<LeaderboardSubscribeRequest, Record<string, never>>;
  [ClientEvents.EventJoin]: Request<EventJoinRequest, EventView>;
  [ClientEvents.EventWatch]: Request<EventWatchRequest, EventWatchResponse>;
  [ClientEvents.QuizTopics]: Request<Record<string, never>, QuizTopicsResponse>;
  [ClientEvents.QuizRoundStart]: Request<QuizRoundStartRequest, QuizRoundView>;
  [ClientEvents.QuizRoundAnswer]: Request<QuizRoundAnswerRequest, QuizRoundAnswerResult>;
  [ClientEvents.QuizRoundFinish]: Request<QuizRoundFinishRequest, QuizRoundSummary>;
  [ClientEvents.AuthoringValidate]: Request<AuthoringYamlRequest, AuthoringValidateResponse>;
  /** Creates the scenario (the file's id is new) or adds a version (it is one's own). */
  [ClientEvents.AuthoringSave]: Request<AuthoringYamlRequest, AuthoringSaveResponse>;
  [ClientEvents.AuthoringPublish]: Request<AuthoringScenarioRequest, AuthoringScenarioResponse>;
  [ClientEvents.AuthoringUnpublish]: Request<{ scenarioId: string }, AuthoringScenarioResponse>;
  [ClientEvents.AuthoringList]: Request<Record<string, never>, AuthoringListResponse>;
  [ClientEvents.AuthoringGet]: Request<AuthoringScenarioRequest, AuthoringGetResponse>;
}

/** socket.io's typed-events map for what the server pushes. */
export interface ServerToClientEvents {
  [ServerEvents.AttemptProgress]: (push: AttemptProgressPush) => void;
  [ServerEvents.ClusterView]: (push: ClusterViewPush) => void;
  [ServerEvents.AttemptSolved]: (push: AttemptSolvedPush) => void;
  [ServerEvents.AttemptExpired]: (push: AttemptExpiredPush) => void;
  [ServerEvents.LeaderboardChanged]: (push: LeaderboardChangedPush) => void;
  [ServerEvents.EventMemberProgress]: (push: EventMemberProgressPush) => void;
  [ServerEvents.EventCommand]: (push: EventCommandPush) => void;
  [ServerEvents.CommandOutput]: (push: CommandOutputPush) => void;
  [ServerEvents.SessionRevoked]: (push: SessionRevokedPush) => void;
}

/** What a client passes as `auth` in the socket.io handshake to be signed in from the first message. */
export interface HandshakeAuth {
  /** A session token from player:register / player:login / player:guest / player:claim. */
  token?: string;
}
