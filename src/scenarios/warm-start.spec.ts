import { loadBuiltInCatalog } from './catalog';
import { buildCluster, SessionSnapshotV1 } from './scenario-session';
import { ScenarioSession, SnapshotOutdatedError } from './session.types';
import { variantForSeed } from './variants';
import { clearWarmClusters, warmCluster, warmupSeed } from './warm-start';

const catalog = loadBuiltInCatalog();
const ID = 'rollout-bad-image';

/** What a player sees and what the engine stores, after the same commands and simulated time. */
function play(s: ScenarioSession): unknown {
  const outputs = [
    s.exec('kubectl get pods -o wide'),
    s.exec('kubectl delete pod -l app=web --wait=false'),
  ].map((r) => r.stdout + r.stderr);
  s.tick(15_000);
  outputs.push(s.exec('kubectl get pods').stdout, s.exec('kubectl get events').stdout);
  return { outputs, progress: s.progress(), snapshot: s.snapshot() };
}

describe('warm starts (a cached warmed-up cluster per scenario)', () => {
  it('starts exactly like a start without the cache, for the same seed, even after other attempts played on it', () => {
    clearWarmClusters(catalog.scenario(ID));
    const cold = play(catalog.start(ID, 42));
    // The cache now holds the warm-up; an attempt that breaks things must not leak into it.
    play(catalog.start(ID, 7));
    const warm = play(catalog.start(ID, 42));
    expect(warm).toEqual(cold);
  });

  it('gives every attempt the same broken cluster, and different seeds diverge from their first draw on', () => {
    const a = catalog.start(ID, 1);
    const b = catalog.start(ID, 2);
    const names = (s: ScenarioSession) => s.exec('kubectl get pods -o name').stdout;
    expect(names(a)).toBe(names(b));
    const store = (s: ScenarioSession) => (s.snapshot() as SessionSnapshotV1).cluster.store;
    expect(store(a)).toEqual(store(b));
    for (const s of [a, b]) {
      s.exec('kubectl delete pod -l app=web --wait=false');
      s.tick(5_000);
    }
    // The ReplicaSets' replacement pods draw their name suffixes from each attempt's own seed.
    expect(names(a)).not.toBe(names(b));
  });

  it('is the warm-up run from the scenario\'s own seed, then re-seeded with the attempt\'s', () => {
    const scenario = catalog.scenario(ID);
    const warmed = buildCluster(scenario, warmupSeed(scenario)).snapshot();
    const started = warmCluster(scenario, 99, buildCluster).snapshot();
    expect(started).toEqual({ ...warmed, rng: 99 });
    expect(warmupSeed(scenario)).toBe(warmupSeed(catalog.scenario(ID)));
    expect(warmupSeed(scenario)).not.toBe(warmupSeed(catalog.scenario('imagepull-wrong-tag')));
  });

  it('keeps one warm-up per drawn variant: seeds of the same variant share it, another variant has its own', () => {
    const template = catalog.scenario('crashloop-unknown-flag');
    const seeds = Array.from({ length: 40 }, (_, i) => i + 1);
    const byVariant = new Map<number, number[]>();
    for (const seed of seeds) {
      const index = variantForSeed(template.template!.parameters, seed).index;
      byVariant.set(index, [...(byVariant.get(index) ?? []), seed]);
    }
    const [[, [a1, a2]], [, [b1]]] = [...byVariant].filter(([, list]) => list.length >= 2);
    const args = (seed: number) => catalog.start('crashloop-unknown-flag', seed).exec('kubectl get pod -o jsonpath={.items[0].spec.containers[0].args}').stdout;
    expect(args(a1)).toBe(args(a2));
    expect(args(a1)).not.toBe(args(b1));
    const store = (seed: number) => (catalog.start('crashloop-unknown-flag', seed).snapshot() as SessionSnapshotV1).cluster.store;
    expect(store(a1)).toEqual(store(a2));
    expect(store(a1)).not.toEqual(store(b1));
  });

  it('snapshots an attempt against its warm-up: only the objects that changed, restored over the same warm-up only', () => {
    const a = catalog.start(ID, 3);
    const fresh = a.snapshot() as SessionSnapshotV1;
    expect(fresh.cluster.store.objects).toEqual([]);
    expect(fresh.cluster.store.base).toEqual({ id: expect.stringMatching(/^rollout-bad-image@[0-9a-f]{8}$/), removed: [] });
    a.exec('kubectl delete pod -l app=web --wait=false');
    a.tick(15_000);
    const snap = JSON.parse(JSON.stringify(a.snapshot())) as SessionSnapshotV1;
    const b = catalog.restore(snap);
    expect(play(b)).toEqual(play(a));
    const elsewhere = { ...snap, cluster: { ...snap.cluster, store: { ...snap.cluster.store, base: { ...snap.cluster.store.base!, id: 'rollout-bad-image@00000000' } } } };
    expect(() => catalog.restore(elsewhere)).toThrow(SnapshotOutdatedError);
  });

  it('a self-contained snapshot (the one written at shutdown) carries the whole cluster and restores without the warm-up', () => {
    const a = catalog.start(ID, 3);
    a.exec('kubectl delete pod -l app=web --wait=false');
    a.tick(15_000);
    const json = JSON.stringify(a.snapshot({ selfContained: true }));
    expect(json).not.toContain('"base":');
    clearWarmClusters(catalog.scenario(ID)); // as after a restart, whatever the next warm-up looks like
    const b = catalog.restore(JSON.parse(json) as SessionSnapshotV1);
    // The same play; only the next snapshots' form differs (b has no warm-up to be compact against).
    const { snapshot: _b, ...fromB } = play(b) as Record<string, unknown>;
    const { snapshot: _a, ...fromA } = play(a) as Record<string, unknown>;
    expect(fromB).toEqual(fromA);
  });
});
