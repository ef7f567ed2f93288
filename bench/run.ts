/**
 * `npm run bench [-- --quick] [--only=engine,floor,socket,players] [--players=100,1000] [--merge] | [--report [file]]`: engine and
 * socket benchmarks; prints a table and writes bench/results/latest.json (`--merge` adds the sections of this
 * run to the previous latest.json, so a busy machine can be measured in short runs).
 * The server, the echo floor and the load generator each run in their own process, on 127.0.0.1 only.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { nextMessage } from './lib/child';
import type { EngineJob } from './engine.child';
import { type LoopDelay, runJob, UNLIMITED, withChild, withServer } from './lib/harness';
import type { Summary } from './lib/stats';

const quick = process.argv.includes('--quick');
const SECTIONS = ['engine', 'floor', 'socket', 'players'] as const;
type Section = (typeof SECTIONS)[number];
const onlyArg = process.argv.find((a) => a.startsWith('--only='));
const only = new Set<Section>(onlyArg ? (onlyArg.slice('--only='.length).split(',') as Section[]) : SECTIONS);
for (const s of only) if (!SECTIONS.includes(s)) throw new Error(`--only takes ${SECTIONS.join(',')}`);
const MODE = quick
  ? { startReps: { 5: 10, 50: 10, 500: 1 }, socketStartReps: { 5: 5, 50: 5, 500: 1 }, tickSeconds: { 5: 100, 20: 100, 50: 50, 500: 5 }, fleet: 150, echoCount: 1000, saturateMs: 3_000, players: [100, 1000], playersMs: 20_000, setupBudgetMs: 30_000 }
  : { startReps: { 5: 100, 50: 50, 500: 10 }, socketStartReps: { 5: 30, 50: 30, 500: 5 }, tickSeconds: { 5: 1000, 20: 1000, 50: 500, 500: 30 }, fleet: 1000, echoCount: 5000, saturateMs: 8_000, players: [100, 1000, 5000], playersMs: 20_000, setupBudgetMs: 90_000 };
const playersArg = process.argv.find((a) => a.startsWith('--players='));
if (playersArg) MODE.players = playersArg.slice('--players='.length).split(',').map(Number);
/**
 * Player load lasts 20 s in both modes: longer than CRASHLOOP_SNAPSHOT_MS (15 s), so the snapshots of the
 * players' attempts fall inside the window (a 6 s window once hid a 6 s stall of the old snapshot pass).
 */
/** Time limits of the children grow with the sample sizes. */
const T = quick ? 1 : 2.5;
/** Player load runs on the 5-pod synthetic scenario (the built-in ones have 1 to 3 pods). */
const PLAYER_SCENARIO = 'bench-5-pods';
const INTERVAL_MS = 3_000;
const SATURATE_SOCKETS = 32;
const FLEET_PODS = 20;

const T0 = Date.now();
function log(line: string): void {
  process.stderr.write(`[bench +${((Date.now() - T0) / 1000).toFixed(1)}s] ${line}\n`);
}

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  let uptime = '';
  try {
    uptime = execSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    uptime = `load average: ${loadavg().map((x) => x.toFixed(2)).join(', ')}`;
  }
  let nproc = cpus().length;
  try {
    nproc = Number(execSync('nproc', { encoding: 'utf8' }).trim());
  } catch {
    /* os.cpus() */
  }
  return { nproc, model, node: process.version, uptime };
}

