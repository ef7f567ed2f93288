/**
 * Load generator, in its own process: socket.io clients against 127.0.0.1 only, bounded in count and time.
 * Receives one job as a message, answers with `result`, and exits.
 */
import { io, type Socket } from 'socket.io-client';
import { selfDestructAfter } from './lib/child';
import { nowMs, summarise } from './lib/stats';
import { applyCommand, syntheticId } from './lib/synthetic';

selfDestructAfter(Number(process.argv[2] ?? 150_000));

const ACK_TIMEOUT_MS = 10_000;
const MAX_SOCKETS = 5_000;

type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

export type Job =
  | { kind: 'echo-serial'; url: string; count: number }
  /** uncached: every command differs (a selector no pod fails), so kubectl's output cache never answers. */
  | { kind: 'saturate'; url: string; target: 'echo' | 'command'; sockets: number; durationMs: number; scenarioId?: string; uncached?: boolean }
  | { kind: 'players'; url: string; players: number; durationMs: number; intervalMs: number; scenarioId: string; setupBudgetMs: number }
  | { kind: 'start'; url: string; sizes: number[]; reps: Record<number, number> };

function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') throw new Error(`load only against loopback, not ${host}`);
}

function connect(url: string): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

async function call<T>(socket: Socket, event: string, payload?: unknown): Promise<T> {
  const ack = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)) as Ack<T>;
  if (!ack.ok) throw new Error(`${event}: ${ack.error.code} ${ack.error.message}`);
  return ack.data;
}

/** A connected guest player (`player:guest`, no scrypt) with an attempt on `scenarioId`. */
async function player(url: string, scenarioId: string): Promise<{ socket: Socket; attemptId: string }> {
  const socket = await connect(url);
  await call(socket, 'player:guest', {});
  const { attemptId } = await call<{ attemptId: string }>(socket, 'attempt:start', { scenarioId });
  return { socket, attemptId };
}

/** Sets up `count` players with at most `concurrency` in flight; stops early when the budget is spent. */
async function players(url: string, scenarioId: string, count: number, budgetMs: number, concurrency = 16) {
  const out: Array<{ socket: Socket; attemptId: string }> = [];
  const t0 = nowMs();
  let next = 0;
  let failures = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count && nowMs() - t0 < budgetMs) {
        next++;
        try {
          out.push(await player(url, scenarioId));
        } catch {
          failures++;
        }
      }
    }),
  );
  return { list: out, setupMs: nowMs() - t0, failures };
}

