import { Pod } from '../../api/types';
import { Cluster } from '../../cluster';
import { getPod, pod, runUntil, testCluster } from '../../test-support/fixtures';
import { testShell } from '../../../kubectl/testing/fixture';

/** Three workers in two zones (a: node01, node02; b: node03) and a tainted control plane. */
function zoned(objects: Pod[] = []): Cluster {
  return testCluster(objects, {
    nodes: [
      { name: 'controlplane', role: 'control-plane' },
      { name: 'node01', labels: { 'topology.kubernetes.io/zone': 'a' } },
      { name: 'node02', labels: { 'topology.kubernetes.io/zone': 'a' } },
      { name: 'node03', labels: { 'topology.kubernetes.io/zone': 'b' } },
    ],
  });
}

const spread = (when: 'DoNotSchedule' | 'ScheduleAnyway', maxSkew = 1, topologyKey = 'topology.kubernetes.io/zone') => [{ maxSkew, topologyKey, whenUnsatisfiable: when, labelSelector: { matchLabels: { app: 'web' } } }];
const web = (name: string, extra: Partial<Pod['spec']> = {}) => ({ ...pod(name, extra), metadata: { name, namespace: 'default', labels: { app: 'web' } } }) as Pod;
const zoneOf = (c: Cluster, name: string) => c.api.get<any>('Node', undefined, getPod(c, name).spec.nodeName!).metadata.labels['topology.kubernetes.io/zone'];
const failed = (c: Cluster, name: string) => c.api.list<any>('Event').filter((e) => e.reason === 'FailedScheduling' && e.involvedObject.name === name).map((e) => e.message);

describe('PodTopologySpread and InterPodAffinity', () => {
  it('DoNotSchedule keeps zones within maxSkew: 4 pods over zones a and b go 2 / 2', () => {
    const c = zoned([1, 2, 3, 4].map((i) => web(`web-${i}`, { topologySpreadConstraints: spread('DoNotSchedule') })));
    c.tick(2000);
    const zones = [1, 2, 3, 4].map((i) => zoneOf(c, `web-${i}`)).sort();
    expect(zones).toEqual(['a', 'a', 'b', 'b']);
  });

  it('refuses a node whose zone would exceed maxSkew, with the real reason, and schedules once the skew allows', () => {
    // Zone b is cordoned away by a nodeSelector-free taint: only zone a can take pods, so the second pod would make skew 2.
    const c = zoned([web('web-1', { topologySpreadConstraints: spread('DoNotSchedule') })]);
    c.tick(2000);
    const node03 = c.api.get<any>('Node', undefined, 'node03');
    const first = zoneOf(c, 'web-1');
    node03.spec.taints = [{ key: 'maintenance', value: 'true', effect: 'NoSchedule' }];
    c.api.update(node03);
    if (first === 'b') {
      // web-1 landed in b; a second pod in zone a is fine (skew 0), a third would not be.
      c.api.create(web('web-2', { topologySpreadConstraints: spread('DoNotSchedule') }));
      c.tick(2000);
    }
    c.api.create(web('web-3', { topologySpreadConstraints: spread('DoNotSchedule') }));
    c.tick(3000);
    expect(getPod(c, 'web-3').spec.nodeName).toBeUndefined();
    expect(failed(c, 'web-3')[0]).toBe(
      "0/4 nodes are available: 1 node(s) had untolerated taint {maintenance: true}, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match pod topology spread constraints. preemption: 0/4 nodes are available: 2 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.",
    );
    // The fix: the maintenance is over.
    delete node03.spec.taints;
    c.api.update({ ...c.api.get<any>('Node', undefined, 'node03'), spec: { ...node03.spec } });
    runUntil(c, () => getPod(c, 'web-3').spec.nodeName !== undefined, 60);
    expect(zoneOf(c, 'web-3')).toBe('b');
  });

  it('a node without the topology label is unresolvable for DoNotSchedule', () => {
    const c = testCluster([web('web-1', { topologySpreadConstraints: spread('DoNotSchedule') })]);
    c.tick(3000);
    expect(failed(c, 'web-1')[0]).toBe(
      "0/2 nodes are available: 1 node(s) didn't match pod topology spread constraints (missing required label), 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
    );
  });

  it('ScheduleAnyway prefers the emptier zone but never blocks', () => {
    const c = zoned([web('web-1', { nodeName: 'node01' }), web('web-2', { nodeName: 'node02' })]);
    c.tick(2000);
    c.api.create(web('web-3', { topologySpreadConstraints: spread('ScheduleAnyway') }));
    c.tick(2000);
    expect(zoneOf(c, 'web-3')).toBe('b');
    const only = testCluster([web('solo', { topologySpreadConstraints: spread('ScheduleAnyway') })]);
    only.tick(2000);
    expect(getPod(only, 'solo').spec.nodeName).toBe('node01');
  });

  it('required pod anti-affinity keeps replicas on distinct nodes; the extra one is Pending with the anti-affinity reason', () => {
    const anti = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'kubernetes.io/hostname' }] } };
    const c = zoned([1, 2, 3, 4].map((i) => web(`web-${i}`, { affinity: anti })));
    c.tick(3000);
    const placed = [1, 2, 3, 4].map((i) => getPod(c, `web-${i}`).spec.nodeName).filter(Boolean);
    expect(new Set(placed).size).toBe(3);
    const pending = [1, 2, 3, 4].find((i) => !getPod(c, `web-${i}`).spec.nodeName)!;
    expect(failed(c, `web-${pending}`)[0]).toContain("3 node(s) didn't match pod anti-affinity rules");
  });

  it('required pod affinity puts a pod next to its peer, or leaves it Pending with the affinity reason', () => {
    const affinity = { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'db' } }, topologyKey: 'kubernetes.io/hostname' }] } };
    const c = zoned([web('web-1', { affinity })]);
    c.tick(3000);
    expect(failed(c, 'web-1')[0]).toContain("3 node(s) didn't match pod affinity rules");
    c.api.create({ ...pod('db', { nodeName: 'node03' }), metadata: { name: 'db', namespace: 'default', labels: { app: 'db' } } } as Pod);
    runUntil(c, () => getPod(c, 'web-1').spec.nodeName !== undefined, 60);
    expect(getPod(c, 'web-1').spec.nodeName).toBe('node03');
  });

  it('describe pod lists the topology spread constraints', () => {
    const t = testShell([{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }], topologySpreadConstraints: spread('DoNotSchedule') } }]);
    t.cluster.tick(3000);
    expect(t.run('kubectl describe pod web').stdout).toMatch(/\nTopology Spread Constraints: {2}topology.kubernetes.io\/zone:DoNotSchedule when max skew 1 is exceeded for selector app=web\nEvents:/);
  });
});
