import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, HandshakeAuth, ServerToClientEvents } from '../../src/game/protocol/events';
import type { Ack, AckErrorCode } from '../../src/game/protocol/messages';

export type GameSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type RequestEvent = keyof ClientToServerEvents;
type RequestOf<E extends RequestEvent> = Parameters<ClientToServerEvents[E]>[0];
type ResponseOf<E extends RequestEvent> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0] extends Ack<infer T> ? T : never;

const ACK_TIMEOUT_MS = 15_000;

export class ApiError extends Error {
  constructor(
    readonly code: AckErrorCode | 'TIMEOUT',
    message: string,
    /** Some refusals carry details, e.g. the validator's report of a scenario refused on save. */
    readonly details: Record<string, unknown> = {},
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

  /** One request; `timeoutMs` for the few that may take long (validating a scenario by simulation). */
  async request<E extends RequestEvent>(event: E, payload: RequestOf<E>, timeoutMs = ACK_TIMEOUT_MS): Promise<ResponseOf<E>> {
    const emitter = this.socket.timeout(timeoutMs) as unknown as {
      emitWithAck(event: string, payload: unknown): Promise<Ack<ResponseOf<E>>>;
    };
    let ack: Ack<ResponseOf<E>>;
    try {
      ack = await emitter.emitWithAck(event, payload);
    } catch {
      throw new ApiError('TIMEOUT', 'the server did not answer in time; check the connection');
    }
    if (!ack.ok) {
      const { code, message, ...details } = ack.error;
      throw new ApiError(code, message, details);
    }
    return ack.data;
  }
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
