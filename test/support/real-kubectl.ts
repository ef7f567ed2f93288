import { execFile } from 'node:child_process';
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandResult } from '../../src/game/protocol/messages';
import { call, type TestSocket } from './socket-client';

/** Test-app env: the per-attempt Kubernetes API on a free port, named by the address real kubectl dials. */
export const K8S_ENV = { CRASHLOOP_K8S_PORT: '0', CRASHLOOP_K8S_HOSTNAME: '127.0.0.1' };

/** Splits a command line the way a shell would for these simple commands (single quotes group). */
export function argv(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

/**
 * The simulated cluster runs on a virtual clock; real kubectl computes describe's event ages (and
 * `kubectl events`' LAST SEEN) from the machine's clock, so those cells differ on purpose. `get`'s AGE
 * comes from the server's Table and matches exactly.
 */
export const maskClientAges = (text: string): string => text.replace(/\b\d+(?:d|h|m|s)(?:\d+(?:h|m|s))?\b(?: \(x\d+ over \S+\))?/g, '<age>').replace(/ +/g, ' ');

/** The attempt's kubeconfig, as the learner downloads it (HTTP 200 or the test fails). */
export async function kubeconfigFor(url: string, sessionToken: string, attemptId: string): Promise<string> {
  const res = await fetch(`${url}/api/attempts/${attemptId}/kubeconfig`, { headers: { authorization: `Bearer ${sessionToken}` } });
  expect(res.status).toBe(200);
  return res.text();
}

export interface KubectlRun {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** The real kubectl on the machine (gcloud's dispatcher picks the binary matching the server's /version). */
export const REAL_KUBECTL = process.env.CRASHLOOP_TEST_KUBECTL ?? '/usr/bin/kubectl';

/**
 * Writes `kubeconfig` into a fresh temp folder (also used as HOME, so kubectl's discovery cache is
 * per test) and returns a runner of real kubectl commands against it.
 */
export function realKubectl(kubeconfig: string, binary = REAL_KUBECTL): (args: string[], stdin?: string, onStdout?: (chunk: string) => void) => Promise<KubectlRun> {
  const home = mkdtempSync(join(tmpdir(), 'crashloop-kubectl-'));
  const file = join(home, 'kubeconfig');
  writeFileSync(file, kubeconfig, { mode: 0o600 });
  return (args, stdin, onStdout) =>
    new Promise((resolve) => {
      // CRASHLOOP_KUBECTL_LOG=FILE records every command the parity suites run (to count them).
      if (process.env.CRASHLOOP_KUBECTL_LOG) appendFileSync(process.env.CRASHLOOP_KUBECTL_LOG, `${binary} ${args.join(' ')}\n`);
      const child = execFile(
        binary,
        [`--kubeconfig=${file}`, ...args],
        { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, KUBECTL_REMOTE_COMMAND_WEBSOCKETS: 'true' }, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
        (err, stdout, stderr) => {
          const code = err ? (typeof (err as NodeJS.ErrnoException & { code?: unknown }).code === 'number' ? ((err as unknown as { code: number }).code) : 1) : 0;
          resolve({ stdout, stderr, exitCode: code });
        },
      );
      if (onStdout) child.stdout?.on('data', (d: Buffer | string) => onStdout(d.toString()));
      if (stdin !== undefined) child.stdin?.end(stdin);
      else child.stdin?.end();
    });
}

/**
 * Our socket kubectl for parity tables: the socket allows 10 commands a second (bursts of 20), so calls
 * are spaced 120 ms apart. `attemptId` is read at call time (it is set in a beforeAll).
 */
export function pacedOurs(socket: () => TestSocket, attemptId: () => string): (command: string) => Promise<CommandResult> {
  let last = 0;
  return async (command) => {
    const wait = last + 120 - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    last = Date.now();
    return call<CommandResult>(socket(), 'command:run', { attemptId: attemptId(), command });
  };
}