async function main(): Promise<void> {
  if (process.argv.includes('--report')) {
    // Prints the table of an earlier run (bench/results/latest.json, or the file named after --report).
    const file = process.argv[process.argv.indexOf('--report') + 1] ?? join(__dirname, 'results', 'latest.json');
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Results;
    process.stdout.write(table(saved, evaluate(saved)));
    return;
  }
  const t0 = Date.now();
  const before = machine();
  log(`mode ${quick ? 'quick' : 'full'}; ${before.uptime}`);

  let engine: EngineResult | undefined;
  if (only.has('engine')) {
    log('engine: start, tick, memory (in-process, --expose-gc)');
    const engineJob: EngineJob = { startReps: MODE.startReps, tickSizes: [5, 20, 50, 500], tickSeconds: MODE.tickSeconds, memoryClusters: MODE.fleet, memoryPods: FLEET_PODS, budgetMs: 25_000 * T };
    engine = await withChild('engine.child.ts', 120_000 * T, ['--expose-gc', '--max-old-space-size=2048'], async (child) => {
      const r = nextMessage<{ result: EngineResult }>(child, 'result', 115_000 * T);
      child.send(engineJob);
      return (await r).result;
    });
    log(`engine: ${JSON.stringify(engine)}`);
  }

  let echo: Results['echo'];
  if (only.has('floor')) {
    log('floor: bare socket.io echo');
    echo = await withServer('echo.child.ts', 60_000, async (url) => {
      const serial = await runJob<{ latency: Summary }>({ kind: 'echo-serial', url, count: MODE.echoCount }, 30_000);
      const saturated = await runJob<SaturateResult>({ kind: 'saturate', url, target: 'echo', sockets: SATURATE_SOCKETS, durationMs: MODE.saturateMs }, 30_000);
      return { serial: serial.latency, saturated };
    });
    log(`echo: ${JSON.stringify(echo)}`);
  }

  let socket: Results['socket'];
  if (only.has('socket')) {
    log('game server: start over the socket, saturated get pods');
    socket = await withServer('server.child.ts', 150_000 * T, async (url) => {
      const start = await runJob<Record<number, Summary & { coldMs?: number }>>({ kind: 'start', url, sizes: [5, 50, 500], reps: MODE.socketStartReps }, 90_000 * T);
      const saturated = await runJob<SaturateResult>({ kind: 'saturate', url, target: 'command', sockets: SATURATE_SOCKETS, durationMs: MODE.saturateMs, scenarioId: PLAYER_SCENARIO }, 60_000);
      const uncached = await runJob<SaturateResult>({ kind: 'saturate', url, target: 'command', sockets: SATURATE_SOCKETS, durationMs: MODE.saturateMs, scenarioId: PLAYER_SCENARIO, uncached: true }, 60_000);
      return { start, saturated, uncached };
    }, UNLIMITED);
    log(`socket: ${JSON.stringify(socket)}`);
  }

  const players: PlayersResult[] = [];
  const failures: string[] = [];
  for (const n of only.has('players') ? MODE.players : []) {
    log(`game server: ${n} players on ${PLAYER_SCENARIO}, one command each ${INTERVAL_MS / 1000} s for ${MODE.playersMs / 1000} s`);
    const budget = MODE.setupBudgetMs + MODE.playersMs + 30_000;
    try {
      players.push(
        await withServer('server.child.ts', budget + 30_000, async (url, usage) => {
          const before = await usage();
          const r = await runJob<Omit<PlayersResult, 'serverCpuMs' | 'loopDelay' | 'heapKbPerAttempt'>>({ kind: 'players', url, players: n, durationMs: MODE.playersMs, intervalMs: INTERVAL_MS, scenarioId: PLAYER_SCENARIO, setupBudgetMs: MODE.setupBudgetMs }, budget);
          const after = await usage();
          // The players' sockets are closed by now, their attempts still live: the heap they add is what each costs the server.
          return { ...r, serverCpuMs: Math.round(after.cpuMs - before.cpuMs), loopDelay: after.loop, heapKbPerAttempt: Math.round(((after.heapMb - before.heapMb) * 1024) / Math.max(1, r.connected)) };
        }),
      );
      log(`players: ${JSON.stringify(players[players.length - 1])}`);
    } catch (err) {
      // A load the server cannot carry is a result too: reported, and the other loads still run.
      failures.push(`${n} players: ${err instanceof Error ? err.message : String(err)}`);
      log(`players: ${failures[failures.length - 1]}`);
    }
  }

  const after = machine();
  const run: RunInfo = { sections: [...only], mode: quick ? 'quick' : 'full', when: new Date().toISOString(), loadBefore: before.uptime, loadAfter: after.uptime, durationS: Math.round((Date.now() - t0) / 1000), failures };
  const dir = join(__dirname, 'results');
  const latest = join(dir, 'latest.json');
  let results: Results = { machine: { nproc: before.nproc, model: before.model, node: before.node }, runs: [run], engine, echo, socket, players };
  if (process.argv.includes('--merge') && existsSync(latest)) {
    // Adds this run's sections to the previous results (so each run can stay short on a busy machine).
    const prev = JSON.parse(readFileSync(latest, 'utf8')) as Results;
    results = {
      machine: results.machine,
      runs: [...prev.runs, run],
      engine: engine ?? prev.engine,
      echo: echo ?? prev.echo,
      socket: socket ?? prev.socket,
      players: [...prev.players.filter((p) => !players.some((q) => q.requested === p.requested)), ...players].sort((a, b) => a.requested - b.requested),
    };
  }
  const targets = evaluate(results);
  mkdirSync(dir, { recursive: true });
  writeFileSync(latest, JSON.stringify({ ...results, targets }, null, 2) + '\n');
  process.stdout.write(table(results, targets));
  log(`wrote bench/results/latest.json in ${run.durationS} s`);
}

