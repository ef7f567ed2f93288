import { KubeObject, PersistentVolumeClaim, Pod, ResourceList, ResourceQuota } from '../api/types';
import { kindInfo } from '../api/kinds';
import { parseQuantity, formatMilliCpu } from '../api/quantity';
import { ObjectStore } from '../store/store';

/** Compute resources a pod quota tracks, each with the container field it sums. */
const POD_COMPUTE: Record<string, { field: 'requests' | 'limits'; resource: string }> = {
  cpu: { field: 'requests', resource: 'cpu' },
  memory: { field: 'requests', resource: 'memory' },
  'requests.cpu': { field: 'requests', resource: 'cpu' },
  'requests.memory': { field: 'requests', resource: 'memory' },
  'requests.ephemeral-storage': { field: 'requests', resource: 'ephemeral-storage' },
  'limits.cpu': { field: 'limits', resource: 'cpu' },
  'limits.memory': { field: 'limits', resource: 'memory' },
  'limits.ephemeral-storage': { field: 'limits', resource: 'ephemeral-storage' },
};

/** Quota values as numbers: cpu in millicores, everything else in base units. */
export function quantityValue(resource: string, q: string | undefined): number {
  const v = parseQuantity(q) ?? 0;
  return isCpu(resource) ? Math.round(v * 1000) : Math.round(v);
}

function isCpu(resource: string): boolean {
  return resource === 'cpu' || resource.endsWith('.cpu');
}

/** A quantity's canonical string, as `resource.Quantity.String()` prints it (`500m`, `1`, `3584Mi`, `1G`). */
export function formatQuantity(resource: string, value: number): string {
  if (isCpu(resource)) return formatMilliCpu(value);
  if (value === 0) return '0';
  for (const [unit, size] of [['Ei', 2 ** 60], ['Pi', 2 ** 50], ['Ti', 2 ** 40], ['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]] as const) {
    if (value % size === 0) return `${value / size}${unit}`;
  }
  for (const [unit, size] of [['E', 1e18], ['P', 1e15], ['T', 1e12], ['G', 1e9], ['M', 1e6], ['k', 1e3]] as const) {
    if (value % size === 0) return `${value / size}${unit}`;
  }
  return String(value);
}

/** Whether a pod still counts against quota (terminal pods do not). */
export function podCounts(pod: Pod): boolean {
  return pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
}

/** A pod's usage of every quota resource it touches, as numbers. */
export function podUsage(pod: Pod): Record<string, number> {
  const usage: Record<string, number> = { pods: 1, 'count/pods': 1 };
  for (const [name, { field, resource }] of Object.entries(POD_COMPUTE)) {
    let sum = 0;
    for (const c of pod.spec.containers ?? []) sum += quantityValue(resource, c.resources?.[field]?.[resource]);
    let initMax = 0;
    for (const c of pod.spec.initContainers ?? []) initMax = Math.max(initMax, quantityValue(resource, c.resources?.[field]?.[resource]));
    usage[name] = Math.max(sum, initMax);
  }
  return usage;
}

/** The usage of one object of any kind: `count/<plural>`, plus compute for pods and storage for claims. */
export function objectUsage(obj: KubeObject): Record<string, number> {
  if (obj.kind === 'Pod') return podUsage(obj as Pod);
  const info = kindInfo(obj.kind);
  const usage: Record<string, number> = { [`count/${info.group ? `${info.plural}.${info.group}` : info.plural}`]: 1 };
  if (!info.group) usage[info.plural] = 1;
  if (obj.kind === 'PersistentVolumeClaim') {
    const pvc = obj as PersistentVolumeClaim;
    usage['requests.storage'] = quantityValue('storage', pvc.spec?.resources?.requests?.storage);
    const sc = pvc.spec?.storageClassName;
    if (sc) {
      usage[`${sc}.storageclass.storage.k8s.io/requests.storage`] = usage['requests.storage'];
      usage[`${sc}.storageclass.storage.k8s.io/persistentvolumeclaims`] = 1;
    }
  }
  return usage;
}

/** The compute resources of a pod quota that each container must declare (`must specify …`). */
export function requiredComputeResources(hard: ResourceList): string[] {
  return Object.keys(hard)
    .filter((r) => POD_COMPUTE[r] && r !== 'requests.ephemeral-storage' && r !== 'limits.ephemeral-storage')
    .map((r) => (r === 'cpu' || r === 'memory' ? `requests.${r}` : r));
}

/** What the namespace already uses of each resource in `hard`, counted from the store. */
export function namespaceUsage(store: ObjectStore, namespace: string, hard: ResourceList, exclude?: { kind: string; name: string }): ResourceList {
  const used: Record<string, number> = Object.fromEntries(Object.keys(hard).map((r) => [r, 0]));
  const kinds = new Set<string>(['Pod']);
  for (const r of Object.keys(hard)) {
    if (r.startsWith('count/') || !POD_COMPUTE[r]) kinds.add(kindForResource(r));
  }
  for (const kind of kinds) {
    if (!kind) continue;
    for (const obj of store.scan(kind, namespace)) {
      if (exclude && obj.kind === exclude.kind && obj.metadata.name === exclude.name) continue;
      if (obj.kind === 'Pod' && !podCounts(obj as Pod)) continue;
      for (const [r, v] of Object.entries(objectUsage(obj))) if (r in used) used[r] += v;
    }
  }
  return Object.fromEntries(Object.entries(used).map(([r, v]) => [r, formatQuantity(r, v)]));
}

const CORE_COUNTS: Record<string, string> = {
  pods: 'Pod',
  services: 'Service',
  configmaps: 'ConfigMap',
  secrets: 'Secret',
  persistentvolumeclaims: 'PersistentVolumeClaim',
  'requests.storage': 'PersistentVolumeClaim',
  replicationcontrollers: 'ReplicationController',
  resourcequotas: 'ResourceQuota',
};

function kindForResource(r: string): string {
  if (CORE_COUNTS[r]) return CORE_COUNTS[r];
  if (r.includes('.storageclass.storage.k8s.io/')) return 'PersistentVolumeClaim';
  const m = r.match(/^count\/([^.]+)(?:\.(.+))?$/);
  if (!m) return '';
  const map: Record<string, string> = {
    pods: 'Pod', services: 'Service', configmaps: 'ConfigMap', secrets: 'Secret', persistentvolumeclaims: 'PersistentVolumeClaim',
    jobs: 'Job', deployments: 'Deployment', replicasets: 'ReplicaSet', statefulsets: 'StatefulSet', daemonsets: 'DaemonSet', cronjobs: 'CronJob',
  };
  return map[m[1]] ?? '';
}

export function quotasIn(store: ObjectStore, namespace: string): ResourceQuota[] {
  return store.scan('ResourceQuota', namespace) as ResourceQuota[];
}
