import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, HandshakeAuth, ServerToClientEvents } from '../../src/game/protocol/events';
import type { Ack, AckErrorCode, LeaderboardResponse } from '../../src/game/protocol/messages';

export type GameSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type RequestEvent = keyof ClientToServerEvents;
type RequestOf<E extends RequestEvent> = Parameters<ClientToServerEvents[E]>[0];
type ResponseOf<E extends RequestEvent> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0] extends Ack<infer T> ? T : never;

const ACK_TIMEOUT_MS = 15_000;

export class ApiError extends Error {
  constructor(
    readonly code: AckErrorCode | 'TIMEOUT',
    message: string,
  ) {
    super(message);
  }
}

/** The socket connection (same origin as the page) and typed request/ack calls. */
export class GameClient {
  readonly socket: GameSocket;

  constructor(auth: HandshakeAuth) {
    this.socket = io({ auth: { ...auth }, transports: ['websocket', 'polling'] });
  }

  /** Credentials the socket presents on its next (re)connection. */
  setAuth(auth: HandshakeAuth): void {
    this.socket.auth = { ...auth };
  }

  async request<E extends RequestEvent>(event: E, payload: RequestOf<E>): Promise<ResponseOf<E>> {
    const emitter = this.socket.timeout(ACK_TIMEOUT_MS) as unknown as {
      emitWithAck(event: string, payload: unknown): Promise<Ack<ResponseOf<E>>>;
    };
    let ack: Ack<ResponseOf<E>>;
    try {
      ack = await emitter.emitWithAck(event, payload);
    } catch {
      throw new ApiError('TIMEOUT', 'the server did not answer in time; check the connection');
    }
    if (!ack.ok) throw new ApiError(ack.error.code, ack.error.message);
    return ack.data;
  }
}

export async function fetchLeaderboard(scenarioId: string | null): Promise<LeaderboardResponse> {
  const query = new URLSearchParams({ limit: '20' });
  if (scenarioId) query.set('scenarioId', scenarioId);
  const res = await fetch(`/api/leaderboard?${query.toString()}`);
  if (!res.ok) throw new Error(`leaderboard: HTTP ${res.status}`);
  return (await res.json()) as LeaderboardResponse;
}
