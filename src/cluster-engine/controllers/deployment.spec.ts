import { runUntil, testCluster } from '../test-support/fixtures';
import { Deployment, KubeEvent, Pod, ReplicaSet } from '../api/types';
import { Cluster } from '../cluster';
import { KubeObject } from '../api/types';

const REGISTRY = [{ name: 'nginx', tags: { '1.27': { sizeBytes: 68_000_000 }, '1.28': { sizeBytes: 68_000_000 }, '1.29': { sizeBytes: 68_000_000 } }, behaviour: { listens: [80] } }];
const cluster = (objects: KubeObject[] = []) => testCluster(objects, { registry: REGISTRY });

export function deployment(name: string, image = 'nginx:1.27', extra: Partial<Deployment['spec']> = {}): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', labels: { app: name } },
    spec: { replicas: 3, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image }] } }, ...extra },
    status: {},
  } as Deployment;
}

const getDeploy = (c: Cluster, name = 'web') => c.api.get<Deployment>('Deployment', 'default', name);
const replicaSets = (c: Cluster) => c.api.list<ReplicaSet>('ReplicaSet', { namespace: 'default' });
const pods = (c: Cluster) => c.api.list<Pod>('Pod', { namespace: 'default' });
const events = (c: Cluster, reason: string) =>
  c.api
    .list<KubeEvent>('Event', { namespace: 'default' })
    .filter((e) => e.reason === reason)
    .map((e) => e.message);
const cond = (d: Deployment, type: string) => d.status.conditions?.find((c) => c.type === type);
const ready = (c: Cluster, name = 'web') => {
  const d = getDeploy(c, name);
  return (
    d.status.observedGeneration === d.metadata.generation &&
    d.status.availableReplicas === d.spec.replicas &&
    d.status.updatedReplicas === d.spec.replicas &&
    d.status.replicas === d.spec.replicas
  );
};
const setImage = (c: Cluster, image: string) => {
  const d = getDeploy(c);
  d.spec.template.spec.containers[0].image = image;
  c.api.update(d);
};

