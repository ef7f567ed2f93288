/**
 * `npx ts-node --transpile-only bench/profile-server.ts [players] [seconds] [flat|uncached]`: the game server under a
 * mixed-command load (or, with `flat`, get pods flat out, limiter off; `uncached`, each command different) with --cpu-prof; the profile lands in
 * bench/results/profiles/ (gitignored).
 */
import { join } from 'node:path';
import { forkChild, nextMessage, stopChild } from './lib/child';
import type { Job } from './loadgen.child';

async function main(): Promise<void> {
  const players = Number(process.argv[2] ?? 100);
  const seconds = Number(process.argv[3] ?? 10);
  const dir = join(__dirname, 'results', 'profiles');
  const flat = process.argv[4] === 'flat' || process.argv[4] === 'uncached';
  const env: Record<string, string> = flat ? { CRASHLOOP_COMMAND_RATE: '1000000', CRASHLOOP_COMMAND_BURST: '1000000' } : {};
  const server = forkChild('server.child.ts', ['120000'], ['--cpu-prof', `--cpu-prof-dir=${dir}`], env);
  try {
    const { url } = await nextMessage<{ url: string }>(server, 'ready', 60_000);
    const loadgen = forkChild('loadgen.child.ts', ['110000']);
    const result = nextMessage<{ result: unknown }>(loadgen, 'result', 110_000);
    const job: Job = flat
      ? { kind: 'saturate', url, target: 'command', sockets: players, durationMs: seconds * 1000, scenarioId: 'bench-5-pods', uncached: process.argv[4] === 'uncached' }
      : { kind: 'players', url, players, durationMs: seconds * 1000, intervalMs: 3000, scenarioId: 'bench-5-pods', setupBudgetMs: 60_000 };
    loadgen.send(job);
    process.stdout.write(`${JSON.stringify((await result).result)}\nprofile in ${dir}\n`);
  } finally {
    await stopChild(server);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
