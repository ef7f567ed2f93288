/** The resource kinds the engine serves: names, short names and scope, as `kubectl api-resources` lists them. */
export interface KindInfo {
  kind: string;
  plural: string;
  singular: string;
  shortNames: string[];
  apiVersion: string;
  /** API group ('' for core), used in `kind.group` references such as `deployment.apps`. */
  group: string;
  namespaced: boolean;
}

const KINDS: KindInfo[] = [
  { kind: 'Pod', plural: 'pods', singular: 'pod', shortNames: ['po'], apiVersion: 'v1', group: '', namespaced: true },
  { kind: 'Node', plural: 'nodes', singular: 'node', shortNames: ['no'], apiVersion: 'v1', group: '', namespaced: false },
  { kind: 'Namespace', plural: 'namespaces', singular: 'namespace', shortNames: ['ns'], apiVersion: 'v1', group: '', namespaced: false },
  { kind: 'Event', plural: 'events', singular: 'event', shortNames: ['ev'], apiVersion: 'v1', group: '', namespaced: true },
  { kind: 'Secret', plural: 'secrets', singular: 'secret', shortNames: [], apiVersion: 'v1', group: '', namespaced: true },
  { kind: 'ConfigMap', plural: 'configmaps', singular: 'configmap', shortNames: ['cm'], apiVersion: 'v1', group: '', namespaced: true },
  { kind: 'Lease', plural: 'leases', singular: 'lease', shortNames: [], apiVersion: 'coordination.k8s.io/v1', group: 'coordination.k8s.io', namespaced: true },
  { kind: 'Service', plural: 'services', singular: 'service', shortNames: ['svc'], apiVersion: 'v1', group: '', namespaced: true },
  { kind: 'Endpoints', plural: 'endpoints', singular: 'endpoints', shortNames: ['ep'], apiVersion: 'v1', group: '', namespaced: true },
  { kind: 'EndpointSlice', plural: 'endpointslices', singular: 'endpointslice', shortNames: [], apiVersion: 'discovery.k8s.io/v1', group: 'discovery.k8s.io', namespaced: true },
  { kind: 'ServiceAccount', plural: 'serviceaccounts', singular: 'serviceaccount', shortNames: ['sa'], apiVersion: 'v1', group: '', namespaced: true },
  { kind: 'PersistentVolume', plural: 'persistentvolumes', singular: 'persistentvolume', shortNames: ['pv'], apiVersion: 'v1', group: '', namespaced: false },
  { kind: 'PersistentVolumeClaim', plural: 'persistentvolumeclaims', singular: 'persistentvolumeclaim', shortNames: ['pvc'], apiVersion: 'v1', group: '', namespaced: true },
  { kind: 'StorageClass', plural: 'storageclasses', singular: 'storageclass', shortNames: ['sc'], apiVersion: 'storage.k8s.io/v1', group: 'storage.k8s.io', namespaced: false },
  { kind: 'Job', plural: 'jobs', singular: 'job', shortNames: [], apiVersion: 'batch/v1', group: 'batch', namespaced: true },
  { kind: 'ResourceQuota', plural: 'resourcequotas', singular: 'resourcequota', shortNames: ['quota'], apiVersion: 'v1', group: '', namespaced: true },
  { kind: 'LimitRange', plural: 'limitranges', singular: 'limitrange', shortNames: ['limits'], apiVersion: 'v1', group: '', namespaced: true },
  { kind: 'PodDisruptionBudget', plural: 'poddisruptionbudgets', singular: 'poddisruptionbudget', shortNames: ['pdb'], apiVersion: 'policy/v1', group: 'policy', namespaced: true },
  { kind: 'PriorityClass', plural: 'priorityclasses', singular: 'priorityclass', shortNames: ['pc'], apiVersion: 'scheduling.k8s.io/v1', group: 'scheduling.k8s.io', namespaced: false },
  { kind: 'Deployment', plural: 'deployments', singular: 'deployment', shortNames: ['deploy'], apiVersion: 'apps/v1', group: 'apps', namespaced: true },
  { kind: 'ReplicaSet', plural: 'replicasets', singular: 'replicaset', shortNames: ['rs'], apiVersion: 'apps/v1', group: 'apps', namespaced: true },
  { kind: 'Role', plural: 'roles', singular: 'role', shortNames: [], apiVersion: 'rbac.authorization.k8s.io/v1', group: 'rbac.authorization.k8s.io', namespaced: true },
  { kind: 'ClusterRole', plural: 'clusterroles', singular: 'clusterrole', shortNames: [], apiVersion: 'rbac.authorization.k8s.io/v1', group: 'rbac.authorization.k8s.io', namespaced: false },
  { kind: 'RoleBinding', plural: 'rolebindings', singular: 'rolebinding', shortNames: [], apiVersion: 'rbac.authorization.k8s.io/v1', group: 'rbac.authorization.k8s.io', namespaced: true },
  { kind: 'ClusterRoleBinding', plural: 'clusterrolebindings', singular: 'clusterrolebinding', shortNames: [], apiVersion: 'rbac.authorization.k8s.io/v1', group: 'rbac.authorization.k8s.io', namespaced: false },
];

const byAnyName = new Map<string, KindInfo>();
for (const info of KINDS) {
  for (const name of [info.kind.toLowerCase(), info.plural, info.singular, ...info.shortNames]) {
    byAnyName.set(name, info);
    if (info.group) byAnyName.set(`${name}.${info.group}`, info);
  }
}

export function allKinds(): readonly KindInfo[] {
  return KINDS;
}

/** Resolves what a user types (`po`, `pods`, `Pod`, `leases.coordination.k8s.io`) to a kind. */
export function resolveKind(name: string): KindInfo | undefined {
  return byAnyName.get(name.toLowerCase());
}

export function kindInfo(kind: string): KindInfo {
  const info = KINDS.find((k) => k.kind === kind);
  if (!info) throw new Error(`unknown kind ${kind}`);
  return info;
}

export function isKnownKind(kind: string): boolean {
  return KINDS.some((k) => k.kind === kind);
}
