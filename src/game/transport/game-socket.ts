import type { Server, Socket } from 'socket.io';
import { GameError, GameErrorCode } from '../errors/game-error';
import type { ClientToServerEvents, ServerToClientEvents } from '../protocol/events';
import type { Ack } from '../protocol/messages';

/** Per-connection state: who is signed in on this socket. */
export interface GameSocketData {
  playerId?: string;
}

export type GameServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, GameSocketData>;
export type GameSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, GameSocketData>;

export function playerOf(socket: GameSocket): string {
  const playerId = socket.data.playerId;
  if (!playerId) {
    throw new GameError(GameErrorCode.Unauthenticated, 'sign in first: send player:register or player:login');
  }
  return playerId;
}

export function ok<T>(data: T): Ack<T> {
  return { ok: true, data };
}
