import { Deployment, DeploymentStatus, Pod, ReplicaSet, WorkloadCondition } from '../api/types';
import { ApiError } from '../api/errors';
import { Component, EngineContext } from '../context';
import { sameJson } from '../api/json';
import { isEmptySelector } from '../api/label-selector';
import { parseTime } from '../clock';
import { controllerOf, controllerRef } from './replicaset.reconciler';
import {
  byCreation,
  copyDeploymentAnnotations,
  DESIRED_REPLICAS_ANNOTATION,
  equalIgnoreHash,
  findNewReplicaSet,
  getCondition,
  HASH_LABEL,
  isRollingUpdate,
  MAX_REPLICAS_ANNOTATION,
  maxSurge,
  maxUnavailable,
  replicaSetsOf,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  revisionOf,
  scaledValue,
  templateHash,
} from './deployment-util';

const SOURCE = { component: 'deployment-controller' };

// Condition reasons (`deploymentutil`).
export const NEW_RS_CREATED = 'NewReplicaSetCreated';
export const FOUND_NEW_RS = 'FoundNewReplicaSet';
export const RS_UPDATED = 'ReplicaSetUpdated';
export const NEW_RS_AVAILABLE = 'NewReplicaSetAvailable';
export const TIMED_OUT = 'ProgressDeadlineExceeded';
export const PAUSED = 'DeploymentPaused';
export const RESUMED = 'DeploymentResumed';

const replicasOf = (rs: ReplicaSet | undefined) => rs?.spec.replicas ?? 0;
const active = (list: Array<ReplicaSet | undefined>) => list.filter((rs): rs is ReplicaSet => !!rs && replicasOf(rs) > 0);
const sum = (list: Array<ReplicaSet | undefined>, f: (rs: ReplicaSet) => number) => list.reduce((n, rs) => n + (rs ? f(rs) : 0), 0);
const specReplicas = (list: Array<ReplicaSet | undefined>) => sum(list, replicasOf);

/**
 * The Deployment controller (`pkg/controller/deployment`): one ReplicaSet per pod template (named
 * `<deployment>-<pod-template-hash>`), rolled by the RollingUpdate or Recreate strategy, revisions in the
 * `deployment.kubernetes.io/revision` annotation, the Available / Progressing conditions with the progress
 * deadline, pause, proportional scaling and revision-history cleanup.
 */
export class DeploymentReconciler implements Component<Record<string, never>> {
  readonly name = 'deployment-controller';

  state(): Record<string, never> {
    return {};
  }

  step(ctx: EngineContext): void {
    for (const stored of ctx.store.scan('Deployment') as Deployment[]) {
      new DeploymentSync(ctx, structuredClone(stored) as Deployment).run();
    }
  }
}

/** One `syncDeployment` pass over one Deployment; `d` is the working copy written back as needed. */
class DeploymentSync {
  private readonly now: string;

  constructor(
    private readonly ctx: EngineContext,
    private d: Deployment,
  ) {
    this.now = ctx.clock.nowIso();
    d.status ??= {};
  }

  run(): void {
    const d = this.d;
    if (isEmptySelector(d.spec.selector)) return;
    const rsList = replicaSetsOf(this.ctx.store, d);
    if (d.metadata.deletionTimestamp) {
      const { newRS, oldRSs } = this.allReplicaSets(rsList, false);
      return this.syncDeploymentStatus([...oldRSs, newRS], newRS);
    }
    this.checkPausedConditions();
    if (d.spec.paused || this.isScalingEvent(rsList)) return this.sync(rsList);
    if (d.spec.strategy?.type === 'Recreate') return this.rolloutRecreate(rsList);
    return this.rolloutRolling(rsList);
  }

  // ---------------------------------------------------------------- writes

  private writeDeployment(): void {
    const d = this.d;
    const current = this.ctx.store.peek('Deployment', d.metadata.namespace, d.metadata.name);
    if (!current || current.metadata.uid !== d.metadata.uid) return;
    if (!sameJson(current.metadata.annotations ?? {}, d.metadata.annotations ?? {})) {
      const fresh = structuredClone(current) as Deployment;
      fresh.metadata.annotations = d.metadata.annotations;
      this.ctx.api.update(fresh);
    }
    const fresh = structuredClone(this.ctx.store.peek('Deployment', d.metadata.namespace, d.metadata.name)!) as Deployment;
    fresh.status = d.status;
    this.d = { ...this.ctx.api.updateStatus(fresh), spec: d.spec } as Deployment;
  }

