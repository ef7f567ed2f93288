import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, HandshakeAuth, ServerToClientEvents } from '../../src/game/protocol/events';
import type { Ack } from '../../src/game/protocol/messages';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const ACK_TIMEOUT_MS = 5_000;

/** Connects and resolves once connected; rejects with the server's reason if the handshake is refused. */
export function connect(url: string, auth?: HandshakeAuth): Promise<TestSocket> {
  const socket: TestSocket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: auth ?? {} });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

/** Sends any event with any payload (also deliberately malformed ones) and awaits the ack. */
export async function send<T = unknown>(socket: TestSocket, event: string, ...args: unknown[]): Promise<Ack<T>> {
  return sendWithin<T>(ACK_TIMEOUT_MS, socket, event, ...args);
}

/** `send` for a handler that may take longer than the usual ack timeout (a validation, say). */
export async function sendWithin<T = unknown>(timeoutMs: number, socket: TestSocket, event: string, ...args: unknown[]): Promise<Ack<T>> {
  const raw = socket as unknown as { timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<Ack<T>> } };
  return raw.timeout(timeoutMs).emitWithAck(event, ...args);
}

/** Sends and expects success; returns the data. */
export async function call<T = unknown>(socket: TestSocket, event: string, payload?: unknown, timeoutMs = ACK_TIMEOUT_MS): Promise<T> {
  const ack = payload === undefined ? await sendWithin<T>(timeoutMs, socket, event) : await sendWithin<T>(timeoutMs, socket, event, payload);
  if (!ack.ok) throw new Error(`${event} failed: ${ack.error.code} ${ack.error.message}`);
  return ack.data;
}

/** Resolves with the next push of `event` that satisfies `predicate`; rejects after `timeoutMs`. */
export function nextPush<T>(socket: TestSocket, event: string, predicate: (push: T) => boolean = () => true, timeoutMs = 20_000): Promise<T> {
  const raw = socket as unknown as { on(e: string, f: (p: T) => void): void; off(e: string, f: (p: T) => void): void };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      raw.off(event, listener);
      reject(new Error(`no "${event}" push within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (push: T): void => {
      if (!predicate(push)) return;
      clearTimeout(timer);
      raw.off(event, listener);
      resolve(push);
    };
    raw.on(event, listener);
  });
}

/** Retries `probe` until it returns a value (not undefined), at most `attempts` times. */
export async function poll<T>(probe: () => Promise<T | undefined>, attempts = 40, pauseMs = 100): Promise<T> {
  for (let i = 0; i < attempts; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, pauseMs));
  }
  throw new Error(`condition not reached after ${attempts} attempts`);
}

/** Every push of `event` from now on, in arrival order. */
export function collect<T>(socket: TestSocket, event: string): T[] {
  const pushes: T[] = [];
  (socket as unknown as { on(e: string, f: (p: T) => void): void }).on(event, (push: T) => void pushes.push(push));
  return pushes;
}
