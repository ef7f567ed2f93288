/**
 * Socket event names, declared once. Requests (client → server) are answered through the ack;
 * pushes (server → client) are plain events. The client imports these types only (`import type`).
 */
import type {
  Ack,
  AttemptProgressPush,
  AttemptRefRequest,
  AttemptSolvedPush,
  AttemptStartRequest,
  AttemptView,
  AbandonResponse,
  CommandResult,
  CommandRunRequest,
  HintTakeRequest,
  HintView,
  LeaderboardChangedPush,
  LoginRequest,
  LoginResponse,
  RegisterRequest,
  RegisterResponse,
  ScenarioListResponse,
} from './messages';

export const ClientEvents = {
  PlayerRegister: 'player:register',
  PlayerLogin: 'player:login',
  ScenarioList: 'scenario:list',
  AttemptStart: 'attempt:start',
  AttemptResume: 'attempt:resume',
  AttemptAbandon: 'attempt:abandon',
  CommandRun: 'command:run',
  HintTake: 'hint:take',
} as const;

export const ServerEvents = {
  AttemptProgress: 'attempt:progress',
  AttemptSolved: 'attempt:solved',
  LeaderboardChanged: 'leaderboard:changed',
} as const;

type Request<Req, Res> = (request: Req, ack: (response: Ack<Res>) => void) => void;

/** socket.io's typed-events map for what a client may send. */
export interface ClientToServerEvents {
  [ClientEvents.PlayerRegister]: Request<RegisterRequest, RegisterResponse>;
  [ClientEvents.PlayerLogin]: Request<LoginRequest, LoginResponse>;
  [ClientEvents.ScenarioList]: Request<Record<string, never>, ScenarioListResponse>;
  [ClientEvents.AttemptStart]: Request<AttemptStartRequest, AttemptView>;
  [ClientEvents.AttemptResume]: Request<AttemptRefRequest, AttemptView>;
  [ClientEvents.AttemptAbandon]: Request<AttemptRefRequest, AbandonResponse>;
  [ClientEvents.CommandRun]: Request<CommandRunRequest, CommandResult>;
  [ClientEvents.HintTake]: Request<HintTakeRequest, HintView>;
}

/** socket.io's typed-events map for what the server pushes. */
export interface ServerToClientEvents {
  [ServerEvents.AttemptProgress]: (push: AttemptProgressPush) => void;
  [ServerEvents.AttemptSolved]: (push: AttemptSolvedPush) => void;
  [ServerEvents.LeaderboardChanged]: (push: LeaderboardChangedPush) => void;
}

/** What a client passes as `auth` in the socket.io handshake to be signed in from the first message. */
export interface HandshakeAuth {
  playerId?: string;
  token?: string;
}