  private updateReplicaSet(rs: ReplicaSet): ReplicaSet {
    const copy = structuredClone(rs);
    delete copy.metadata.resourceVersion;
    return this.ctx.api.update(copy);
  }

  private setCondition(status: DeploymentStatus, type: string, cstatus: WorkloadCondition['status'], reason: string, message: string): void {
    const cur = getCondition(status.conditions, type);
    if (cur && cur.status === cstatus && cur.reason === reason) return;
    const cond: WorkloadCondition = { type, status: cstatus, lastUpdateTime: this.now, lastTransitionTime: cur && cur.status === cstatus ? cur.lastTransitionTime : this.now, reason, message };
    status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== type), cond];
  }

  private hasProgressDeadline(): boolean {
    return this.d.spec.progressDeadlineSeconds !== undefined && this.d.spec.progressDeadlineSeconds !== 2147483647;
  }

  // ---------------------------------------------------------------- replica sets and revisions

  /** `getAllReplicaSetsAndSyncRevision`. */
  private allReplicaSets(rsList: ReplicaSet[], create: boolean): { newRS: ReplicaSet | undefined; oldRSs: ReplicaSet[] } {
    const existing = findNewReplicaSet(this.d, rsList);
    const oldRSs = rsList.filter((rs) => rs.metadata.uid !== existing?.metadata.uid);
    return { newRS: this.newReplicaSet(existing, oldRSs, create), oldRSs };
  }

  private newReplicaSet(existing: ReplicaSet | undefined, oldRSs: ReplicaSet[], create: boolean): ReplicaSet | undefined {
    const d = this.d;
    const newRevision = String(Math.max(0, ...oldRSs.map(revisionOf)) + 1);
    if (existing) {
      const rs = structuredClone(existing);
      const annotationsUpdated = this.setNewReplicaSetAnnotations(rs, newRevision, true);
      if (annotationsUpdated || (rs.spec.minReadySeconds ?? 0) !== (d.spec.minReadySeconds ?? 0)) {
        rs.spec.minReadySeconds = d.spec.minReadySeconds ?? 0;
        return this.updateReplicaSet(rs);
      }
      let needsUpdate = this.setDeploymentRevision(rs.metadata.annotations?.[REVISION_ANNOTATION] ?? '');
      if (this.hasProgressDeadline() && !getCondition(d.status.conditions, 'Progressing')) {
        this.setCondition(d.status, 'Progressing', 'True', FOUND_NEW_RS, `Found new replica set "${rs.metadata.name}"`);
        needsUpdate = true;
      }
      if (needsUpdate) this.writeDeployment();
      return rs;
    }
    if (!create) return undefined;

    const template = structuredClone(d.spec.template);
    const hash = templateHash(d.spec.template, d.status.collisionCount);
    template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [HASH_LABEL]: hash } };
    const selector = structuredClone(d.spec.selector);
    selector.matchLabels = { ...(selector.matchLabels ?? {}), [HASH_LABEL]: hash };
    const rs: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: `${d.metadata.name}-${hash}`, namespace: d.metadata.namespace, labels: { ...template.metadata.labels }, ownerReferences: [controllerRef(d)] },
      spec: { replicas: 0, minReadySeconds: d.spec.minReadySeconds ?? 0, selector, template },
      status: { replicas: 0 },
    };
    rs.spec.replicas = this.newRSNewReplicas([...oldRSs, rs], rs);
    this.setNewReplicaSetAnnotations(rs, newRevision, false);
    let created: ReplicaSet;
    let alreadyExists = false;
    try {
      created = this.ctx.api.create(rs);
    } catch (e) {
      if (!(e instanceof ApiError) || e.reason !== 'AlreadyExists') throw e;
      const clash = this.ctx.api.get<ReplicaSet>('ReplicaSet', rs.metadata.namespace, rs.metadata.name);
      if (controllerOf(clash)?.uid === d.metadata.uid && equalIgnoreHash(clash.spec.template, d.spec.template)) {
        created = clash;
        alreadyExists = true;
      } else {
        // A hash collision: bump collisionCount so the next sync computes a different name.
        d.status.collisionCount = (d.status.collisionCount ?? 0) + 1;
        this.writeDeployment();
        return undefined;
      }
    }
    if (!alreadyExists && replicasOf(created) > 0) this.scalingEvent('up', created.metadata.name, 0, replicasOf(created));
    let needsUpdate = this.setDeploymentRevision(newRevision);
    if (!alreadyExists && this.hasProgressDeadline()) {
      this.setCondition(d.status, 'Progressing', 'True', NEW_RS_CREATED, `Created new replica set "${created.metadata.name}"`);
      needsUpdate = true;
    }
    if (needsUpdate) this.writeDeployment();
    return created;
  }

  /** `SetNewReplicaSetAnnotations`. */
  private setNewReplicaSetAnnotations(rs: ReplicaSet, newRevision: string, exists: boolean): boolean {
    let changed = copyDeploymentAnnotations(this.d, rs);
    const annotations = (rs.metadata.annotations ??= {});
    const oldRevision = annotations[REVISION_ANNOTATION];
    const oldInt = oldRevision ? Number.parseInt(oldRevision, 10) : 0;
    if (oldInt < Number.parseInt(newRevision, 10)) {
      annotations[REVISION_ANNOTATION] = newRevision;
      changed = true;
      if (oldRevision !== undefined) {
        const history = annotations[REVISION_HISTORY_ANNOTATION];
        annotations[REVISION_HISTORY_ANNOTATION] = history ? `${history},${oldRevision}` : oldRevision;
      }
    }
    if (!exists && this.setReplicasAnnotations(rs)) changed = true;
    return changed;
  }

  private setReplicasAnnotations(rs: ReplicaSet): boolean {
    const desired = String(this.d.spec.replicas ?? 1);
    const max = String((this.d.spec.replicas ?? 1) + maxSurge(this.d));
    const a = (rs.metadata.annotations ??= {});
    if (a[DESIRED_REPLICAS_ANNOTATION] === desired && a[MAX_REPLICAS_ANNOTATION] === max) return false;
    a[DESIRED_REPLICAS_ANNOTATION] = desired;
    a[MAX_REPLICAS_ANNOTATION] = max;
    return true;
  }

  private setDeploymentRevision(revision: string): boolean {
    const a = (this.d.metadata.annotations ??= {});
    if (a[REVISION_ANNOTATION] === revision) return false;
    a[REVISION_ANNOTATION] = revision;
    return true;
  }

  /** `NewRSNewReplicas`. */
  private newRSNewReplicas(allRSs: Array<ReplicaSet | undefined>, newRS: ReplicaSet): number {
    const desired = this.d.spec.replicas ?? 1;
    if (!isRollingUpdate(this.d)) return desired;
    const surge = scaledValue(this.d.spec.strategy?.rollingUpdate?.maxSurge, desired, true);
    const current = specReplicas(allRSs);
    const maxTotal = desired + surge;
    if (current >= maxTotal) return replicasOf(newRS);
    const up = Math.min(maxTotal - current, desired - replicasOf(newRS));
    return replicasOf(newRS) + up;
  }

  // ---------------------------------------------------------------- scaling

  private scalingEvent(direction: 'up' | 'down', name: string, from: number, to: number): void {
    this.ctx.events.record({ object: this.d, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled ${direction} replica set ${name} from ${from} to ${to}`, source: SOURCE });
  }

  /** `scaleReplicaSetAndRecordEvent`: returns whether the size changed, and the stored ReplicaSet. */
  private scaleReplicaSet(rs: ReplicaSet, newScale: number): { scaled: boolean; rs: ReplicaSet } {
    const sizeNeedsUpdate = replicasOf(rs) !== newScale;
    const copy = structuredClone(rs);
    const annotationsNeedUpdate = this.setReplicasAnnotations(copy);
    if (!sizeNeedsUpdate && !annotationsNeedUpdate) return { scaled: false, rs };
    const old = replicasOf(rs);
    copy.spec.replicas = newScale;
    const updated = this.updateReplicaSet(copy);
    if (sizeNeedsUpdate) this.scalingEvent(old < newScale ? 'up' : 'down', rs.metadata.name, old, newScale);
    return { scaled: sizeNeedsUpdate, rs: updated };
  }

  /** `isScalingEvent`: an active ReplicaSet was sized for a different spec.replicas. */
  private isScalingEvent(rsList: ReplicaSet[]): boolean {
    const { newRS, oldRSs } = this.allReplicaSets(rsList, false);
    for (const rs of active([...oldRSs, newRS])) {
      const desired = rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION];
      if (desired !== undefined && Number.parseInt(desired, 10) !== (this.d.spec.replicas ?? 1)) return true;
    }
    return false;
  }

  /** `sync`: scaling and pause — no new ReplicaSet is created. */
  private sync(rsList: ReplicaSet[]): void {
    const { newRS, oldRSs } = this.allReplicaSets(rsList, false);
    this.scale(newRS, oldRSs);
    if (this.d.spec.paused) this.cleanup(oldRSs);
    const fresh = replicaSetsOf(this.ctx.store, this.d);
    const refreshed = (rs: ReplicaSet | undefined) => rs && fresh.find((x) => x.metadata.uid === rs.metadata.uid);
    this.syncDeploymentStatus([...oldRSs.map(refreshed), refreshed(newRS)], refreshed(newRS));
  }

  /** `scale`: a lone active ReplicaSet takes the whole size; otherwise sizes change proportionally. */
  private scale(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): void {
    const d = this.d;
    const desired = d.spec.replicas ?? 1;
    const activeOrLatest = this.findActiveOrLatest(newRS, oldRSs);
    if (activeOrLatest) {
      if (replicasOf(activeOrLatest) !== desired) this.scaleReplicaSet(activeOrLatest, desired);
      return;
    }
    if (this.isSaturated(newRS)) {
      for (const old of active(oldRSs)) this.scaleReplicaSet(old, 0);
      return;
    }
    if (!isRollingUpdate(d)) return;
    const all = active([...oldRSs, newRS]);
    const allowed = desired > 0 ? desired + maxSurge(d) : 0;
    const toAdd = allowed - specReplicas(all);
    if (toAdd > 0) all.sort((a, b) => replicasOf(b) - replicasOf(a) || byCreation(b, a));
    else if (toAdd < 0) all.sort((a, b) => replicasOf(b) - replicasOf(a) || byCreation(a, b));
    let added = 0;
    const sizes = new Map<string, number>();
    for (const rs of all) {
      if (toAdd !== 0) {
        const p = this.proportion(rs, toAdd, added);
        sizes.set(rs.metadata.name, replicasOf(rs) + p);
        added += p;
      } else sizes.set(rs.metadata.name, replicasOf(rs));
    }
    all.forEach((rs, i) => {
      if (i === 0 && toAdd !== 0) sizes.set(rs.metadata.name, Math.max(0, sizes.get(rs.metadata.name)! + toAdd - added));
      this.scaleReplicaSet(rs, sizes.get(rs.metadata.name)!);
    });
  }

  private proportion(rs: ReplicaSet, toAdd: number, added: number): number {
    if (replicasOf(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
    const d = this.d;
    let fraction: number;
    if ((d.spec.replicas ?? 1) === 0) fraction = -replicasOf(rs);
    else {
      const maxNow = (d.spec.replicas ?? 1) + maxSurge(d);
      let before = Number.parseInt(rs.metadata.annotations?.[MAX_REPLICAS_ANNOTATION] ?? '', 10);
      if (Number.isNaN(before) || before === 0) before = d.status.replicas ?? 0;
      fraction = before === 0 ? 0 : Math.round((replicasOf(rs) * maxNow) / before) - replicasOf(rs);
    }
    const allowed = toAdd - added;
    return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
  }

  private findActiveOrLatest(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): ReplicaSet | undefined {
    if (!newRS && oldRSs.length === 0) return undefined;
    const newestFirst = [...oldRSs].sort((a, b) => byCreation(b, a));
    const all = active([...newestFirst, newRS]);
    if (all.length === 0) return newRS ?? newestFirst[0];
    return all.length === 1 ? all[0] : undefined;
  }

  private isSaturated(rs: ReplicaSet | undefined): boolean {
    if (!rs) return false;
    const desired = this.d.spec.replicas ?? 1;
    const annotated = Number.parseInt(rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION] ?? '', 10);
    return replicasOf(rs) === desired && annotated === desired && (rs.status?.availableReplicas ?? 0) === desired;
  }

  // ---------------------------------------------------------------- strategies

  /** `rolloutRolling`. */
  private rolloutRolling(rsList: ReplicaSet[]): void {
    const { newRS, oldRSs } = this.allReplicaSets(rsList, true);
    if (!newRS) return;
    const d = this.d;
    const desired = d.spec.replicas ?? 1;
    let allRSs: ReplicaSet[] = [...oldRSs, newRS];
    let current = newRS;
    // Scale up, if we can.
    if (replicasOf(newRS) !== desired) {
      const target = replicasOf(newRS) > desired ? desired : this.newRSNewReplicas(allRSs, newRS);
      const r = this.scaleReplicaSet(newRS, target);
      current = r.rs;
      if (r.scaled) return this.syncRolloutStatus([...oldRSs, current], current);
    }
    allRSs = [...oldRSs, current];
    // Scale down, if we can.
    const { scaled, oldRSs: olds } = this.reconcileOldReplicaSets(allRSs, oldRSs, current);
    if (scaled) return this.syncRolloutStatus([...olds, current], current);
    if (this.deploymentComplete(d.status)) this.cleanup(oldRSs);
    this.syncRolloutStatus(allRSs, current);
  }

  private reconcileOldReplicaSets(allRSs: ReplicaSet[], oldRSs: ReplicaSet[], newRS: ReplicaSet): { scaled: boolean; oldRSs: ReplicaSet[] } {
    const d = this.d;
    const desired = d.spec.replicas ?? 1;
    const activeOld = active(oldRSs);
    if (specReplicas(activeOld) === 0) return { scaled: false, oldRSs };
    const minAvailable = desired - maxUnavailable(d);
    const newUnavailable = replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0);
    const maxScaledDown = specReplicas(allRSs) - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) return { scaled: false, oldRSs };
    const byUid = new Map(oldRSs.map((rs) => [rs.metadata.uid!, rs]));
    // Clean up unhealthy replicas first, so they never block the rollout.
    let cleaned = 0;
    for (const rs of [...activeOld].sort(byCreation)) {
      if (cleaned >= maxScaledDown) break;
      const unhealthy = replicasOf(rs) - (rs.status?.availableReplicas ?? 0);
      if (replicasOf(rs) === 0 || unhealthy <= 0) continue;
      const n = Math.min(maxScaledDown - cleaned, unhealthy);
      byUid.set(rs.metadata.uid!, this.scaleReplicaSet(rs, replicasOf(rs) - n).rs);
      cleaned += n;
    }
    // Then scale down as far as availability allows.
    const olds = oldRSs.map((rs) => byUid.get(rs.metadata.uid!)!);
    const available = sum([...olds, newRS], (rs) => rs.status?.availableReplicas ?? 0);
    let scaledDown = 0;
    if (available > minAvailable) {
      const total = available - minAvailable;
      for (const rs of [...olds].sort(byCreation)) {
        if (scaledDown >= total) break;
        if (replicasOf(rs) === 0) continue;
        const n = Math.min(replicasOf(rs), total - scaledDown);
        byUid.set(rs.metadata.uid!, this.scaleReplicaSet(rs, replicasOf(rs) - n).rs);
        scaledDown += n;
      }
    }
    return { scaled: cleaned + scaledDown > 0, oldRSs: oldRSs.map((rs) => byUid.get(rs.metadata.uid!)!) };
  }

  /** `rolloutRecreate`: all old pods gone before the new ReplicaSet is scaled up. */
  private rolloutRecreate(rsList: ReplicaSet[]): void {
    let { newRS, oldRSs } = this.allReplicaSets(rsList, false);
    let scaledDown = false;
    oldRSs = oldRSs.map((rs) => {
      if (replicasOf(rs) === 0) return rs;
      const r = this.scaleReplicaSet(rs, 0);
      scaledDown ||= r.scaled;
      return r.rs;
    });
    if (scaledDown) return this.syncRolloutStatus([...oldRSs, newRS], newRS);
    if (this.oldPodsRunning(newRS, oldRSs)) return this.syncRolloutStatus([...oldRSs, newRS], newRS);
    if (!newRS) {
      ({ newRS, oldRSs } = this.allReplicaSets(replicaSetsOf(this.ctx.store, this.d), true));
      if (!newRS) return;
    }
    if (replicasOf(newRS) !== (this.d.spec.replicas ?? 1)) newRS = this.scaleReplicaSet(newRS, this.d.spec.replicas ?? 1).rs;
    if (this.deploymentComplete(this.d.status)) this.cleanup(oldRSs);
    this.syncRolloutStatus([...oldRSs, newRS], newRS);
  }

  private oldPodsRunning(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): boolean {
    if (sum(oldRSs, (rs) => rs.status?.replicas ?? 0) > 0) return true;
    const oldUids = new Set(oldRSs.map((rs) => rs.metadata.uid));
    return (this.ctx.store.scan('Pod', this.d.metadata.namespace) as Pod[]).some((p) => {
      const owner = controllerOf(p)?.uid;
      return owner !== undefined && owner !== newRS?.metadata.uid && oldUids.has(owner) && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed';
    });
  }

  /** `cleanupDeployment`: keeps revisionHistoryLimit old ReplicaSets, deleting the oldest revisions that are scaled to zero. */
  private cleanup(oldRSs: ReplicaSet[]): void {
    const limit = this.d.spec.revisionHistoryLimit;
    if (limit === undefined) return;
    const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
    const diff = cleanable.length - limit;
    if (diff <= 0) return;
    const byRevision = [...cleanable].sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b));
    for (const rs of byRevision.slice(0, diff)) {
      const stored = this.ctx.store.peek('ReplicaSet', rs.metadata.namespace, rs.metadata.name) as ReplicaSet | undefined;
      if (!stored || (stored.status?.replicas ?? 0) !== 0 || replicasOf(stored) !== 0) continue;
      if ((stored.metadata.generation ?? 0) > (stored.status?.observedGeneration ?? 0)) continue;
      this.ctx.api.delete('ReplicaSet', rs.metadata.namespace, rs.metadata.name);
    }
  }

  // ---------------------------------------------------------------- status

  /** `calculateStatus`. */
  private calculateStatus(allRSs: Array<ReplicaSet | undefined>, newRS: ReplicaSet | undefined): DeploymentStatus {
    const d = this.d;
    const available = sum(allRSs, (rs) => rs.status?.availableReplicas ?? 0);
    const total = specReplicas(allRSs);
    const status: DeploymentStatus = {
      observedGeneration: d.metadata.generation,
      replicas: sum(allRSs, (rs) => rs.status?.replicas ?? 0),
      updatedReplicas: newRS ? newRS.status?.replicas ?? 0 : 0,
      readyReplicas: sum(allRSs, (rs) => rs.status?.readyReplicas ?? 0),
      availableReplicas: available,
      unavailableReplicas: Math.max(0, total - available),
      conditions: [...(d.status.conditions ?? [])],
      ...(d.status.collisionCount !== undefined ? { collisionCount: d.status.collisionCount } : {}),
    };
    if (available >= (d.spec.replicas ?? 1) - maxUnavailable(d)) this.setCondition(status, 'Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.');
    else this.setCondition(status, 'Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.');
    return status;
  }

  private deploymentComplete(status: DeploymentStatus): boolean {
    const desired = this.d.spec.replicas ?? 1;
    return (status.updatedReplicas ?? 0) === desired && (status.replicas ?? 0) === desired && (status.availableReplicas ?? 0) === desired && (status.observedGeneration ?? 0) >= (this.d.metadata.generation ?? 0);
  }

  private syncDeploymentStatus(allRSs: Array<ReplicaSet | undefined>, newRS: ReplicaSet | undefined): void {
    const status = this.calculateStatus(allRSs, newRS);
    this.writeStatus(status);
  }

  private writeStatus(status: DeploymentStatus): void {
    const clean = (s: DeploymentStatus) => {
      const c = { ...s } as Record<string, unknown>;
      for (const k of ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas']) if (c[k] === 0) delete c[k];
      if (!s.conditions?.length) delete c.conditions;
      return c as DeploymentStatus;
    };
    const next = clean(status);
    if (sameJson(next, clean(this.d.status))) return;
    this.d.status = next;
    this.writeDeployment();
  }

  /** `syncRolloutStatus`: the Progressing condition, with the progress deadline. */
  private syncRolloutStatus(allRSs: Array<ReplicaSet | undefined>, newRS: ReplicaSet | undefined): void {
    const d = this.d;
    const status = this.calculateStatus(allRSs, newRS);
    if (!this.hasProgressDeadline()) status.conditions = status.conditions?.filter((c) => c.type !== 'Progressing');
    const currentCond = getCondition(d.status.conditions, 'Progressing');
    const isComplete = status.replicas === status.updatedReplicas && currentCond?.reason === NEW_RS_AVAILABLE;
    const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
    if (this.hasProgressDeadline() && !isComplete) {
      if (this.deploymentComplete(status)) {
        this.setCondition(status, 'Progressing', 'True', NEW_RS_AVAILABLE, `${subject} has successfully progressed.`);
      } else if (this.progressing(status)) {
        const cond: WorkloadCondition = {
          type: 'Progressing',
          status: 'True',
          lastUpdateTime: this.now,
          lastTransitionTime: currentCond?.status === 'True' ? currentCond.lastTransitionTime : this.now,
          reason: RS_UPDATED,
          message: `${subject} is progressing.`,
        };
        status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== 'Progressing'), cond];
      } else if (this.timedOut(status)) {
        this.setCondition(status, 'Progressing', 'False', TIMED_OUT, `${subject} has timed out progressing.`);
      }
    }
    const failure = [...allRSs, newRS].map((rs) => rs && getCondition(rs.status?.conditions, 'ReplicaFailure')).find((c) => c?.status === 'True');
    if (failure) this.setCondition(status, 'ReplicaFailure', failure.status, failure.reason ?? '', failure.message ?? '');
    else status.conditions = status.conditions?.filter((c) => c.type !== 'ReplicaFailure');
    this.writeStatus(status);
  }

  private progressing(next: DeploymentStatus): boolean {
    const old = this.d.status;
    const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
    const newOld = (next.replicas ?? 0) - (next.updatedReplicas ?? 0);
    return (next.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) || newOld < oldOld || (next.readyReplicas ?? 0) > (old.readyReplicas ?? 0) || (next.availableReplicas ?? 0) > (old.availableReplicas ?? 0);
  }

  private timedOut(next: DeploymentStatus): boolean {
    const cond = getCondition(next.conditions, 'Progressing');
    if (!cond || cond.reason === NEW_RS_AVAILABLE) return false;
    if (cond.reason === TIMED_OUT) return true;
    const from = parseTime(cond.lastUpdateTime);
    return from !== undefined && from + (this.d.spec.progressDeadlineSeconds ?? 600) * 1000 < this.ctx.clock.nowMs();
  }

  /** `checkPausedConditions`. */
  private checkPausedConditions(): void {
    if (!this.hasProgressDeadline()) return;
    const d = this.d;
    const cond = getCondition(d.status.conditions, 'Progressing');
    if (cond?.reason === TIMED_OUT) return;
    const pausedCond = cond?.reason === PAUSED;
    if (d.spec.paused && !pausedCond) this.setCondition(d.status, 'Progressing', 'Unknown', PAUSED, 'Deployment is paused');
    else if (!d.spec.paused && pausedCond) this.setCondition(d.status, 'Progressing', 'Unknown', RESUMED, 'Deployment is resumed');
    else return;
    this.writeDeployment();
  }
}
