import { KubeEvent, Node, Pod } from '../api/types';
import { Cluster } from '../cluster';
import { RepositorySpec } from '../runtime/registry';
import { getPod, pod, runUntil, testCluster } from '../test-support/fixtures';

const REGISTRY: RepositorySpec[] = [
  { name: 'nginx', tags: { '1.27': { sizeBytes: 68_000_000 } }, behaviour: { listens: [80], memoryMiB: 20 } },
  // Writes 2 GiB of logs into its writable layer, no ephemeral-storage request.
  { name: 'app/logger', tags: { '1': {} }, behaviour: { diskMiB: 2048, memoryMiB: 30 } },
  { name: 'app/cache', tags: { '1': {} }, behaviour: { memoryMiB: 1500 } },
];

function cluster(objects: Pod[]): Cluster {
  const c = testCluster(objects, { registry: REGISTRY });
  runUntil(c, () => objects.every((o) => getPod(c, o.metadata.name).status.phase === 'Running'));
  return c;
}

const node = (c: Cluster) => c.api.get<Node>('Node', undefined, 'node01');
const cond = (c: Cluster, type: string) => node(c).status.conditions!.find((x) => x.type === type)!;
const nodeEvents = (c: Cluster) => c.api.list<KubeEvent>('Event').filter((e) => e.involvedObject.kind === 'Node' && e.involvedObject.name === 'node01').map((e) => `${e.reason}: ${e.message}`);
const taintKeys = (c: Cluster) => (node(c).spec.taints ?? []).map((t) => `${t.key}:${t.effect}`);

