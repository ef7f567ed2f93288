import { getPod, pod, runUntil, testCluster } from '../test-support/fixtures';
import { KubeEvent, KubeObject, PersistentVolume, PersistentVolumeClaim } from '../api/types';
import { Cluster } from '../cluster';
import { printTable } from '../printers';

function pvc(name: string, extra: Partial<PersistentVolumeClaim['spec']> = {}): PersistentVolumeClaim {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: 'default' },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...extra },
  };
}

function pv(name: string, storage: string, extra: Partial<PersistentVolume['spec']> = {}): PersistentVolume {
  return { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name }, spec: { capacity: { storage }, accessModes: ['ReadWriteOnce'], hostPath: { path: `/data/${name}` }, ...extra } };
}

const withClaim = (name: string, claim: string) => pod(name, { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: claim } }] });

function events(c: Cluster, object: string): KubeEvent[] {
  return c.api.list<KubeEvent>('Event').filter((e) => e.involvedObject.name === object);
}
const claim = (c: Cluster, name: string) => c.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', name);

describe('persistent volumes', () => {
  it('has the default standard StorageClass (WaitForFirstConsumer) and gives it to claims without a class', () => {
    const c = testCluster([pvc('data')]);
    expect(c.api.get('StorageClass', undefined, 'standard')).toMatchObject({ provisioner: 'rancher.io/local-path', volumeBindingMode: 'WaitForFirstConsumer' });
    c.tick(3000);
    expect(claim(c, 'data').spec.storageClassName).toBe('standard');
    expect(claim(c, 'data').status?.phase).toBe('Pending');
    expect(claim(c, 'data').metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    expect(events(c, 'data').map((e) => [e.reason, e.message])).toEqual([['WaitForFirstConsumer', 'waiting for first consumer to be created before binding']]);
  });

  it('a claim naming a missing StorageClass stays Pending with ProvisioningFailed, and its pod stays Pending', () => {
    const c = testCluster([pvc('data', { storageClassName: 'fast' }), withClaim('db', 'data')]);
    c.tick(20_000);
    expect(claim(c, 'data').status?.phase).toBe('Pending');
    const failed = events(c, 'data').find((e) => e.reason === 'ProvisioningFailed')!;
    expect(failed).toMatchObject({ type: 'Warning', message: 'storageclass.storage.k8s.io "fast" not found', source: { component: 'persistentvolume-controller' } });
    expect(failed.count).toBe(2); // repeated at each 15 s claim resync
    const p = getPod(c, 'db');
    expect(p.spec.nodeName).toBeUndefined();
    expect(p.status.conditions![0].message).toBe(
      '0/2 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
    );
  });

  it('a pod using a missing claim gets the real FailedScheduling text, and schedules once the claim is made', () => {
    const c = testCluster([withClaim('db', 'data')]);
    c.tick(2000);
    const fs = events(c, 'db').filter((e) => e.reason === 'FailedScheduling').pop()!;
    expect(fs.message).toBe('0/2 nodes are available: persistentvolumeclaim "data" not found. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.');
    c.api.create(pvc('data'));
    runUntil(c, () => getPod(c, 'db').status.phase === 'Running', 120);
    expect(claim(c, 'data').status?.phase).toBe('Bound');
  });

  it('WaitForFirstConsumer provisions after the pod is scheduled; the pod waits in ContainerCreating until Bound', () => {
    const c = testCluster([pvc('data'), withClaim('db', 'data')]);
    c.tick(1000);
    expect(getPod(c, 'db').spec.nodeName).toBe('node01');
    c.tick(1000);
    expect(getPod(c, 'db').status.containerStatuses?.[0].state.waiting?.reason).toBe('ContainerCreating');
    runUntil(c, () => claim(c, 'data').status?.phase === 'Bound', 30);
    const bound = claim(c, 'data');
    const volume = c.api.get<PersistentVolume>('PersistentVolume', undefined, bound.spec.volumeName!);
    expect(volume.metadata.name).toBe(`pvc-${bound.metadata.uid}`);
    expect(volume).toMatchObject({ spec: { storageClassName: 'standard', persistentVolumeReclaimPolicy: 'Delete', claimRef: { name: 'data', namespace: 'default' } }, status: { phase: 'Bound' } });
    expect(bound.status).toMatchObject({ capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'] });
    expect(events(c, 'data').map((e) => e.reason)).toEqual(expect.arrayContaining(['ExternalProvisioning', 'Provisioning', 'ProvisioningSucceeded']));
    runUntil(c, () => getPod(c, 'db').status.phase === 'Running', 120);
  });

  it('binds a claim without a class to the smallest matching Available PV; deleting the claim releases a Retain volume', () => {
    const c = testCluster([pv('small', '500Mi'), pv('big', '10Gi'), pv('mid', '2Gi'), pv('rox', '5Gi', { accessModes: ['ReadOnlyMany'] }), pvc('data', { storageClassName: '' })]);
    c.tick(2000);
    expect(c.api.get<PersistentVolume>('PersistentVolume', undefined, 'big').status?.phase).toBe('Available');
    expect(claim(c, 'data').spec.volumeName).toBe('mid');
    expect(c.api.get<PersistentVolume>('PersistentVolume', undefined, 'mid').status?.phase).toBe('Bound');
    c.api.delete('PersistentVolumeClaim', 'default', 'data');
    c.tick(3000);
    expect(c.api.tryGet('PersistentVolumeClaim', 'default', 'data')).toBeUndefined();
    expect(c.api.get<PersistentVolume>('PersistentVolume', undefined, 'mid').status?.phase).toBe('Released');
  });

  it('heals once the missing StorageClass is created: the claim is provisioned at once (Immediate) and the pod runs', () => {
    const c = testCluster([pvc('data', { storageClassName: 'fast' }), withClaim('db', 'data')]);
    c.tick(5000);
    expect(getPod(c, 'db').spec.nodeName).toBeUndefined();
    c.api.create({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'fast' }, provisioner: 'rancher.io/local-path' } as KubeObject);
    runUntil(c, () => getPod(c, 'db').status.phase === 'Running', 120);
    const bound = claim(c, 'data');
    expect(bound.status?.phase).toBe('Bound');
    expect(c.api.get<PersistentVolume>('PersistentVolume', undefined, bound.spec.volumeName!).spec.nodeAffinity).toBeUndefined();
  });

  it('a local volume pins its claim\'s pods to the node: elsewhere the node affinity conflicts', () => {
    const local = pv('local-a', '1Gi', {
      storageClassName: 'local',
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node01'] }] }] } },
    });
    const c = testCluster([local, pvc('data', { storageClassName: 'local' })]);
    c.tick(2000);
    expect(claim(c, 'data').spec.volumeName).toBe('local-a');
    const node = c.api.get<KubeObject & { spec: { unschedulable?: boolean } }>('Node', undefined, 'node01');
    node.spec.unschedulable = true;
    c.api.update(node);
    const db = withClaim('db', 'data');
    db.spec.tolerations = [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }];
    c.api.create(db);
    c.tick(1000);
    expect(getPod(c, 'db').status.conditions![0].message).toBe(
      '0/2 nodes are available: 1 node(s) had volume node affinity conflict, 1 node(s) were unschedulable. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
    );
  });

  it('a snapshot taken mid-provisioning restores and finishes the same way', () => {
    const c = testCluster([pvc('data'), withClaim('db', 'data')]);
    c.tick(2000);
    const snap = c.snapshot();
    expect(Object.keys((snap.controllers!['persistentvolume-binder'] as { provisioning: object }).provisioning)).toEqual(['default/data']);
    const restored = Cluster.restore(JSON.parse(JSON.stringify(snap)));
    c.tick(20_000);
    restored.tick(20_000);
    expect(restored.snapshot().store).toEqual(c.snapshot().store);
    expect(claim(restored, 'data').status?.phase).toBe('Bound');
  });

  it('a claim in use stays Terminating (pvc-protection) until its pod is gone; its provisioned volume is then deleted', () => {
    const c = testCluster([pvc('data'), withClaim('db', 'data')]);
    runUntil(c, () => getPod(c, 'db').status.phase === 'Running', 120);
    const volume = claim(c, 'data').spec.volumeName!;
    c.api.delete('PersistentVolumeClaim', 'default', 'data');
    c.tick(5000);
    const row = printTable('PersistentVolumeClaim', [claim(c, 'data')], { nowMs: c.nowMs() }).rows[0].cells;
    expect(row[1]).toBe('Terminating');
    c.api.delete('Pod', 'default', 'db');
    runUntil(c, () => !c.api.tryGet('PersistentVolumeClaim', 'default', 'data'), 120);
    runUntil(c, () => !c.api.tryGet('PersistentVolume', undefined, volume), 30);
  });

  it('a claim with no class and no volume reports FailedBinding', () => {
    const c = testCluster([pvc('data', { storageClassName: '' })]);
    c.tick(2000);
    expect(events(c, 'data')[0]).toMatchObject({ type: 'Normal', reason: 'FailedBinding', message: 'no persistent volumes available for this claim and no storage class is set' });
  });
});
