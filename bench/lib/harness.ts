import type { ChildProcess } from 'node:child_process';
import type { Job } from '../loadgen.child';
import { forkChild, nextMessage, stopChild } from './child';

/** Flat-out runs measure the engine and transport, not the per-connection command limiter (10/s by default). */
export const UNLIMITED = { CRASHLOOP_COMMAND_RATE: '1000000', CRASHLOOP_COMMAND_BURST: '1000000' };

/** The server's event-loop delay and garbage collection since the previous usage report. */
export type LoopDelay = { p99Ms: number; maxMs: number; gcMs: number; gcMaxMs: number };
/** Server CPU time so far (ms); heapMb: its heap after a full collection; loop: since the last report. */
export type Usage = { cpuMs: number; heapMb: number; loop: LoopDelay };

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Runs `body` against a forked bench child, which is stopped (and killed if need be) afterwards. */
export async function withChild<T>(script: string, lifetimeMs: number, execArgv: string[], body: (child: ChildProcess) => Promise<T>, env: Record<string, string> = {}): Promise<T> {
  const child = forkChild(script, [String(lifetimeMs)], execArgv, env);
  try {
    return await body(child);
  } finally {
    await stopChild(child);
  }
}

/** One load-generator job in its own process; its result. */
export async function runJob<T>(j: Job, timeoutMs: number): Promise<T> {
  return withChild('loadgen.child.ts', timeoutMs, [], async (child) => {
    const result = nextMessage<{ result: T }>(child, 'result', timeoutMs);
    child.send(j);
    return (await result).result;
  });
}

/** A server child (the game server or the echo floor) once it listens; `usage()` asks it for its CPU, heap and loop delay. */
export async function withServer<T>(
  script: string,
  lifetimeMs: number,
  body: (url: string, usage: () => Promise<Usage>) => Promise<T>,
  env: Record<string, string> = {},
  execArgv = ['--expose-gc'],
): Promise<T> {
  return withChild(script, lifetimeMs, execArgv, async (child) => {
    const { url } = await nextMessage<{ url: string }>(child, 'ready', 60_000);
    const usage = async (): Promise<Usage> => {
      const m = nextMessage<{ cpu: NodeJS.CpuUsage; memory: NodeJS.MemoryUsage; loop: LoopDelay }>(child, 'usage', 60_000);
      child.send({ type: 'usage' });
      const { cpu, memory, loop } = await m;
      return { cpuMs: (cpu.user + cpu.system) / 1000, heapMb: memory.heapUsed / 2 ** 20, loop: { p99Ms: round1(loop.p99Ms), maxMs: round1(loop.maxMs), gcMs: Math.round(loop.gcMs), gcMaxMs: round1(loop.gcMaxMs) } };
    };
    return body(url, usage);
  }, env);
}
