/**
 * `npx ts-node --transpile-only bench/profile-server.ts [players] [seconds] [flat|uncached]`: the game server under a
 * mixed-command load (or, with `flat`, get pods flat out, limiter off; `uncached`, each command different) with --cpu-prof;
 * the profile lands in bench/results/profiles/ (gitignored).
 */
import { join } from 'node:path';
import type { Job } from './loadgen.child';
import { runJob, UNLIMITED, withServer } from './lib/harness';

async function main(): Promise<void> {
  const players = Number(process.argv[2] ?? 100);
  const seconds = Number(process.argv[3] ?? 10);
  const mode = process.argv[4];
  const flat = mode === 'flat' || mode === 'uncached';
  const dir = join(__dirname, 'results', 'profiles');
  const result = await withServer(
    'server.child.ts',
    120_000,
    (url) => {
      const job: Job = flat
        ? { kind: 'saturate', url, target: 'command', sockets: players, durationMs: seconds * 1000, scenarioId: 'bench-5-pods', uncached: mode === 'uncached' }
        : { kind: 'players', url, players, durationMs: seconds * 1000, intervalMs: 3000, scenarioId: 'bench-5-pods', setupBudgetMs: 60_000 };
      return runJob<unknown>(job, 110_000);
    },
    flat ? UNLIMITED : {},
    ['--cpu-prof', `--cpu-prof-dir=${dir}`],
  );
  process.stdout.write(`${JSON.stringify(result)}\nprofile in ${dir}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