interface RunInfo {
  sections: Section[];
  mode: string;
  when: string;
  loadBefore: string;
  loadAfter: string;
  durationS: number;
  /** Loads that failed (absent in results from before failures were kept). */
  failures?: string[];
}

interface EngineResult {
  start: Record<number, { start: Summary; firstCommand: Summary; total: Summary }>;
  tick: Record<number, { cpuMsPerSimSecond: number; cpuMsPerSimSecondWithProgress: number; clustersPerCoreRealTime: number }>;
  fleet: { clusters: number; podsPerCluster: number; heapBytesPerCluster: number; heapBytesPerClusterAfterTicks: number; tickRoundCpuMs: number; tickRoundWallMs: number; clustersPerCoreRealTime: number; snapshotBytes: number };
  snapshots: Record<string, number>;
}
interface SaturateResult {
  sockets: number;
  perSecond: number;
  latency: Summary;
  errors: number;
}
interface PlayersResult {
  requested: number;
  connected: number;
  setupFailures: number;
  setupMs: number;
  commands: number;
  perSecond: number;
  latency: Summary;
  errors: number;
  /** CPU time of the server process during setup and load. */
  serverCpuMs: number;
  /** The server's event-loop delay during setup and load (absent in results from before it was measured). */
  loopDelay?: LoopDelay;
  /** Virtual ms per wall ms of sampled attempts during the load: 1 = real time (absent in older results). */
  clockRatio?: number;
  /** Server heap (after full GCs) per live attempt once the load ended (absent in older results). */
  heapKbPerAttempt?: number;
}
type Results = {
  machine: { nproc: number; model: string; node: string };
  runs: RunInfo[];
  engine?: EngineResult;
  echo?: { serial: Summary; saturated: SaturateResult };
  /** start: warm starts; coldMs, the first start of the scenario in the server process (absent in older results). */
  /** saturated: the same `get pods` over and over (kubectl's output cache answers while the cluster is unchanged); uncached: every command differs (absent in older results). */
  socket?: { start: Record<number, Summary & { coldMs?: number }>; saturated: SaturateResult; uncached?: SaturateResult };
  players: PlayersResult[];
};
type Target = { target: string; measured: string; met: boolean };

