import { Cluster, ClusterBase, ClusterSnapshot, SnapshotBaseMismatchError } from './cluster';
import { deepFreeze } from './api/json';
import { KubeObject } from './api/types';
import { Shell } from '../kubectl/shell/shell';
import { VirtualFs } from '../kubectl/shell/vfs';
import { TEST_REGISTRY, pod } from '../kubectl/testing/fixture';

/** A warmed-up cluster (a crash-looping pod, a healthy one, a ConfigMap) frozen as a base, as a scenario's warm start keeps it. */
function base(): ClusterBase {
  const objects: KubeObject[] = [
    pod('web', 'nginx:1.27'),
    pod('crash', 'busybox:crash'),
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'default' }, data: { mode: 'a' } } as KubeObject,
  ];
  const c = Cluster.create({ nodes: [{ name: 'control-plane', role: 'control-plane' }, { name: 'worker-1' }], registry: TEST_REGISTRY, objects, warmupSeconds: 30 }, 11);
  return { id: 'test@1', snapshot: deepFreeze(c.snapshot()) };
}

const fromBase = (b: ClusterBase, seed: number) => Cluster.restore({ ...b.snapshot, rng: seed }, { shareObjects: true, base: b });
const kubectl = (c: Cluster, line: string) => new Shell(c, new VirtualFs()).run(line).stdout;
const sortedStore = (s: ClusterSnapshot) => [...s.store.objects].sort((a, b) => `${a.kind}/${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.kind}/${b.metadata.namespace}/${b.metadata.name}`));
/** What a player reads: events (with their counts), pods, describe. */
const seen = (c: Cluster) => ['get events', 'get events -o wide', 'get pods -o wide', 'describe pod crash', 'get configmaps'].map((l) => kubectl(c, `kubectl ${l}`));

describe('snapshots against a base (warm start)', () => {
  it('leave out everything still shared with the base: a fresh start snapshots no API object and no registry', () => {
    const b = base();
    const snap = fromBase(b, 3).snapshot({ againstBase: true });
    expect(snap.store).toEqual({ revision: b.snapshot.store.revision, objects: [], base: { id: 'test@1', removed: [] } });
    expect(snap.registry).toBeUndefined();
    expect(snap.kubelets).toEqual([{ node: 'control-plane', baseDelta: {} }, { node: 'worker-1', baseDelta: {} }]);
    expect(snap.components).toEqual({});
    expect(snap.scheduler).toBeUndefined();
    // Without the option, or without a base, the snapshot is whole.
    expect(fromBase(b, 3).snapshot().store.objects).toHaveLength(b.snapshot.store.objects.length);
    expect(Cluster.restore(JSON.parse(JSON.stringify(b.snapshot))).snapshot({ againstBase: true }).store.base).toBeUndefined();
  });

  it('hold the objects written since and the keys of those gone, and restore over the base to the same cluster', () => {
    const b = base();
    const live = fromBase(b, 5);
    live.tick(40_000); // the crash-looping pod's events rise, the pods' status moves on
    kubectl(live, 'kubectl delete configmap settings');
    kubectl(live, 'kubectl create configmap extra --from-literal=k=v');
    const snap = JSON.parse(JSON.stringify(live.snapshot({ againstBase: true }))) as ClusterSnapshot;
    expect(snap.store.base!.removed).toEqual(['ConfigMap/default/settings']);
    expect(snap.store.objects.map((o) => o.metadata.name)).toContain('extra');
    // The crash-looping pod moved on (restarts): a delta from the base's object, far smaller than the object.
    const podDelta = snap.store.base!.changed!['Pod/default/crash'];
    expect(JSON.stringify(podDelta)).toContain('restartCount');
    expect(JSON.stringify(podDelta).length).toBeLessThan(JSON.stringify(b.snapshot.store.objects.find((o) => o.metadata.name === 'crash')).length / 2);
    expect(snap.store.objects.length).toBeLessThan(b.snapshot.store.objects.length / 4);
    // Kubelets are their differences from the base's: a sync time, the crash loop's container record.
    expect(snap.kubelets.every((k) => 'baseDelta' in k)).toBe(true);
    expect(JSON.stringify(snap.kubelets).length).toBeLessThan(JSON.stringify(live.snapshot().kubelets).length / 2);

    const restored = Cluster.restore(snap, { base: b });
    const whole = (c: Cluster) => ({ ...c.snapshot(), store: sortedStore(c.snapshot()) });
    expect(whole(restored)).toEqual(whole(live));
    expect(seen(restored)).toEqual(seen(live));
    // …and both go on alike: the restored recorder continues the same Events (counts, aggregation).
    for (const c of [live, restored]) c.tick(120_000);
    expect(seen(restored)).toEqual(seen(live));
    expect(whole(restored)).toEqual(whole(live));
    // A snapshot of the restored cluster is again against the base.
    expect(restored.snapshot({ againstBase: true }).store).toEqual(live.snapshot({ againstBase: true }).store);
  });

  it('does not leak one cluster\'s writes into another started from the same base', () => {
    const b = base();
    const a = fromBase(b, 1);
    const other = fromBase(b, 2);
    a.tick(60_000);
    kubectl(a, 'kubectl delete pod web');
    expect(kubectl(other, 'kubectl get events')).toBe(kubectl(fromBase(b, 9), 'kubectl get events'));
    expect(other.snapshot({ againstBase: true }).store.objects).toEqual([]);
  });

  it('refuses to restore over another base, or none', () => {
    const b = base();
    const snap = fromBase(b, 5).snapshot({ againstBase: true });
    expect(() => Cluster.restore(snap, { base: { ...b, id: 'test@2' } })).toThrow('the snapshot was taken against cluster base test@1, which is not the base given (test@2)');
    expect(() => Cluster.restore(snap)).toThrow('the snapshot was taken against cluster base test@1, which is not the base given (none)');
    expect(() => Cluster.restore(snap)).toThrow(SnapshotBaseMismatchError);
  });
});
