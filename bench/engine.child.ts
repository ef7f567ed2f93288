/**
 * In-process engine measurements (no server): start, tick cost, memory per cluster, snapshot size.
 * Forked with --expose-gc so heap deltas are measured after full collections.
 */
import { ScenarioCatalog } from '../src/scenarios/catalog';
import { ScenarioSession } from '../src/scenarios/session.types';
import { selfDestructAfter } from './lib/child';
import { nowMs, summarise } from './lib/stats';
import { benchCatalog, syntheticId } from './lib/synthetic';

selfDestructAfter(Number(process.argv[2] ?? 150_000));

export interface EngineJob {
  startReps: Record<number, number>;
  tickSizes: number[];
  tickSeconds: Record<number, number>;
  memoryClusters: number;
  memoryPods: number;
  budgetMs: number;
}

const gc = (): void => {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) for (let i = 0; i < 3; i++) g();
};
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function startBench(catalog: ScenarioCatalog, reps: Record<number, number>) {
  const out: Record<number, { start: ReturnType<typeof summarise>; firstCommand: ReturnType<typeof summarise>; total: ReturnType<typeof summarise> }> = {};
  for (const [size, n] of Object.entries(reps).map(([k, v]) => [Number(k), v])) {
    catalog.start(syntheticId(size), 0).exec('kubectl get pods'); // warm the code paths
    const start: number[] = [];
    const first: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = nowMs();
      const session = catalog.start(syntheticId(size), i + 1);
      const t1 = nowMs();
      session.exec('kubectl get pods');
      const t2 = nowMs();
      start.push(t1 - t0);
      first.push(t2 - t1);
    }
    out[size] = { start: summarise(start), firstCommand: summarise(first), total: summarise(start.map((s, i) => s + first[i])) };
  }
  return out;
}

function tickBench(catalog: ScenarioCatalog, sizes: number[], seconds: Record<number, number>) {
  const out: Record<number, unknown> = {};
  for (const size of sizes) {
    const session = catalog.start(syntheticId(size), 7);
    session.tick(10_000); // settle
    const n = seconds[size];
    let c0 = cpuMs();
    for (let i = 0; i < n; i++) session.tick(1000);
    const tickOnly = (cpuMs() - c0) / n;
    // What the game ticker does per attempt and second: tick, then progress() for the push check.
    c0 = cpuMs();
    for (let i = 0; i < n; i++) {
      session.tick(1000);
      session.progress();
    }
    const withProgress = (cpuMs() - c0) / n;
    out[size] = {
      cpuMsPerSimSecond: round(tickOnly, 4),
      cpuMsPerSimSecondWithProgress: round(withProgress, 4),
      clustersPerCoreRealTime: Math.floor(1000 / withProgress),
    };
  }
  return out;
}

/** Many live clusters of `pods` pods: heap per cluster, and the wall time of one real-time tick round over all. */
function fleetBench(catalog: ScenarioCatalog, clusters: number, pods: number, budgetMs: number) {
  const id = syntheticId(pods);
  catalog.start(id, 0).tick(1000);
  gc();
  const before = process.memoryUsage().heapUsed;
  const fleet: ScenarioSession[] = [];
  const t0 = nowMs();
  for (let i = 0; i < clusters && nowMs() - t0 < budgetMs; i++) fleet.push(catalog.start(id, i + 1));
  gc();
  const after = process.memoryUsage().heapUsed;
  const rounds: number[] = [];
  const cpuRounds: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t = nowMs();
    const c = cpuMs();
    for (const s of fleet) {
      s.tick(1000);
      s.progress();
    }
    rounds.push(nowMs() - t);
    cpuRounds.push(cpuMs() - c);
  }
  gc();
  const afterTicks = process.memoryUsage().heapUsed;
  // CPU time, not wall time: on a shared machine wall time also counts other processes' turns.
  const round = summarise(cpuRounds).p50;
  const snapshotBytes = Buffer.byteLength(JSON.stringify(fleet[0].snapshot()));
  return {
    clusters: fleet.length,
    podsPerCluster: pods,
    heapBytesPerCluster: Math.round((after - before) / fleet.length),
    heapBytesPerClusterAfterTicks: Math.round((afterTicks - before) / fleet.length),
    tickRoundCpuMs: round,
    tickRoundWallMs: summarise(rounds).p50,
    clustersPerCoreRealTime: Math.floor((fleet.length * 1000) / round),
    snapshotBytes,
  };
}

function snapshotSizes(catalog: ScenarioCatalog, sizes: number[]) {
  const out: Record<string, number> = {};
  for (const s of catalog.list()) {
    if (s.id.startsWith('bench-') && !sizes.some((n) => s.id === syntheticId(n))) continue;
    const session = catalog.start(s.id, 1);
    out[s.id] = Buffer.byteLength(JSON.stringify(session.snapshot()));
  }
  return out;
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

process.once('message', (job: EngineJob) => {
  try {
    const catalog = benchCatalog();
    const start = startBench(catalog, job.startReps);
    const tick = tickBench(catalog, job.tickSizes, job.tickSeconds);
    const snapshots = snapshotSizes(catalog, job.tickSizes);
    const fleet = fleetBench(catalog, job.memoryClusters, job.memoryPods, job.budgetMs);
    process.send!({ type: 'result', result: { start, tick, fleet, snapshots } }, () => process.exit(0));
  } catch (err) {
    process.send!({ type: 'error', message: err instanceof Error ? err.stack : String(err) }, () => process.exit(1));
  }
});