function evaluate(r: Results): Target[] {
  const out: Target[] = [];
  const { engine, echo, socket } = r;
  if (engine) out.push({ target: 'start p99 < 20 ms, 50 pods (catalog.start + first get pods)', measured: `${engine.start[50].total.p99} ms`, met: engine.start[50].total.p99 < 20 });
  if (socket) out.push({ target: 'start p99 < 20 ms, 50 pods (socket attempt:start → first command ack)', measured: `${socket.start[50].p99} ms`, met: socket.start[50].p99 < 20 });
  if (socket && echo) {
    // Judged on the uncached run when there is one: each reply then lists and prints the pods afresh.
    const sat = socket.uncached ?? socket.saturated;
    const share = sat.perSecond / echo.saturated.perSecond;
    const cached = socket.uncached ? `; ${socket.saturated.perSecond}/s = ${((socket.saturated.perSecond / echo.saturated.perSecond) * 100).toFixed(1)} % repeating one command` : '';
    out.push({ target: 'get pods throughput ≥ 30 % of the echo floor', measured: `${sat.perSecond}/s = ${(share * 100).toFixed(1)} % of ${echo.saturated.perSecond}/s${socket.uncached ? ' (every command different)' : ''}${cached}`, met: share >= 0.3 });
  }
  const p1000 = r.players.find((p) => p.requested === 1000);
  if (p1000) out.push({ target: 'command p99 < 50 ms at 1,000 players', measured: `${p1000.latency.p99} ms (${p1000.connected} connected, ${p1000.errors} errors)`, met: p1000.connected === 1000 && p1000.errors === 0 && p1000.latency.p99 < 50 });
  if (engine) {
    const f = engine.fleet;
    out.push({ target: '≥ 10,000 clusters of 20 pods at real time, one core', measured: `${f.clustersPerCoreRealTime} (tick + progress(), ${f.clusters} live)`, met: f.clustersPerCoreRealTime >= 10_000 });
    out.push({ target: '≤ 100 KB heap per cluster of 20 pods', measured: `${kb(f.heapBytesPerCluster)} KB (${kb(f.heapBytesPerClusterAfterTicks)} KB after 5 ticks)`, met: f.heapBytesPerClusterAfterTicks <= 100 * 1024 });
  }
  return out;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

function pad(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('   ').trimEnd()).join('\n') + '\n';
}

