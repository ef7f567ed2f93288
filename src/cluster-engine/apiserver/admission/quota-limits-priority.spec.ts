import { getPod, pod, testCluster } from '../../test-support/fixtures';
import { KubeEvent, KubeObject, LimitRange, Pod, PriorityClass, ResourceQuota } from '../../api/types';

const quota = (name: string, hard: Record<string, string>): ResourceQuota => ({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name, namespace: 'default' }, spec: { hard } });
const limits = (name: string, item: LimitRange['spec']['limits'][number]): LimitRange => ({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name, namespace: 'default' }, spec: { limits: [item] } });
const sized = (name: string, requests: Record<string, string>, lim?: Record<string, string>) =>
  pod(name, { containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests, ...(lim ? { limits: lim } : {}) } }] });

describe('ResourceQuota admission', () => {
  it('rejects a pod that would exceed the quota, naming only the exceeded resources', () => {
    const c = testCluster([quota('team-quota', { 'requests.memory': '1Gi', 'limits.memory': '2Gi', pods: '10' }), sized('a', { memory: '768Mi' }, { memory: '1Gi' })]);
    expect(() => c.api.create(sized('b', { memory: '512Mi' }, { memory: '512Mi' }))).toThrow(
      'pods "b" is forbidden: exceeded quota: team-quota, requested: requests.memory=512Mi, used: requests.memory=768Mi, limited: requests.memory=1Gi',
    );
    c.api.create(sized('c', { memory: '256Mi' }, { memory: '256Mi' }));
  });

  it('a compute quota demands the resources it limits from every container', () => {
    const c = testCluster([quota('compute-quota', { 'requests.cpu': '2', 'requests.memory': '2Gi', 'limits.cpu': '4', 'limits.memory': '4Gi' })]);
    expect(() => c.api.create(pod('x', {}))).toThrow(
      'pods "x" is forbidden: failed quota: compute-quota: must specify limits.cpu for: app; limits.memory for: app; requests.cpu for: app; requests.memory for: app',
    );
  });

  it('counts objects and fills status.used', () => {
    const c = testCluster([quota('pods', { pods: '2', 'requests.cpu': '1' }), sized('a', { cpu: '300m' }), sized('b', { cpu: '200m' })]);
    c.tick(1000);
    expect(c.api.get<ResourceQuota>('ResourceQuota', 'default', 'pods').status).toEqual({ hard: { pods: '2', 'requests.cpu': '1' }, used: { pods: '2', 'requests.cpu': '500m' } });
    expect(() => c.api.create(sized('c', { cpu: '100m' }))).toThrow('pods "c" is forbidden: exceeded quota: pods, requested: pods=1, used: pods=2, limited: pods=2');
  });
});

describe('ResourceQuota and controllers', () => {
  it('a ReplicaSet under a full quota reports FailedCreate with the quota text, and heals when the quota is raised', () => {
    const c = testCluster([quota('pods', { pods: '2' })]);
    c.api.create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } },
    } as KubeObject);
    c.tick(10_000);
    expect(c.api.list<Pod>('Pod')).toHaveLength(2);
    const failed = c.api.list<KubeEvent>('Event').find((e) => e.reason === 'FailedCreate')!;
    expect(failed.message).toMatch(/^Error creating: pods "web-[a-z0-9]+-[a-z0-9]{5}" is forbidden: exceeded quota: pods, requested: pods=1, used: pods=2, limited: pods=2$/);
    const q = c.api.get<ResourceQuota>('ResourceQuota', 'default', 'pods');
    q.spec.hard = { pods: '5' };
    c.api.update(q);
    c.tick(30_000);
    expect(c.api.list<Pod>('Pod')).toHaveLength(3);
    expect(c.api.get<ResourceQuota>('ResourceQuota', 'default', 'pods').status!.used).toEqual({ pods: '3' });
  });
});

describe('LimitRanger admission', () => {
  it('applies default requests and limits to containers that set none', () => {
    const c = testCluster([limits('defaults', { type: 'Container', default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '100m', memory: '128Mi' } }), pod('web', {})]);
    const p = getPod(c, 'web');
    expect(p.spec.containers[0].resources).toEqual({ requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } });
    expect(p.metadata.annotations!['kubernetes.io/limit-ranger']).toBe('LimitRanger plugin set: cpu, memory request for container app; cpu, memory limit for container app');
    expect(p.status.qosClass).toBe('Burstable');
  });

  it('refuses a container above the maximum', () => {
    const c = testCluster([limits('cap', { type: 'Container', max: { cpu: '700m' } })]);
    expect(() => c.api.create(sized('big', { cpu: '200m' }, { cpu: '900m' }))).toThrow('pods "big" is forbidden: maximum cpu usage per Container is 700m, but limit is 900m');
  });
});

