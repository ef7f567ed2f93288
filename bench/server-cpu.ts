/**
 * `npx ts-node --transpile-only bench/server-cpu.ts [seconds]`: the game server's CPU time per `command:run`
 * (`kubectl get pods`, 32 sockets flat out, command limiter off, bench-5-pods), from the server's own
 * process.cpuUsage(). On a shared machine this moves far less with the load than the throughput does.
 */
import { runJob, UNLIMITED, withServer } from './lib/harness';

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 8);
  const line = await withServer(
    'server.child.ts',
    120_000,
    async (url, usage) => {
      const before = await usage(); // the 32 players' sign-in and start are counted too (well under 1 µs per command)
      const { perSecond, latency } = await runJob<{ perSecond: number; latency: { n: number } }>({ kind: 'saturate', url, target: 'command', sockets: 32, durationMs: seconds * 1000, scenarioId: 'bench-5-pods' }, 110_000);
      const cpuUs = ((await usage()).cpuMs - before.cpuMs) * 1000;
      return { perSecond, commands: latency.n, serverCpuUsPerCommand: Number((cpuUs / latency.n).toFixed(1)) };
    },
    UNLIMITED,
  );
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