function table(r: Results, targets: Target[]): string {
  const { engine, echo, socket } = r;
  const floor = echo?.serial;
  const ratio = (ms: number, f?: number) => (f ? `${(ms / f).toFixed(1)}×` : '-');
  const lat = (s: Summary) => [`${s.p50}`, `${s.p99}`, `${s.max}`];
  const rows: string[][] = [['measure', 'cluster', 'p50 ms', 'p99 ms', 'max ms', 'per s', 'p50 / p99 × floor']];
  if (echo) {
    rows.push(['echo round trip, 1 socket (floor)', '-', ...lat(echo.serial), '-', '1× / 1×']);
    rows.push([`echo, ${echo.saturated.sockets} sockets flat out (floor)`, '-', ...lat(echo.saturated.latency), `${echo.saturated.perSecond}`, '-']);
  }
  if (engine) {
    for (const [size, s] of Object.entries(engine.start)) {
      rows.push(['catalog.start (in-process)', `${size} pods`, ...lat(s.start), '-', '-']);
      rows.push(['catalog.start + first get pods', `${size} pods`, ...lat(s.total), '-', '-']);
    }
  }
  if (socket) {
    for (const [size, s] of Object.entries(socket.start)) rows.push(['socket attempt:start → 1st command ack', `${size} pods`, ...lat(s), '-', `${ratio(s.p50, floor?.p50)} / ${ratio(s.p99, floor?.p99)}`]);
    const satRow = (label: string, sat: SaturateResult) =>
      rows.push([`${label}, ${sat.sockets} players flat out`, PLAYER_SCENARIO.replace('bench-', '').replace('-pods', ' pods'), ...lat(sat.latency), `${sat.perSecond}`, echo ? `${ratio(sat.latency.p50, echo.saturated.latency.p50)} / ${ratio(sat.latency.p99, echo.saturated.latency.p99)} (vs echo flat out)` : '-']);
    satRow('get pods (repeated: output cache)', socket.saturated);
    if (socket.uncached) satRow('get pods -l (each different: no cache)', socket.uncached);
  }
  for (const p of r.players) {
    rows.push([`get/describe/apply, ${p.connected}/${p.requested} players`, PLAYER_SCENARIO.replace('bench-', '').replace('-pods', ' pods'), ...lat(p.latency), `${p.perSecond}`, `${ratio(p.latency.p50, floor?.p50)} / ${ratio(p.latency.p99, floor?.p99)}`]);
  }
  const lines = [
    `CrashLoop bench on ${r.machine.nproc} × ${r.machine.model}, Node ${r.machine.node}`,
    ...r.runs.map((x) => `run ${x.when} (${x.mode}: ${x.sections.join(', ')}; ${x.durationS} s), load before: ${x.loadBefore.replace(/.*load average/, 'load average')}, after: ${x.loadAfter.replace(/.*load average/, 'load average')}`),
    ...r.runs.flatMap((x) => (x.failures ?? []).map((f) => `FAILED: ${f}`)),
    '',
    pad(rows),
  ];
  if (engine) {
    const ticks: string[][] = [['tick (1 simulated s)', 'cpu ms', 'cpu ms incl. progress()', 'clusters per core at real time']];
    for (const [size, t] of Object.entries(engine.tick)) ticks.push([`${size} pods`, `${t.cpuMsPerSimSecond}`, `${t.cpuMsPerSimSecondWithProgress}`, `${t.clustersPerCoreRealTime}`]);
    const f = engine.fleet;
    lines.push(
      pad(ticks),
      `fleet: ${f.clusters} live clusters × ${f.podsPerCluster} pods: ${kb(f.heapBytesPerCluster)} KB heap each (${kb(f.heapBytesPerClusterAfterTicks)} KB after 5 ticks); one tick round of all ${f.tickRoundCpuMs} ms CPU (${f.tickRoundWallMs} ms wall) ⇒ ${f.clustersPerCoreRealTime} clusters per core at real time`,
      `snapshot JSON per attempt: ${Object.entries(engine.snapshots).map(([id, b]) => `${id} ${kb(b)} KB`).join(', ')}`,
    );
  }
  if (socket && Object.values(socket.start).some((s) => s.coldMs !== undefined)) {
    lines.push(`first start of each scenario in the server (simulates its warm-up once, then cached; not in the rows above): ${Object.entries(socket.start).map(([size, s]) => `${size} pods ${s.coldMs ?? '-'} ms`).join(', ')}`);
  }
  if (r.players.length) {
    lines.push(`player setup (player:guest + attempt:start): ${r.players.map((p) => `${p.connected} in ${(p.setupMs / 1000).toFixed(1)} s`).join(', ')}; server CPU during setup + load: ${r.players.map((p) => `${(p.serverCpuMs / 1000).toFixed(1)} s`).join(', ')}; event-loop delay p99 / max: ${r.players.map((p) => (p.loopDelay ? `${p.loopDelay.p99Ms} / ${p.loopDelay.maxMs} ms` : '-')).join(', ')}; attempt clocks at ${r.players.map((p) => (p.clockRatio === undefined ? '-' : `${p.clockRatio}×`)).join(', ')} real time; server heap per live attempt: ${r.players.map((p) => (p.heapKbPerAttempt === undefined ? '-' : `${p.heapKbPerAttempt} KB`)).join(', ')}; GC total / longest pause: ${r.players.map((p) => (p.loopDelay ? `${p.loopDelay.gcMs} / ${p.loopDelay.gcMaxMs} ms` : '-')).join(', ')}`);
  }
  lines.push('', pad([['target', 'measured', ''], ...targets.map((t) => [t.target, t.measured, t.met ? 'met' : 'MISSED'])]));
  return lines.join('\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