describe('Priority admission and preemption', () => {
  const high: PriorityClass = { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000 };

  it('resolves priorityClassName, refuses an unknown class, knows the built-ins', () => {
    const c = testCluster([high]);
    expect(c.api.create(pod('a', { priorityClassName: 'high' })).spec.priority).toBe(1000);
    expect(c.api.create(pod('b', { priorityClassName: 'system-node-critical' })).spec.priority).toBe(2000001000);
    expect(() => c.api.create(pod('x', { priorityClassName: 'urgent' }))).toThrow('pods "x" is forbidden: no PriorityClass with name urgent was found');
  });

  it('a high-priority pod preempts a low-priority one and takes its node', () => {
    const c = testCluster([high, sized('low', { cpu: '1500m' })]);
    c.tick(5000);
    expect(getPod(c, 'low').status.phase).toBe('Running');
    const vip = sized('vip', { cpu: '1500m' });
    vip.spec.priorityClassName = 'high';
    c.api.create(vip);
    c.tick(1000);
    expect(getPod(c, 'vip').status.nominatedNodeName).toBe('node01');
    const victim = c.api.tryGet<Pod>('Pod', 'default', 'low');
    expect(victim?.metadata.deletionTimestamp).toBeDefined();
    expect(victim?.status.conditions).toContainEqual(expect.objectContaining({ type: 'DisruptionTarget', reason: 'PreemptionByScheduler' }));
    const preempted = c.api.list<any>('Event').find((e) => e.reason === 'Preempted');
    expect(preempted.message).toBe(`Preempted by pod ${getPod(c, 'vip').metadata.uid} on node node01`);
    // The sequence a real v1.32 cluster records: no preemption suffix on the attempt that preempted, then "not eligible".
    const failures = () => c.api.list<KubeEvent>('Event').filter((e) => e.reason === 'FailedScheduling' && e.involvedObject.name === 'vip').map((e) => e.message);
    expect(failures()).toEqual(["0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }."]);
    for (let i = 0; i < 60 && !getPod(c, 'vip').spec.nodeName; i++) c.tick(1000);
    expect(failures()).toEqual([
      "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }.",
      "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: not eligible due to a terminating pod on the nominated node.",
    ]);
    expect(getPod(c, 'vip').spec.nodeName).toBe('node01');
    expect(c.api.tryGet('Pod', 'default', 'low')).toBeUndefined();
  });

  it('does not preempt pods of equal priority', () => {
    const c = testCluster([sized('a', { cpu: '1500m' })]);
    c.tick(2000);
    c.api.create(sized('b', { cpu: '1500m' }));
    c.tick(2000);
    expect(getPod(c, 'b').status.conditions![0].message).toContain('preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.');
  });
});

describe('affinity', () => {
  const cluster = () => testCluster([], { nodes: [{ name: 'controlplane', role: 'control-plane' }, { name: 'node01', labels: { disk: 'ssd', gen: '3' } }, { name: 'node02', labels: { disk: 'hdd', gen: '5' } }] });
  const required = (expr: object) => ({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [expr] }] } } });

  it.each([
    ['In', { key: 'disk', operator: 'In', values: ['ssd'] }, 'node01'],
    ['NotIn', { key: 'disk', operator: 'NotIn', values: ['ssd'] }, 'node02'],
    ['Gt', { key: 'gen', operator: 'Gt', values: ['4'] }, 'node02'],
    ['Lt', { key: 'gen', operator: 'Lt', values: ['4'] }, 'node01'],
  ])('required node affinity %s', (_name, expr, node) => {
    const c = cluster();
    c.api.create(pod('p', { affinity: required(expr) }));
    c.tick(1000);
    expect(getPod(c, 'p').spec.nodeName).toBe(node);
  });

  it('reports a node affinity mismatch with the real reason', () => {
    const c = cluster();
    c.api.create(pod('p', { affinity: required({ key: 'disk', operator: 'In', values: ['nvme'] }) }));
    c.tick(1000);
    expect(getPod(c, 'p').status.conditions![0].message).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
  });

  it('preferred node affinity steers the pod', () => {
    const c = cluster();
    c.api.create(pod('p', { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 50, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['hdd'] }] } }] } } }));
    c.tick(1000);
    expect(getPod(c, 'p').spec.nodeName).toBe('node02');
  });

  it('pod anti-affinity on hostname spreads replicas and reports the rule when nodes run out', () => {
    const c = cluster();
    const anti = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { tier: 'web' } }, topologyKey: 'kubernetes.io/hostname' }] } };
    for (const n of ['w1', 'w2', 'w3']) {
      const p = pod(n, { affinity: anti });
      p.metadata.labels = { tier: 'web' };
      c.api.create(p);
    }
    c.tick(2000);
    expect(new Set([getPod(c, 'w1').spec.nodeName, getPod(c, 'w2').spec.nodeName])).toEqual(new Set(['node01', 'node02']));
    expect(getPod(c, 'w3').status.conditions![0].message).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match pod anti-affinity rules. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
    );
  });

  it('preferred pod anti-affinity spreads, preferred pod affinity gathers', () => {
    const c = cluster();
    const web = (name: string, affinity: object) => {
      const p = pod(name, { affinity });
      p.metadata.labels = { tier: 'web', app: name };
      return p;
    };
    const term = { labelSelector: { matchLabels: { tier: 'web' } }, topologyKey: 'kubernetes.io/hostname' };
    c.api.create(web('first', {}));
    c.tick(1000);
    const first = getPod(c, 'first').spec.nodeName;
    c.api.create(web('apart', { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: term }] } }));
    c.tick(1000);
    expect(getPod(c, 'apart').spec.nodeName).not.toBe(first);
    c.api.create(web('together', { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { ...term, labelSelector: { matchLabels: { app: 'first' } } } }] } }));
    c.tick(1000);
    expect(getPod(c, 'together').spec.nodeName).toBe(first);
  });

  it('pod affinity co-locates with a matching pod, and fails when none matches', () => {
    const c = cluster();
    const db = pod('db', { nodeSelector: { disk: 'hdd' } });
    db.metadata.labels = { app: 'db' };
    c.api.create(db);
    c.api.create(pod('cache', { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'db' } }, topologyKey: 'kubernetes.io/hostname' }] } } }));
    c.api.create(pod('lost', { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'nope' } }, topologyKey: 'kubernetes.io/hostname' }] } } }));
    c.tick(3000);
    expect(getPod(c, 'cache').spec.nodeName).toBe('node02');
    expect(getPod(c, 'lost').status.conditions![0].message).toContain("2 node(s) didn't match pod affinity rules");
  });
});