describe('node pressure: conditions, taints, kubelet evictions and recovery', () => {
  it('DiskPressure from a large file: condition, taint, events, BestEffort/over-request pod evicted first; healthy again 5 min after rm', () => {
    const guaranteed = pod('steady', { containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu: '100m', memory: '64Mi', 'ephemeral-storage': '1Gi' }, limits: { cpu: '100m', memory: '64Mi', 'ephemeral-storage': '1Gi' } } }] });
    const c = cluster([guaranteed, pod('logger', { containers: [{ name: 'logger', image: 'app/logger:1' }] })]);
    const usage = c.nodeResourceUsage('node01');
    // Fill the disk to 95 %.
    c.writeNodeFile('node01', '/var/lib/backup.tar', usage.nodefs.availableBytes - usage.nodefs.capacityBytes * 0.05);
    runUntil(c, () => getPod(c, 'logger').status.phase === 'Failed', 30);
    const evicted = getPod(c, 'logger');
    expect(evicted.status.reason).toBe('Evicted');
    expect(evicted.status.message).toMatch(/^The node was low on resource: ephemeral-storage\. Threshold quantity: \d+, available: \d+(Ki)?\. Container logger was using 2Gi, request is 0, has larger consumption of ephemeral-storage\. $/);
    expect(evicted.status.conditions!.find((x) => x.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'TerminationByKubelet', message: evicted.status.message });
    runUntil(c, () => cond(c, 'DiskPressure').status === 'True', 15);
    expect(c.api.list<KubeEvent>('Event').find((e) => e.reason === 'Evicted')).toMatchObject({ type: 'Warning', message: evicted.status.message, source: { component: 'kubelet', host: 'node01' } });
    expect(evicted.status.containerStatuses![0].state.terminated).toMatchObject({ exitCode: 137 });
    expect(cond(c, 'DiskPressure')).toMatchObject({ status: 'True', reason: 'KubeletHasDiskPressure', message: 'kubelet has disk pressure' });
    expect(nodeEvents(c)).toEqual(expect.arrayContaining(['EvictionThresholdMet: Attempting to reclaim ephemeral-storage', 'NodeHasDiskPressure: Node node01 status is now: NodeHasDiskPressure']));
    runUntil(c, () => taintKeys(c).includes('node.kubernetes.io/disk-pressure:NoSchedule'), 10);

    // The disk is still full: the next pass takes the next pod, even a Guaranteed one.
    runUntil(c, () => getPod(c, 'steady').status.phase === 'Failed', 30);

    // The fix: remove the file. The condition holds for the 5 min transition period, then clears.
    delete c.nodeFiles('node01')['/var/lib/backup.tar'];
    c.tick(60_000);
    expect(cond(c, 'DiskPressure').status).toBe('True');
    runUntil(c, () => cond(c, 'DiskPressure').status === 'False', 300);
    expect(cond(c, 'DiskPressure')).toMatchObject({ reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' });
    runUntil(c, () => !taintKeys(c).includes('node.kubernetes.io/disk-pressure:NoSchedule'), 10);
    expect(nodeEvents(c)).toContain('NodeHasNoDiskPressure: Node node01 status is now: NodeHasNoDiskPressure');
  });

  it('MemoryPressure from a leaking host process: the pod over its memory request goes first; kill the process to recover', () => {
    const c = cluster([pod('cache', { containers: [{ name: 'cache', image: 'app/cache:1', resources: { requests: { memory: '256Mi' } } }] }), pod('web', { containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: { memory: '64Mi' } } }] })]);
    const free = c.nodeResourceUsage('node01').memory.availableBytes;
    const pid = c.startHostProcess('node01', '/usr/local/bin/leaky-agent --daemon', free - 50 * 1024 * 1024);
    runUntil(c, () => getPod(c, 'cache').status.phase === 'Failed', 30);
    expect(getPod(c, 'cache').status.message).toMatch(/^The node was low on resource: memory\. Threshold quantity: 100Mi, available: \d+(Ki|Mi)\. Container cache was using 1500Mi, request is 256Mi, has larger consumption of memory\. $/);
    runUntil(c, () => cond(c, 'MemoryPressure').status === 'True', 15);
    expect(cond(c, 'MemoryPressure')).toMatchObject({ status: 'True', reason: 'KubeletHasInsufficientMemory', message: 'kubelet has insufficient memory available' });
    expect(nodeEvents(c)).toContain('EvictionThresholdMet: Attempting to reclaim memory');
    expect(nodeEvents(c)).toContain('NodeHasInsufficientMemory: Node node01 status is now: NodeHasInsufficientMemory');
    runUntil(c, () => taintKeys(c).includes('node.kubernetes.io/memory-pressure:NoSchedule'), 10);
    // Evicting the cache freed enough: web stays.
    c.tick(60_000);
    expect(getPod(c, 'web').status.phase).toBe('Running');
    expect(c.killHostProcess('node01', pid)).toBe(true);
    runUntil(c, () => cond(c, 'MemoryPressure').status === 'False', 360);
    runUntil(c, () => taintKeys(c).length === 0, 10);
  });

  it('reads evictionHard and evictionPressureTransitionPeriod from /var/lib/kubelet/config.yaml at kubelet start', () => {
    const c = cluster([pod('web', { containers: [{ name: 'app', image: 'nginx:1.27' }] })]);
    const files = c.nodeFiles('node01');
    files['/var/lib/kubelet/config.yaml'] += 'evictionHard:\n  memory.available: "3900Mi"\nevictionPressureTransitionPeriod: 30s\n';
    c.stopKubelet('node01');
    c.startKubelet('node01');
    runUntil(c, () => cond(c, 'MemoryPressure').status === 'True', 30);
    // Only memory is watched now; the threshold is above what the node has: the pod is evicted.
    runUntil(c, () => getPod(c, 'web').status.phase === 'Failed', 30);
    expect(getPod(c, 'web').status.message).toContain('Threshold quantity: 3900Mi');
  });

  it('an evicted pod of a ReplicaSet is replaced on another node; pods sent to the full node are Failed/Evicted (admission)', () => {
    const c = testCluster([], {
      registry: REGISTRY,
      nodes: [{ name: 'controlplane', role: 'control-plane' }, { name: 'node01' }, { name: 'node02' }],
    });
    c.api.create({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'logs', namespace: 'default' }, spec: { replicas: 1, selector: { matchLabels: { app: 'logs' } }, template: { metadata: { labels: { app: 'logs' } }, spec: { nodeSelector: {}, containers: [{ name: 'logger', image: 'app/logger:1' }] } } } } as never);
    runUntil(c, () => c.api.list<Pod>('Pod').some((p) => p.metadata.labels?.app === 'logs' && p.status.phase === 'Running'));
    const first = c.api.list<Pod>('Pod').find((p) => p.metadata.labels?.app === 'logs')!;
    const nodeName = first.spec.nodeName!;
    const u = c.nodeResourceUsage(nodeName);
    c.writeNodeFile(nodeName, '/var/log/huge.log', u.nodefs.availableBytes - u.nodefs.capacityBytes * 0.05);
    runUntil(c, () => getPod(c, first.metadata.name).status.phase === 'Failed', 30);
    runUntil(c, () => c.api.list<Pod>('Pod').some((p) => p.metadata.labels?.app === 'logs' && p.status.phase === 'Running' && p.spec.nodeName !== nodeName), 60);
    // Every pod that reached the full node is Failed: evicted, or rejected at admission under DiskPressure.
    const onFull = c.api.list<Pod>('Pod').filter((p) => p.metadata.labels?.app === 'logs' && p.spec.nodeName === nodeName);
    expect(onFull.every((p) => p.status.phase === 'Failed' && p.status.reason === 'Evicted')).toBe(true);
  });
});

