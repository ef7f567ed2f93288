import { ConfigMap, KubeEvent, KubeObject, Lease, Namespace, Node, Secret } from '../api/types';
import { printTable } from './print-table';
import { PRINTERS } from './registry';

const NOW = Date.parse('2025-01-15T10:00:00Z');
const T0 = '2025-01-15T09:00:00Z';
const meta = (name: string, extra: Record<string, unknown> = {}) => ({ name, creationTimestamp: T0, ...extra });

function node(name: string, ready: 'True' | 'False' | 'Unknown' | undefined, opts: { labels?: Record<string, string>; unschedulable?: boolean } = {}): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: meta(name, { labels: opts.labels ?? {} }),
    spec: opts.unschedulable ? { unschedulable: true } : {},
    status: {
      conditions: ready ? [{ type: 'MemoryPressure', status: 'False' }, { type: 'Ready', status: ready }] : [],
      addresses: [{ type: 'InternalIP', address: '172.18.0.2' }],
      nodeInfo: { machineID: '', systemUUID: '', bootID: '', kernelVersion: '6.8.0', osImage: '', containerRuntimeVersion: 'containerd://1.7.24', kubeletVersion: 'v1.32.2', kubeProxyVersion: '', operatingSystem: 'linux', architecture: 'amd64' },
    },
  };
}

function event(extra: Partial<KubeEvent>): KubeEvent {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: meta('web.181ad216a4c16a00', { namespace: 'default' }),
    involvedObject: { kind: 'Pod', name: 'web', namespace: 'default', fieldPath: 'spec.containers{app}' },
    reason: 'BackOff',
    message: ' Back-off restarting failed container app \n',
    source: { component: 'kubelet', host: 'worker-1' },
    firstTimestamp: '2025-01-15T09:50:00Z',
    lastTimestamp: '2025-01-15T09:59:30Z',
    eventTime: null,
    count: 7,
    type: 'Warning',
    reportingComponent: 'kubelet',
    reportingInstance: 'worker-1',
    ...extra,
  };
}

const cells = (kind: string, obj: KubeObject) => printTable(kind, [obj], { nowMs: NOW }).rows[0].cells;
const headers = (kind: string) => printTable(kind, [], { nowMs: NOW }).columnDefinitions.map((c) => (c.priority ? `(${c.name})` : c.name));

