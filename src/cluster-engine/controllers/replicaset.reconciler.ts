import { KubeObject, OwnerReference, Pod, ReplicaSet, ReplicaSetStatus, WorkloadCondition } from '../api/types';
import { ApiError } from '../api/errors';
import { Component, EngineContext } from '../context';
import { parseTime } from '../clock';
import { metaSelectorMatches } from '../api/label-selector';
import { sameJson } from '../api/json';

export interface ReplicaSetControllerState {
  /** per ReplicaSet uid: failed syncs in a row and when the rate-limited queue hands it back */
  backoff: Record<string, { failures: number; nextMs: number }>;
}

const SOURCE = { component: 'replicaset-controller' };
/** workqueue.DefaultControllerRateLimiter: 5ms × 2^failures, capped at 1000s. */
const BASE_DELAY_MS = 5;
const MAX_DELAY_MS = 1_000_000;

/** The controller reference an owner puts on what it creates. */
export function controllerRef(owner: KubeObject): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

export function controllerOf(obj: Readonly<KubeObject>): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((o) => o.controller);
}

/** `podutil.IsPodReady`. */
export function isPodReady(pod: Readonly<Pod>): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** `podutil.IsPodAvailable`: ready for at least minReadySeconds. */
export function isPodAvailable(pod: Readonly<Pod>, minReadySeconds: number, nowMs: number): boolean {
  const ready = (pod.status?.conditions ?? []).find((c) => c.type === 'Ready' && c.status === 'True');
  if (!ready) return false;
  if (minReadySeconds === 0) return true;
  const since = parseTime(ready.lastTransitionTime);
  return since !== undefined && since + minReadySeconds * 1000 < nowMs;
}