describe('Deployment and ReplicaSet controllers', () => {
  it('brings up a Deployment of 3 replicas through one ReplicaSet', () => {
    const c = cluster([deployment('web')]);
    runUntil(c, () => ready(c), 120);
    const [rs] = replicaSets(c);
    const hash = rs.metadata.labels!['pod-template-hash'];
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
    expect(rs.metadata.annotations).toEqual({ 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4', 'deployment.kubernetes.io/revision': '1' });
    expect(rs.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: getDeploy(c).metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(rs.status).toMatchObject({ replicas: 3, readyReplicas: 3, availableReplicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 });
    const ps = pods(c);
    expect(ps).toHaveLength(3);
    for (const p of ps) {
      expect(p.metadata.name).toMatch(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      expect(p.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: rs.metadata.name, controller: true });
    }
    const d = getDeploy(c);
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    expect(d.status.conditions?.map((x) => [x.type, x.status, x.reason, x.message])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${rs.metadata.name}" has successfully progressed.`],
    ]);
    expect(events(c, 'ScalingReplicaSet')).toEqual([`Scaled up replica set ${rs.metadata.name} from 0 to 3`]);
    expect(events(c, 'SuccessfulCreate').sort()).toEqual(ps.map((p) => `Created pod: ${p.metadata.name}`).sort());
  });

  it('stalls a rollout to a bad image exactly as Kubernetes does, times out, and heals on undo', () => {
    const c = cluster([deployment('web')]);
    runUntil(c, () => ready(c), 120);
    const [oldRS] = replicaSets(c);
    setImage(c, 'nginx:does-not-exist');
    c.tick(60_000);
    const rsList = replicaSets(c);
    const newRS = rsList.find((r) => r.metadata.uid !== oldRS.metadata.uid)!;
    // 25%/25% of 3: maxSurge 1, maxUnavailable 0 — one new pod, the three old ones keep serving.
    const sizes = Object.fromEntries(rsList.map((r) => [r.metadata.uid === oldRS.metadata.uid ? 'old' : 'new', [r.spec.replicas, r.status.readyReplicas ?? 0]]));
    expect(sizes).toEqual({ old: [3, 3], new: [1, 0] });
    const newPods = pods(c).filter((p) => p.metadata.labels?.['pod-template-hash'] === newRS.metadata.labels!['pod-template-hash']);
    expect(newPods).toHaveLength(1);
    expect(['ImagePullBackOff', 'ErrImagePull']).toContain(newPods[0].status.containerStatuses?.[0].state.waiting?.reason);
    let d = getDeploy(c);
    expect(d.status).toMatchObject({ replicas: 4, updatedReplicas: 1, readyReplicas: 3, availableReplicas: 3, unavailableReplicas: 1 });
    expect(cond(d, 'Progressing')).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated' });
    expect(cond(d, 'Available')).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable' });
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');

    // The deadline counts from the Progressing condition's last update (the new ReplicaSet's scale-up).
    const since = Date.parse(cond(d, 'Progressing')!.lastUpdateTime!);
    runUntil(c, () => cond(getDeploy(c), 'Progressing')?.reason === 'ProgressDeadlineExceeded', 700);
    const timedOutAfter = (c.nowMs() - since) / 1000;
    expect(timedOutAfter).toBeGreaterThan(600);
    expect(timedOutAfter).toBeLessThanOrEqual(602);
    d = getDeploy(c);
    expect(cond(d, 'Progressing')).toMatchObject({ status: 'False', message: `ReplicaSet "${newRS.metadata.name}" has timed out progressing.` });
    expect(replicaSets(c).find((r) => r.metadata.uid === oldRS.metadata.uid)!.spec.replicas).toBe(3);

    // `kubectl rollout undo`: the old template comes back; the old ReplicaSet becomes revision 3.
    d.spec.template = structuredClone(oldRS.spec.template);
    delete d.spec.template.metadata!.labels!['pod-template-hash'];
    c.api.update(d);
    runUntil(c, () => ready(c) && pods(c).length === 3, 120);
    const healed = replicaSets(c);
    expect(healed.find((r) => r.metadata.uid === oldRS.metadata.uid)!.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(healed.find((r) => r.metadata.uid === newRS.metadata.uid)!.spec.replicas).toBe(0);
    expect(cond(getDeploy(c), 'Progressing')).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable' });
  });

  it('rolls a good image through, one surge pod at a time', () => {
    const c = cluster([deployment('web')]);
    runUntil(c, () => ready(c), 120);
    setImage(c, 'nginx:1.28');
    runUntil(c, () => ready(c) && pods(c).length === 3, 300);
    const rsList = replicaSets(c);
    expect(rsList.map((r) => r.spec.replicas).sort()).toEqual([0, 3]);
    const scaling = events(c, 'ScalingReplicaSet');
    const [oldName, newName] = [rsList.find((r) => r.spec.replicas === 0)!.metadata.name, rsList.find((r) => r.spec.replicas === 3)!.metadata.name];
    expect(scaling).toEqual([
      `Scaled up replica set ${oldName} from 0 to 3`,
      `Scaled up replica set ${newName} from 0 to 1`,
      `Scaled down replica set ${oldName} from 3 to 2`,
      `Scaled up replica set ${newName} from 1 to 2`,
      `Scaled down replica set ${oldName} from 2 to 1`,
      `Scaled up replica set ${newName} from 2 to 3`,
      `Scaled down replica set ${oldName} from 1 to 0`,
    ]);
  });

  it.each([
    ['up', 5],
    ['down', 1],
  ])('scales %s to %d replicas', (_dir, n) => {
    const c = cluster([deployment('web')]);
    runUntil(c, () => ready(c), 120);
    const d = getDeploy(c);
    d.spec.replicas = n;
    c.api.update(d);
    runUntil(c, () => ready(c) && pods(c).filter((p) => !p.metadata.deletionTimestamp).length === n && pods(c).length === n, 120);
    const [rs] = replicaSets(c);
    expect(rs.spec.replicas).toBe(n);
    expect(rs.metadata.annotations?.['deployment.kubernetes.io/desired-replicas']).toBe(String(n));
    expect(events(c, 'ScalingReplicaSet').pop()).toBe(`Scaled ${n > 3 ? 'up' : 'down'} replica set ${rs.metadata.name} from 3 to ${n}`);
  });

  it('Recreate stops every old pod before the new ReplicaSet starts', () => {
    const c = cluster([deployment('web', 'nginx:1.27', { strategy: { type: 'Recreate' } })]);
    runUntil(c, () => ready(c), 120);
    setImage(c, 'nginx:1.28');
    let overlap = false;
    runUntil(
      c,
      () => {
        const hashes = new Set(pods(c).map((p) => p.metadata.labels?.['pod-template-hash']));
        if (hashes.size > 1) overlap = true;
        return ready(c) && pods(c).length === 3 && replicaSets(c).length === 2;
      },
      300,
    );
    expect(overlap).toBe(false);
    const scaling = events(c, 'ScalingReplicaSet');
    expect(scaling[1]).toMatch(/^Scaled down replica set web-\w+ from 3 to 0$/);
    expect(scaling[2]).toMatch(/^Scaled up replica set web-\w+ from 0 to 3$/);
  });

  it('deleting a Deployment garbage-collects its ReplicaSets and pods', () => {
    const c = cluster([deployment('web')]);
    runUntil(c, () => ready(c), 120);
    c.api.delete('Deployment', 'default', 'web');
    runUntil(c, () => replicaSets(c).length === 0 && pods(c).length === 0, 120);
  });

  it('keeps revisionHistoryLimit old ReplicaSets', () => {
    const c = cluster([deployment('web', 'nginx:1.27', { revisionHistoryLimit: 1, replicas: 1 })]);
    runUntil(c, () => ready(c), 120);
    for (const image of ['nginx:1.28', 'nginx:1.27', 'nginx:1.29']) {
      setImage(c, image);
      runUntil(c, () => ready(c) && pods(c).length === 1, 300);
    }
    c.tick(5_000);
    expect(replicaSets(c).map((r) => r.metadata.annotations?.['deployment.kubernetes.io/revision']).sort()).toEqual(['3', '4']);
  });

  it('a paused Deployment does not roll out until resumed', () => {
    const c = cluster([deployment('web')]);
    runUntil(c, () => ready(c), 120);
    const d = getDeploy(c);
    d.spec.paused = true;
    c.api.update(d);
    c.tick(2_000);
    setImage(c, 'nginx:1.28');
    c.tick(30_000);
    expect(replicaSets(c)).toHaveLength(1);
    expect(cond(getDeploy(c), 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
    const resumed = getDeploy(c);
    resumed.spec.paused = false;
    c.api.update(resumed);
    runUntil(c, () => replicaSets(c).length === 2 && ready(c) && pods(c).length === 3, 300);
  });

  it.each<[string, Partial<Deployment['spec']>, string]>([
    ['a template not matching the selector', { template: { metadata: { labels: { app: 'other' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } }, 'The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`'],
    ['negative replicas', { replicas: -1 }, 'The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    ['restartPolicy Never', { template: { metadata: { labels: { app: 'web' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'app', image: 'nginx:1.27' }] } } }, 'The Deployment "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    ['no containers', { template: { metadata: { labels: { app: 'web' } }, spec: { containers: [] } } }, 'The Deployment "web" is invalid: spec.template.spec.containers: Required value'],
  ])('rejects %s', (_name, spec, message) => {
    const c = cluster();
    expect(() => c.api.create(deployment('web', 'nginx:1.27', spec))).toThrow(message);
  });

  it('defaults a Deployment as apps/v1 does', () => {
    const c = cluster();
    const d = c.api.create({ ...deployment('web'), spec: { ...deployment('web').spec, replicas: undefined } } as Deployment);
    expect(d.spec).toMatchObject({ replicas: 1, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } }, revisionHistoryLimit: 10, progressDeadlineSeconds: 600 });
    expect(d.spec.template.spec).toMatchObject({ restartPolicy: 'Always', terminationGracePeriodSeconds: 30, dnsPolicy: 'ClusterFirst' });
    expect(d.metadata.generation).toBe(1);
  });

  it('a ReplicaSet whose pods are refused records FailedCreate with the admission error, backs off, and recovers', () => {
    const c = cluster();
    const rs = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { serviceAccountName: 'robot', containers: [{ name: 'app', image: 'nginx:1.27' }] } } },
    } as unknown as ReplicaSet;
    c.api.create(rs);
    c.tick(60_000);
    const failed = c.api.list<KubeEvent>('Event', { namespace: 'default' }).filter((e) => e.reason === 'FailedCreate');
    expect(failed.length).toBeGreaterThan(3);
    expect(failed.length).toBeLessThan(20);
    expect(failed[0].message).toMatch(/^Error creating: pods "web-[a-z0-9]{5}" is forbidden: error looking up service account default\/robot: serviceaccount "robot" not found$/);
    expect(failed[0].type).toBe('Warning');
    expect(c.api.get<ReplicaSet>('ReplicaSet', 'default', 'web').status.conditions).toEqual([
      expect.objectContaining({ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: expect.stringContaining('serviceaccount "robot" not found') }),
    ]);
    c.api.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'robot', namespace: 'default' } });
    runUntil(c, () => pods(c).length === 2, 1200);
    c.tick(2_000);
    expect(c.api.get<ReplicaSet>('ReplicaSet', 'default', 'web').status.conditions).toBeUndefined();
  });
});