function commandFor(i: number, seq: number): string {
  switch (seq % 3) {
    case 0:
      return 'kubectl get pods';
    case 1:
      return `kubectl describe pod web-${i % 5}`;
    default:
      return applyCommand(i, seq);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Players whose attempt clocks are read before and after the load. */
const CLOCK_SAMPLE = 20;

/** Each sampled attempt's virtual time (attempt:resume) and the wall time it was read at. */
async function clocks(list: Array<{ socket: Socket; attemptId: string }>): Promise<Array<{ virtualMs: number; wallMs: number }>> {
  return Promise.all(
    list.slice(0, CLOCK_SAMPLE).map(async (c) => {
      const { progress } = await call<{ progress: { elapsedMs: number } }>(c.socket, 'attempt:resume', { attemptId: c.attemptId });
      return { virtualMs: progress.elapsedMs, wallMs: nowMs() };
    }),
  );
}

async function run(job: Job): Promise<unknown> {
  assertLoopback(job.url);
  switch (job.kind) {
    case 'echo-serial': {
      const socket = await connect(job.url);
      const samples: number[] = [];
      for (let i = 0; i < job.count; i++) {
        const t = nowMs();
        await call(socket, 'echo', { command: 'kubectl get pods' });
        samples.push(nowMs() - t);
      }
      socket.close();
      return { latency: summarise(samples.slice(Math.min(100, samples.length >> 2))) };
    }
    case 'saturate': {
      const n = Math.min(job.sockets, MAX_SOCKETS);
      const clients =
        job.target === 'echo'
          ? await Promise.all(Array.from({ length: n }, async () => ({ socket: await connect(job.url), attemptId: '' })))
          : (await players(job.url, job.scenarioId!, n, 60_000)).list;
      const samples: number[] = [];
      let errors = 0;
      const t0 = nowMs();
      const end = t0 + job.durationMs;
      await Promise.all(
        clients.map(async (c, i) => {
          while (nowMs() < end) {
            const t = nowMs();
            try {
              if (job.target === 'echo') await call(c.socket, 'echo', { command: 'kubectl get pods' });
              else await call(c.socket, 'command:run', { attemptId: c.attemptId, command: job.uncached ? `kubectl get pods -l bench-seq!=${i}-${samples.length}` : 'kubectl get pods' });
              samples.push(nowMs() - t);
            } catch {
              errors++;
            }
          }
          void i;
        }),
      );
      const seconds = (nowMs() - t0) / 1000;
      for (const c of clients) c.socket.close();
      return { sockets: clients.length, perSecond: Math.round(samples.length / seconds), latency: summarise(samples), errors };
    }
    case 'players': {
      const n = Math.min(job.players, MAX_SOCKETS);
      const setup = await players(job.url, job.scenarioId, n, job.setupBudgetMs);
      const clocksBefore = await clocks(setup.list);
      const samples: number[] = [];
      let errors = 0;
      const t0 = nowMs();
      const end = t0 + job.durationMs;
      await Promise.all(
        setup.list.map(async (c, i) => {
          await sleep(Math.random() * job.intervalMs); // spread the players over the interval
          let seq = 0;
          while (nowMs() < end) {
            const started = nowMs();
            try {
              await call(c.socket, 'command:run', { attemptId: c.attemptId, command: commandFor(i, seq) });
              samples.push(nowMs() - started);
            } catch {
              errors++;
            }
            seq++;
            const wait = job.intervalMs - (nowMs() - started);
            if (nowMs() + Math.max(0, wait) >= end) break;
            if (wait > 0) await sleep(wait);
          }
        }),
      );
      const seconds = (nowMs() - t0) / 1000;
      const clocksAfter = await clocks(setup.list);
      // 1 = the ticker kept every attempt at real time; less = the clusters fell behind under this load.
      const ratios = clocksAfter.map((a, i) => (a.virtualMs - clocksBefore[i].virtualMs) / (a.wallMs - clocksBefore[i].wallMs));
      for (const c of setup.list) c.socket.close();
      return {
        clockRatio: ratios.length ? Math.round((ratios.reduce((x, y) => x + y, 0) / ratios.length) * 100) / 100 : 0,
        requested: job.players,
        connected: setup.list.length,
        setupFailures: setup.failures,
        setupMs: Math.round(setup.setupMs),
        commands: samples.length,
        perSecond: Math.round(samples.length / seconds),
        latency: summarise(samples),
        errors,
      };
    }
    case 'start': {
      const socket = await connect(job.url);
      await call(socket, 'player:guest', {});
      const bySize: Record<number, unknown> = {};
      const startOnce = async (size: number): Promise<number> => {
        const t = nowMs();
        const { attemptId } = await call<{ attemptId: string }>(socket, 'attempt:start', { scenarioId: syntheticId(size) });
        await call(socket, 'command:run', { attemptId, command: 'kubectl get pods' });
        const ms = nowMs() - t;
        await call(socket, 'attempt:abandon', { attemptId });
        return ms;
      };
      for (const size of job.sizes) {
        // The first start of a scenario in a process simulates its warm-up (then cached): reported apart.
        const coldMs = Math.round((await startOnce(size)) * 100) / 100;
        const samples: number[] = [];
        for (let r = 0; r < job.reps[size]; r++) samples.push(await startOnce(size));
        bySize[size] = { ...summarise(samples), coldMs };
      }
      socket.close();
      return bySize;
    }
  }
}

process.once('message', (job: Job) => {
  run(job)
    .then((result) => process.send!({ type: 'result', result }, () => process.exit(0)))
    .catch((err: unknown) => {
      process.send!({ type: 'error', message: err instanceof Error ? err.stack : String(err) }, () => process.exit(1));
    });
});
