import { allKinds, KindInfo } from '../../cluster-engine';

/** One API resource as discovery lists it, derived from the engine's kinds registry. */
export interface ApiResource {
  info: KindInfo;
  /** Served by this API itself (access reviews), not by the engine's store. */
  virtual?: boolean;
  /** metrics.k8s.io: metrics-server's aggregated API, listed only while the cluster runs metrics-server. */
  metrics?: boolean;
  group: string;
  version: string;
  verbs: string[];
  categories: string[];
  subresources: Array<{ name: string; kind: string; group: string; version: string; verbs: string[] }>;
}

/** `kubectl get all` reads the `all` category; these are the kinds the real API server puts in it. */
const ALL_CATEGORY = new Set(['Pod', 'ReplicationController', 'Service', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet', 'HorizontalPodAutoscaler', 'CronJob', 'Job']);
const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);
/** Kinds whose status is written by controllers through the `/status` subresource. */
const WITHOUT_STATUS = new Set(['Event', 'Secret', 'ConfigMap', 'Lease', 'Endpoints', 'EndpointSlice', 'ServiceAccount', 'StorageClass', 'LimitRange', 'PriorityClass', 'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);
/** What this API serves for every kind (no deletecollection). */
const VERBS = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];

export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** Create-only review resources kubectl's `auth can-i` and `auth whoami` post to. */
const REVIEWS: ApiResource[] = [
  review('SelfSubjectAccessReview', 'selfsubjectaccessreviews', 'authorization.k8s.io'),
  review('SelfSubjectRulesReview', 'selfsubjectrulesreviews', 'authorization.k8s.io'),
  review('SelfSubjectReview', 'selfsubjectreviews', 'authentication.k8s.io'),
];

function review(kind: string, plural: string, group: string): ApiResource {
  const info: KindInfo = { kind, plural, singular: kind.toLowerCase(), shortNames: [], apiVersion: `${group}/v1`, group, namespaced: false };
  return { info, group, version: 'v1', verbs: ['create'], categories: [], subresources: [], virtual: true };
}

/**
 * metrics-server's `metrics.k8s.io/v1beta1` (get and list only; metrics-server names no singular), served
 * from the engine's simulated usage for `kubectl top`.
 */
const METRICS: ApiResource[] = [metricsResource('NodeMetrics', 'nodes', false), metricsResource('PodMetrics', 'pods', true)];

function metricsResource(kind: string, plural: string, namespaced: boolean): ApiResource {
  const group = 'metrics.k8s.io';
  const info: KindInfo = { kind, plural, singular: '', shortNames: [], apiVersion: `${group}/v1beta1`, group, namespaced };
  return { info, group, version: 'v1beta1', verbs: ['get', 'list'], categories: [], subresources: [], metrics: true };
}

let cache: ApiResource[] | undefined;

/** Every resource a path may name (metrics.k8s.io included: its handler answers 404 without metrics-server). */
export function apiResources(): ApiResource[] {
  cache ??= allKinds().map((info) => {
    const { group, version } = splitApiVersion(info.apiVersion);
    const subresources: ApiResource['subresources'] = [];
    if (!WITHOUT_STATUS.has(info.kind)) subresources.push({ name: 'status', kind: info.kind, group, version, verbs: ['get', 'patch', 'update'] });
    if (SCALABLE.has(info.kind)) subresources.push({ name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] });
    if (info.kind === 'Pod') {
      subresources.push({ name: 'log', kind: 'Pod', group: '', version: 'v1', verbs: ['get'] });
      subresources.push({ name: 'eviction', kind: 'Eviction', group: 'policy', version: 'v1', verbs: ['create'] });
      subresources.push({ name: 'exec', kind: 'PodExecOptions', group: '', version: 'v1', verbs: ['create', 'get'] });
      subresources.push({ name: 'attach', kind: 'PodAttachOptions', group: '', version: 'v1', verbs: ['create', 'get'] });
    }
    return { info, group, version, verbs: VERBS, categories: ALL_CATEGORY.has(info.kind) ? ['all'] : [], subresources };
  }).concat(REVIEWS, METRICS);
  return cache;
}

/** What discovery lists for a cluster: metrics.k8s.io only while metrics-server runs, as its APIService. */
export function servedResources(metrics: boolean): ApiResource[] {
  return metrics ? apiResources() : apiResources().filter((r) => !r.metrics);
}

/** The group-versions served, core first, then the groups in order of appearance. */
export function groupVersions(metrics = true): Array<{ group: string; version: string }> {
  const seen = new Map<string, { group: string; version: string }>();
  for (const r of servedResources(metrics)) seen.set(`${r.group}/${r.version}`, { group: r.group, version: r.version });
  return [...seen.values()].sort((a, b) => (a.group === '' ? -1 : b.group === '' ? 1 : 0));
}

export function findResource(group: string, version: string, plural: string): ApiResource | undefined {
  return apiResources().find((r) => r.group === group && r.version === version && r.info.plural === plural);
}
