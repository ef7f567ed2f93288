/**
 * `npx ts-node --transpile-only bench/profile-exec.ts [command] [n] [--prof]`: CPU per `session.exec` of one
 * command in-process (no socket, no Nest), on bench-5-pods with the clock ticked between batches as the game
 * ticks it. Without the transport's noise, this is how kubectl/shell/printer changes are compared; `--prof`
 * re-runs itself under --cpu-prof (profile in bench/results/profiles/, for bench/summarize-profile.ts).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { benchCatalog, syntheticId } from './lib/synthetic';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const command = args[0] ?? 'kubectl get pods';
const n = Number(args[1] ?? 100_000);

if (process.argv.includes('--prof')) {
  const dir = join(__dirname, 'results', 'profiles');
  execFileSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '-r', 'ts-node/register/transpile-only', __filename, command, String(n)], { stdio: 'inherit' });
} else {
  const session = benchCatalog([5]).start(syntheticId(5), 1);
  const cpu = () => {
    const u = process.cpuUsage();
    return u.user + u.system;
  };
  for (let i = 0; i < 2_000; i++) session.exec(command); // warm up
  const c0 = cpu();
  for (let i = 0; i < n; i++) {
    if (i % 200 === 0) session.tick(1000); // about as often as the bench's 32 players see a tick
    session.exec(command);
  }
  const us = (cpu() - c0) / n;
  process.stdout.write(`${JSON.stringify(command)}: ${us.toFixed(2)} µs CPU per exec over ${n}\n`);
}