describe('malformed workload bodies get API answers', () => {
  it.each<[string, unknown]>([
    ['selector.matchExpressions not a list', { selector: { matchExpressions: 5 }, template: {} }],
    ['template containers not a list', { selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'x' } }, spec: { containers: 'nginx' } } }],
    ['template labels not strings', { selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 1 } }, spec: { containers: [] } } }],
    ['strategy a string', { selector: { matchLabels: { app: 'x' } }, strategy: 'Recreate', template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'a', image: 'nginx:1.27' }] } } }],
    ['tolerations an object', { selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'x' } }, spec: { tolerations: {}, containers: [{ name: 'a', image: 'nginx:1.27' }] } } }],
  ])('%s', (_name, spec) => {
    const c = testCluster();
    for (const kind of ['Deployment', 'ReplicaSet']) {
      if (kind === 'ReplicaSet' && 'strategy' in (spec as object)) continue; // not a ReplicaSet field
      expect(() => c.api.create({ apiVersion: 'apps/v1', kind, metadata: { name: 'x' }, spec } as KubeObject)).toThrow(/is invalid/);
    }
  });
});

describe('ReplicaSet pod ownership', () => {
  const rsManifest = (replicas: number): KubeObject =>
    ({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'front', namespace: 'default' },
      spec: { replicas, selector: { matchLabels: { tier: 'front' } }, template: { metadata: { labels: { tier: 'front' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } },
    }) as KubeObject;
  const owned = (c: Cluster) => pods(c).filter((p) => !p.metadata.deletionTimestamp && p.metadata.ownerReferences?.some((o) => o.name === 'front'));

  it('releases a pod relabelled out of its selector and replaces it', () => {
    const c = cluster([rsManifest(2)]);
    c.tick(20_000);
    const [victim] = owned(c);
    const relabelled = c.api.get<Pod>('Pod', 'default', victim.metadata.name);
    relabelled.metadata.labels = { tier: 'debug' };
    c.api.update(relabelled);
    c.tick(2_000);
    expect(c.api.get<Pod>('Pod', 'default', victim.metadata.name).metadata.ownerReferences).toBeUndefined();
    expect(owned(c)).toHaveLength(2);
    expect(owned(c).map((p) => p.metadata.name)).not.toContain(victim.metadata.name);
  });

  it('adopts a matching bare pod and deletes the surplus', () => {
    const c = cluster([rsManifest(2)]);
    c.tick(20_000);
    c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stray', namespace: 'default', labels: { tier: 'front' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } as unknown as Pod);
    c.tick(2_000);
    expect(events(c, 'SuccessfulDelete')).toEqual(['Deleted pod: stray']);
    expect(owned(c)).toHaveLength(2);
  });
});

describe('workload determinism', () => {
  it('a snapshot taken mid-rollout continues exactly as the original', () => {
    const c = cluster([deployment('web')]);
    c.tick(40_000);
    setImage(c, 'nginx:1.28');
    c.tick(3_000);
    const restored = Cluster.restore(c.snapshot());
    c.tick(60_000);
    restored.tick(60_000);
    const names = (x: Cluster) => [...x.api.list('ReplicaSet'), ...x.api.list('Pod'), ...x.api.list('Event')].map((o) => `${o.kind}/${o.metadata.name}/${o.metadata.resourceVersion}`);
    expect(names(restored)).toEqual(names(c));
    expect(ready(restored)).toBe(true);
  });
});

describe('a bad rollout stalls where maxSurge and maxUnavailable allow', () => {
  it.each<[number, string | number, string | number, number, number]>([
    // replicas, maxSurge, maxUnavailable → old ReplicaSet size, new ReplicaSet size once stuck
    [3, '25%', '25%', 3, 1],
    [4, '25%', '25%', 3, 2],
    [10, '25%', '25%', 8, 5],
    [3, 0, 1, 2, 1],
    [2, 1, 0, 2, 1],
  ])('%d replicas, maxSurge %s, maxUnavailable %s → old %d, new %d', (replicas, maxSurge, maxUnavailable, oldSize, newSize) => {
    const c = cluster([deployment('web', 'nginx:1.27', { replicas, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable } } })]);
    runUntil(c, () => ready(c), 120);
    const [oldRS] = replicaSets(c);
    setImage(c, 'nginx:broken');
    c.tick(120_000);
    const sizes = replicaSets(c).map((r) => [r.metadata.uid === oldRS.metadata.uid ? 'old' : 'new', r.spec.replicas]);
    expect(Object.fromEntries(sizes)).toEqual({ old: oldSize, new: newSize });
    expect(getDeploy(c).status.availableReplicas).toBe(oldSize);
  });
});
