import { forkChild, nextMessage, stopChild } from './lib/child';
async function main() {
  const root = process.argv[2] ?? '.';
  const server = forkChild(`${root}/server.child.ts`.replace(/^\.\//, ''), ['120000'], [], { CRASHLOOP_COMMAND_RATE: '1000000', CRASHLOOP_COMMAND_BURST: '1000000', CRASHLOOP_SNAPSHOT_MS: process.env.SNAP ?? '15000' });
  const { url } = await nextMessage<{ url: string }>(server, 'ready', 60_000);
  const usage = async () => { const m = nextMessage<{ cpu: NodeJS.CpuUsage }>(server, 'usage', 10_000); server.send({ type: 'usage' }); const { cpu } = await m; return cpu.user + cpu.system; };
  const loadgen = forkChild('loadgen.child.ts', ['110000']);
  const result = nextMessage<{ result: any }>(loadgen, 'result', 110_000);
  // players setup happens inside the job; measure CPU over the whole job, minus a setup-only estimate is not possible: report both
  const u0 = await usage();
  loadgen.send({ kind: 'saturate', url, target: 'command', sockets: 32, durationMs: 8000, scenarioId: 'bench-5-pods' });
  const r = (await result).result;
  const u1 = await usage();
  console.log(JSON.stringify({ perSecond: r.perSecond, n: r.latency.n, serverCpuUsPerCmd: ((u1 - u0) / r.latency.n).toFixed(1) }));
  await stopChild(server);
}
main();
