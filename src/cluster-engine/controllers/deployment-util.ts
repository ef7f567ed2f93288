import { Deployment, KubeObject, PodTemplateSpec, ReplicaSet, WorkloadCondition } from '../api/types';
import { ObjectStore } from '../store/store';
import { stableJson } from '../api/json';
import { parseTime } from '../clock';
import { controllerOf } from './replicaset.reconciler';

/** `pkg/controller/deployment/util`: the annotations and helpers both the controller and `kubectl rollout` use. */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';
export const HASH_LABEL = 'pod-template-hash';

const SKIP_COPY = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  'deprecated.deployment.rollback.to',
]);

const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** `controller.ComputeHash`: FNV-32a of the template (and collision count), as `rand.SafeEncodeString` of its decimal form. */
export function templateHash(template: PodTemplateSpec, collisionCount?: number): string {
  let h = 0x811c9dc5;
  const feed = (s: string) => {
    for (const b of Buffer.from(s, 'utf8')) {
      h ^= b;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  };
  feed(stableJson(template));
  if (collisionCount !== undefined) feed(`#${collisionCount}`);
  return String(h >>> 0)
    .split('')
    .map((c) => ALPHANUMS[c.charCodeAt(0) % ALPHANUMS.length])
    .join('');
}

/** Templates equal apart from the pod-template-hash label (`EqualIgnoreHash`). */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  const strip = (t: PodTemplateSpec | undefined) => {
    const c = structuredClone(t ?? ({} as PodTemplateSpec));
    if (c.metadata?.labels) {
      delete c.metadata.labels[HASH_LABEL];
      if (Object.keys(c.metadata.labels).length === 0) delete c.metadata.labels;
    }
    return stableJson(c);
  };
  return strip(a) === strip(b);
}

export function revisionOf(obj: Readonly<KubeObject> | undefined): number {
  const v = Number.parseInt(obj?.metadata.annotations?.[REVISION_ANNOTATION] ?? '', 10);
  return Number.isNaN(v) ? 0 : v;
}

const created = (o: Readonly<KubeObject>) => parseTime(o.metadata.creationTimestamp) ?? 0;

/** `ReplicaSetsByCreationTimestamp`: oldest first, then by name. */
export function byCreation(a: Readonly<KubeObject>, b: Readonly<KubeObject>): number {
  return created(a) - created(b) || (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0);
}

/** The ReplicaSets a Deployment controls. */
export function replicaSetsOf(store: ObjectStore, d: Readonly<Deployment>): ReplicaSet[] {
  return (store.scan('ReplicaSet', d.metadata.namespace) as ReplicaSet[]).filter((rs) => controllerOf(rs)?.uid === d.metadata.uid).map((rs) => structuredClone(rs) as ReplicaSet);
}

/** `FindNewReplicaSet`: the oldest ReplicaSet whose template equals the Deployment's. */
export function findNewReplicaSet(d: Readonly<Deployment>, rsList: ReplicaSet[]): ReplicaSet | undefined {
  return [...rsList].sort(byCreation).find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
}

/** `FindOldReplicaSets`: every other ReplicaSet (`all`), and those still with replicas (`required`). */
export function findOldReplicaSets(d: Readonly<Deployment>, rsList: ReplicaSet[]): { required: ReplicaSet[]; all: ReplicaSet[] } {
  const newRS = findNewReplicaSet(d, rsList);
  const all = rsList.filter((rs) => rs.metadata.uid !== newRS?.metadata.uid);
  return { required: all.filter((rs) => (rs.spec.replicas ?? 0) !== 0), all };
}

/** `intstr.GetScaledValueFromIntOrPercent`. */
export function scaledValue(v: number | string | undefined, total: number, roundUp: boolean): number {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  const pct = Number.parseInt(v.replace('%', ''), 10);
  if (Number.isNaN(pct)) return 0;
  return roundUp ? Math.ceil((pct * total) / 100) : Math.floor((pct * total) / 100);
}

/** `ResolveFenceposts`: maxSurge rounds up, maxUnavailable down; both zero gives maxUnavailable 1. */
export function resolveFenceposts(d: Readonly<Deployment>): { surge: number; unavailable: number } {
  const ru = d.spec.strategy?.rollingUpdate;
  const desired = d.spec.replicas ?? 1;
  const surge = scaledValue(ru?.maxSurge ?? 0, desired, true);
  let unavailable = scaledValue(ru?.maxUnavailable ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

export const isRollingUpdate = (d: Readonly<Deployment>) => (d.spec.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';

export function maxSurge(d: Readonly<Deployment>): number {
  return isRollingUpdate(d) ? resolveFenceposts(d).surge : 0;
}

export function maxUnavailable(d: Readonly<Deployment>): number {
  const replicas = d.spec.replicas ?? 1;
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  return Math.min(resolveFenceposts(d).unavailable, replicas);
}

export function getCondition(conditions: WorkloadCondition[] | undefined, type: string): WorkloadCondition | undefined {
  return conditions?.find((c) => c.type === type);
}

/** Deployment annotations a new ReplicaSet inherits (change-cause and the user's own). */
export function copyDeploymentAnnotations(d: Readonly<Deployment>, rs: ReplicaSet): boolean {
  let changed = false;
  rs.metadata.annotations ??= {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (SKIP_COPY.has(k) || rs.metadata.annotations[k] === v) continue;
    rs.metadata.annotations[k] = v;
    changed = true;
  }
  return changed;
}
