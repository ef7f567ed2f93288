/**
 * Where a live attempt's bytes go: its session snapshot's JSON by part (fresh, then after 5 simulated minutes
 * with the timeline drained as the game drains it), and the heap one more live attempt costs.
 * Not part of `npm run bench`; run it by hand:
 *   node --expose-gc -r ts-node/register/transpile-only bench/memory-breakdown.ts [scenario-id ...]
 */
import { ScenarioSession } from '../src/scenarios/session.types';
import { benchCatalog, syntheticId } from './lib/synthetic';

const catalog = benchCatalog([5, 20]);
const ids = process.argv.slice(2).length ? process.argv.slice(2) : [syntheticId(20), syntheticId(5), 'rollout-blocked-readiness', 'node-disk-full'];
const bytes = (x: unknown): number => (x === undefined ? 0 : Buffer.byteLength(JSON.stringify(x)));

function parts(s: ScenarioSession): Record<string, number> {
  const snap = s.snapshot() as { cluster: Record<string, unknown>; state: { timeline?: unknown }; shell: unknown };
  const { cluster } = snap;
  return {
    total: bytes(snap),
    store: bytes(cluster.store),
    kubelets: bytes(cluster.kubelets),
    components: bytes(cluster.components ?? { scheduler: cluster.scheduler, controllers: cluster.controllers }),
    registry: bytes(cluster.registry),
    timeline: bytes(snap.state.timeline),
    shell: bytes(snap.shell),
  };
}

function heapPerAttempt(id: string, n = 200): { afterStart: number; afterTicks: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  const collect = () => {
    if (gc) for (let i = 0; i < 3; i++) gc();
  };
  catalog.start(id, 0).tick(1000);
  collect();
  const before = process.memoryUsage().heapUsed;
  const fleet = Array.from({ length: n }, (_, i) => catalog.start(id, i + 1));
  collect();
  const afterStart = (process.memoryUsage().heapUsed - before) / n;
  for (let r = 0; r < 5; r++) for (const s of fleet) s.tick(1000);
  collect();
  return { afterStart, afterTicks: (process.memoryUsage().heapUsed - before) / n };
}

const kb = (x: number) => `${(x / 1024).toFixed(1)} KB`;
if (!(globalThis as { gc?: unknown }).gc) console.log('(no --expose-gc: heap figures include garbage)');
for (const id of ids) {
  const s = catalog.start(id, 1);
  const fresh = parts(s);
  s.timelineSince(Number.MAX_SAFE_INTEGER);
  s.tick(300_000);
  s.timelineSince(Number.MAX_SAFE_INTEGER);
  const later = parts(s);
  const heap = heapPerAttempt(id);
  console.log(`${id}: heap per live attempt ${kb(heap.afterStart)} (${kb(heap.afterTicks)} after 5 ticks)`);
  for (const k of Object.keys(fresh)) console.log(`  snapshot ${k.padEnd(10)} fresh ${String(fresh[k]).padStart(8)} B   after 5 min ${String(later[k]).padStart(8)} B`);
}