describe('server-side printers', () => {
  it.each([
    ['Node', ['Name', 'Status', 'Roles', 'Age', 'Version', '(Internal-IP)', '(External-IP)', '(OS-Image)', '(Kernel-Version)', '(Container-Runtime)']],
    ['Event', ['Last Seen', 'Type', 'Reason', 'Object', '(Subobject)', '(Source)', 'Message', '(First Seen)', '(Count)', '(Name)']],
    ['Namespace', ['Name', 'Status', 'Age']],
    ['ConfigMap', ['Name', 'Data', 'Age']],
    ['Secret', ['Name', 'Type', 'Data', 'Age']],
    ['Lease', ['Name', 'Holder', 'Age']],
    ['Widget', ['Name', 'Created At']],
  ])('%s columns', (kind, expected) => {
    expect(headers(kind)).toEqual(expected);
  });

  it.each<[string, Node, string, string]>([
    ['Ready worker', node('w', 'True'), 'Ready', '<none>'],
    ['False is NotReady', node('w', 'False'), 'NotReady', '<none>'],
    ['Unknown is NotReady', node('w', 'Unknown'), 'NotReady', '<none>'],
    ['no Ready condition', node('w', undefined), 'Unknown', '<none>'],
    ['cordoned', node('w', 'True', { unschedulable: true }), 'Ready,SchedulingDisabled', '<none>'],
    ['cordoned and down', node('w', 'Unknown', { unschedulable: true }), 'NotReady,SchedulingDisabled', '<none>'],
    ['control plane', node('cp', 'True', { labels: { 'node-role.kubernetes.io/control-plane': '' } }), 'Ready', 'control-plane'],
    ['sorted roles from both label forms', node('x', 'True', { labels: { 'node-role.kubernetes.io/worker': 'true', 'kubernetes.io/role': 'infra', 'node-role.kubernetes.io/': 'x' } }), 'Ready', 'infra,worker'],
  ])('node %s', (_n, n, status, roles) => {
    expect(cells('Node', n).slice(1, 3)).toEqual([status, roles]);
  });

  it('node wide cells fall back to <none> / <unknown>', () => {
    expect(cells('Node', node('w', 'True')).slice(3)).toEqual(['60m', 'v1.32.2', '172.18.0.2', '<none>', '<unknown>', '6.8.0', 'containerd://1.7.24']);
  });

  it.each<[string, KubeEvent, Array<string | number>]>([
    ['a counted kubelet event', event({}), ['30s', 'Warning', 'BackOff', 'pod/web', 'spec.containers{app}', 'kubelet, worker-1', 'Back-off restarting failed container app', '10m', 7, 'web.181ad216a4c16a00']],
    [
      'an events.k8s.io event uses eventTime and series',
      event({ firstTimestamp: null, lastTimestamp: null, eventTime: '2025-01-15T09:55:00.000000Z', count: undefined, series: { count: 3, lastObservedTime: '2025-01-15T09:59:50.000000Z' }, source: {}, reportingComponent: 'default-scheduler', reportingInstance: 'default-scheduler-cp' }),
      ['10s', 'Warning', 'BackOff', 'pod/web', 'spec.containers{app}', 'default-scheduler, default-scheduler-cp', 'Back-off restarting failed container app', '5m', 3, 'web.181ad216a4c16a00'],
    ],
    [
      'a singleton new-API event counts 1 and LAST SEEN is first seen',
      event({ firstTimestamp: null, lastTimestamp: null, eventTime: '2025-01-15T09:58:00.000000Z', count: undefined, source: {}, reportingComponent: 'default-scheduler', reportingInstance: '' }),
      ['2m', 'Warning', 'BackOff', 'pod/web', 'spec.containers{app}', 'default-scheduler', 'Back-off restarting failed container app', '2m', 1, 'web.181ad216a4c16a00'],
    ],
    [
      'an object without a name prints the kind only',
      event({ involvedObject: { kind: 'Node', name: '' } }),
      ['30s', 'Warning', 'BackOff', 'node', '', 'kubelet, worker-1', 'Back-off restarting failed container app', '10m', 7, 'web.181ad216a4c16a00'],
    ],
  ])('event: %s', (_n, e, expected) => {
    expect(cells('Event', e)).toEqual(expected);
  });

  it.each<[string, KubeObject, Array<string | number>]>([
    ['namespace', { apiVersion: 'v1', kind: 'Namespace', metadata: meta('team'), spec: {}, status: { phase: 'Terminating' } } as Namespace, ['team', 'Terminating', '60m']],
    ['configmap counts data and binaryData', { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('cfg'), data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } } as ConfigMap, ['cfg', 3, '60m']],
    ['secret', { apiVersion: 'v1', kind: 'Secret', metadata: meta('db'), type: 'Opaque', data: { password: 'cA==' } } as Secret, ['db', 'Opaque', 1, '60m']],
    ['lease', { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: meta('worker-1'), spec: { holderIdentity: 'worker-1', leaseDurationSeconds: 40, renewTime: T0 } } as Lease, ['worker-1', 'worker-1', '60m']],
    ['generic fallback prints RFC 3339', { apiVersion: 'v1', kind: 'Widget', metadata: meta('w') }, ['w', T0]],
  ])('%s', (_n, obj, expected) => {
    expect(cells(obj.kind, obj)).toEqual(expected);
  });

  it('registry lists each kind once', () => {
    const kinds = PRINTERS.map((p) => p.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(kinds.sort()).toEqual(['ClusterRoleBinding', 'ConfigMap', 'Deployment', 'EndpointSlice', 'Endpoints', 'Event', 'Job', 'Lease', 'LimitRange', 'Namespace', 'Node', 'PersistentVolume', 'PersistentVolumeClaim', 'Pod', 'PodDisruptionBudget', 'PriorityClass', 'ReplicaSet', 'ResourceQuota', 'RoleBinding', 'Secret', 'Service', 'ServiceAccount', 'StorageClass']);
  });
});
