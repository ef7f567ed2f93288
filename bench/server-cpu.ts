/**
 * `npx ts-node --transpile-only bench/server-cpu.ts [seconds]`: the game server's CPU time per `command:run`
 * (`kubectl get pods`, 32 sockets flat out, command limiter off, bench-5-pods), from the server's own
 * process.cpuUsage(). On a shared machine this moves far less with the load than the throughput does.
 */
import { forkChild, nextMessage, stopChild } from './lib/child';
import type { Job } from './loadgen.child';

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 8);
  const server = forkChild('server.child.ts', ['120000'], [], { CRASHLOOP_COMMAND_RATE: '1000000', CRASHLOOP_COMMAND_BURST: '1000000' });
  try {
    const { url } = await nextMessage<{ url: string }>(server, 'ready', 60_000);
    const usage = async (): Promise<number> => {
      const m = nextMessage<{ cpu: NodeJS.CpuUsage }>(server, 'usage', 10_000);
      server.send({ type: 'usage' });
      const { cpu } = await m;
      return cpu.user + cpu.system;
    };
    const loadgen = forkChild('loadgen.child.ts', ['110000']);
    const result = nextMessage<{ result: { perSecond: number; latency: { n: number } } }>(loadgen, 'result', 110_000);
    const before = await usage(); // the 32 players' sign-in and start are counted too (well under 1 µs per command)
    const job: Job = { kind: 'saturate', url, target: 'command', sockets: 32, durationMs: seconds * 1000, scenarioId: 'bench-5-pods' };
    loadgen.send(job);
    const { perSecond, latency } = (await result).result;
    const cpuUs = (await usage()) - before;
    process.stdout.write(`${JSON.stringify({ perSecond, commands: latency.n, serverCpuUsPerCommand: Number((cpuUs / latency.n).toFixed(1)) })}\n`);
  } finally {
    await stopChild(server);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
