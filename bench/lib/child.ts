import { fork, ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

/** Runs a bench/*.child.ts script in its own Node process (ts-node, transpile only). */
export function forkChild(script: string, args: string[] = [], execArgv: string[] = [], env: Record<string, string> = {}): ChildProcess {
  return fork(resolve(__dirname, '..', script), args, {
    execArgv: ['-r', 'ts-node/register/transpile-only', ...execArgv],
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true', ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/** Resolves with the first IPC message of the given type; rejects when the child dies first or after `timeoutMs`. */
export function nextMessage<T>(child: ChildProcess, type: string, timeoutMs: number): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => done(new Error(`no "${type}" from child within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (m: { type?: string }) => {
      if (m && m.type === type) done(undefined, m as T);
      else if (m && m.type === 'error') done(new Error(String((m as { message?: string }).message)));
    };
    const onExit = (code: number | null) => done(new Error(`child exited (${code}) before "${type}"`));
    function done(err?: Error, value?: T): void {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (err) reject(err);
      else resolvePromise(value as T);
    }
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/** Asks a child to stop and kills it (by its own pid) if it has not exited within `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  try {
    child.send({ type: 'stop' });
  } catch {
    /* already gone */
  }
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Every child exits by itself after `ms`, whatever the parent does. */
export function selfDestructAfter(ms: number): void {
  setTimeout(() => {
    process.stderr.write(`${process.argv[1]}: lifetime of ${ms} ms reached, exiting\n`);
    process.exit(3);
  }, ms).unref();
  process.on('disconnect', () => process.exit(0));
}
