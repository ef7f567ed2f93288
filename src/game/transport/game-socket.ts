import type { Server, Socket } from 'socket.io';
import type { Principal } from '../auth/players.service';
import { GameError, GameErrorCode } from '../errors/game-error';
import type { ClientToServerEvents, ServerToClientEvents } from '../protocol/events';
import type { Ack } from '../protocol/messages';
import type { TokenBucket } from './rate-limiter';

/** Which token signed the socket in, so revoking that token (or all of the player's) can disconnect it. */
export interface SocketSession {
  jti?: string;
  gen: number;
  /** When the token expires (ms since the epoch): its denylist entry is kept until then. */
  exp: number;
}

/** Per-connection state: who is signed in on this socket, and its command budget. */
export interface GameSocketData {
  principal?: Principal;
  session?: SocketSession;
  commands?: TokenBucket;
  signIns?: TokenBucket;
}

export type GameServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, GameSocketData>;
export type GameSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, GameSocketData>;

export function principalOf(socket: GameSocket): Principal {
  const principal = socket.data.principal;
  if (!principal) {
    throw new GameError(GameErrorCode.Unauthenticated, 'sign in first: send player:register, player:login or player:guest');
  }
  return principal;
}

export function playerOf(socket: GameSocket): string {
  return principalOf(socket).playerId;
}

export function ok<T>(data: T): Ack<T> {
  return { ok: true, data };
}