/** `controller.IsPodActive`: not finished and not being deleted. */
export function isPodActive(pod: Readonly<Pod>): boolean {
  return pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

/** Pods a ReplicaSet owns (by controller uid), active or not. */
export function podsOwnedBy(ctx: EngineContext, rs: Readonly<KubeObject>): Pod[] {
  return (ctx.store.scan('Pod', rs.metadata.namespace) as Pod[]).filter((p) => controllerOf(p)?.uid === rs.metadata.uid);
}

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/**
 * `controller.ActivePodsWithRanks` order: the pods deleted first come first — unscheduled, then
 * pending, not ready, ready more recently, more restarts, created more recently.
 */
function deletionOrder(a: Pod, b: Pod): number {
  const assigned = (p: Pod) => (p.spec.nodeName ? 1 : 0);
  if (assigned(a) !== assigned(b)) return assigned(a) - assigned(b);
  const phase = (p: Pod) => PHASE_RANK[p.status?.phase ?? 'Pending'] ?? 0;
  if (phase(a) !== phase(b)) return phase(a) - phase(b);
  const ready = (p: Pod) => (isPodReady(p) ? 1 : 0);
  if (ready(a) !== ready(b)) return ready(a) - ready(b);
  if (ready(a) && ready(b)) {
    const since = (p: Pod) => parseTime(p.status.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime) ?? 0;
    if (since(a) !== since(b)) return since(b) - since(a);
  }
  const restarts = (p: Pod) => (p.status?.containerStatuses ?? []).reduce((n, c) => Math.max(n, c.restartCount), 0);
  if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
  const created = (p: Pod) => parseTime(p.metadata.creationTimestamp) ?? 0;
  if (created(a) !== created(b)) return created(b) - created(a);
  return (a.metadata.uid ?? '') < (b.metadata.uid ?? '') ? -1 : 1;
}

/**
 * The ReplicaSet controller (`pkg/controller/replicaset`): keeps `spec.replicas` active pods from the
 * template, named `<rs>-<5 random>`, and reports replicas / ready / available in status. A failed pod
 * creation is a `FailedCreate` event with the API server's error and a `ReplicaFailure` condition; the
 * ReplicaSet is then retried with the workqueue's exponential back-off.
 */
export class ReplicaSetReconciler implements Component<ReplicaSetControllerState> {
  readonly name = 'replicaset-controller';

  constructor(private s: ReplicaSetControllerState = { backoff: {} }) {}

  state(): ReplicaSetControllerState {
    return this.s;
  }

  step(ctx: EngineContext): void {
    const now = ctx.clock.nowMs();
    const seen = new Set<string>();
    for (const stored of ctx.store.scan('ReplicaSet') as ReplicaSet[]) {
      const uid = stored.metadata.uid!;
      seen.add(uid);
      if (stored.metadata.deletionTimestamp) continue;
      const wait = this.s.backoff[uid];
      const rs = structuredClone(stored) as ReplicaSet;
      let error: string | undefined;
      if (!wait || wait.nextMs <= now) {
        error = this.manageReplicas(ctx, rs);
        if (error) {
          const failures = (wait?.failures ?? 0) + 1;
          this.s.backoff[uid] = { failures, nextMs: now + Math.min(BASE_DELAY_MS * 2 ** failures, MAX_DELAY_MS) };
        } else delete this.s.backoff[uid];
      }
      this.updateStatus(ctx, rs, error, now);
    }
    for (const uid of Object.keys(this.s.backoff)) if (!seen.has(uid)) delete this.s.backoff[uid];
  }

  /**
   * `ClaimPods`: an active orphan pod the selector matches is adopted (gets this ReplicaSet as its
   * controller); an owned pod the selector no longer matches is released (and replaced).
   */
  private claimPods(ctx: EngineContext, rs: ReplicaSet): void {
    for (const pod of ctx.store.scan('Pod', rs.metadata.namespace) as Pod[]) {
      if (!isPodActive(pod)) continue;
      const owner = controllerOf(pod);
      const matches = metaSelectorMatches(rs.spec.selector, pod.metadata.labels);
      if (owner?.uid === rs.metadata.uid && !matches) {
        const fresh = structuredClone(pod) as Pod;
        fresh.metadata.ownerReferences = (fresh.metadata.ownerReferences ?? []).filter((o) => o.uid !== rs.metadata.uid);
        if (fresh.metadata.ownerReferences.length === 0) delete fresh.metadata.ownerReferences;
        ctx.api.update(fresh);
      } else if (!owner && matches) {
        const fresh = structuredClone(pod) as Pod;
        fresh.metadata.ownerReferences = [...(fresh.metadata.ownerReferences ?? []), controllerRef(rs)];
        ctx.api.update(fresh);
      }
    }
  }

  /** Creates or deletes pods toward spec.replicas; returns the first error's message. */
  private manageReplicas(ctx: EngineContext, rs: ReplicaSet): string | undefined {
    this.claimPods(ctx, rs);
    const active = podsOwnedBy(ctx, rs).filter(isPodActive);
    const diff = active.length - (rs.spec.replicas ?? 1);
    if (diff < 0) {
      for (let i = 0; i < -diff; i++) {
        try {
          const pod = ctx.api.create(this.podFromTemplate(rs));
          ctx.events.record({ object: rs, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${pod.metadata.name}`, source: SOURCE });
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          ctx.events.record({ object: rs, type: 'Warning', reason: 'FailedCreate', message: `Error creating: ${e.message}`, source: SOURCE });
          return e.message;
        }
      }
    } else if (diff > 0) {
      const victims = [...active].sort(deletionOrder).slice(0, diff);
      for (const pod of victims) {
        try {
          ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name);
          ctx.events.record({ object: rs, type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${pod.metadata.name}`, source: SOURCE });
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          ctx.events.record({ object: rs, type: 'Warning', reason: 'FailedDelete', message: `Error deleting: ${e.message}`, source: SOURCE });
          return e.message;
        }
      }
    }
    return undefined;
  }

  /** `controller.GetPodFromTemplate`. */
  private podFromTemplate(rs: ReplicaSet): Pod {
    const t = rs.spec.template;
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: '',
        generateName: `${rs.metadata.name}-`,
        namespace: rs.metadata.namespace,
        labels: { ...(t.metadata?.labels ?? {}) },
        ...(t.metadata?.annotations ? { annotations: { ...t.metadata.annotations } } : {}),
        ...(t.metadata?.finalizers ? { finalizers: [...t.metadata.finalizers] } : {}),
        ownerReferences: [controllerRef(rs)],
      },
      spec: structuredClone(t.spec),
      status: {},
    };
  }

  /** `calculateStatus` + `updateReplicaSetStatus`. */
  private updateStatus(ctx: EngineContext, rs: ReplicaSet, error: string | undefined, now: number): void {
    const fresh = ctx.api.tryGet<ReplicaSet>('ReplicaSet', rs.metadata.namespace, rs.metadata.name);
    if (!fresh || fresh.metadata.uid !== rs.metadata.uid) return;
    const active = podsOwnedBy(ctx, fresh).filter(isPodActive);
    const templateLabels = fresh.spec.template.metadata?.labels ?? {};
    const status: ReplicaSetStatus = {
      replicas: active.length,
      fullyLabeledReplicas: active.filter((p) => Object.entries(templateLabels).every(([k, v]) => p.metadata.labels?.[k] === v)).length,
      readyReplicas: active.filter(isPodReady).length,
      availableReplicas: active.filter((p) => isPodAvailable(p, fresh.spec.minReadySeconds ?? 0, now)).length,
      observedGeneration: fresh.metadata.generation,
    };
    let conditions: WorkloadCondition[] = [...(fresh.status?.conditions ?? [])];
    const failure = conditions.find((c) => c.type === 'ReplicaFailure');
    if (error && !failure) {
      const reason = active.length < (fresh.spec.replicas ?? 1) ? 'FailedCreate' : 'FailedDelete';
      conditions.push({ type: 'ReplicaFailure', status: 'True', lastTransitionTime: ctx.clock.nowIso(), reason, message: error });
    } else if (error === undefined && failure && this.s.backoff[fresh.metadata.uid!] === undefined) {
      conditions = conditions.filter((c) => c.type !== 'ReplicaFailure');
    }
    if (conditions.length) status.conditions = conditions;
    if (!status.fullyLabeledReplicas) delete status.fullyLabeledReplicas;
    if (!status.readyReplicas) delete status.readyReplicas;
    if (!status.availableReplicas) delete status.availableReplicas;
    if (sameJson(status, fresh.status ?? {})) return;
    fresh.status = status;
    ctx.api.updateStatus(fresh);
  }
}
