import { Deployment, KubeObject, Pod, PodDisruptionBudget, ReplicaSet } from '../api/types';
import { Component, EngineContext } from '../context';
import { metaSelectorMatches } from '../api/label-selector';
import { setCondition } from '../api/conditions';
import { parseTime } from '../clock';
import { scaledValue } from './deployment-util';
import { isPodReady } from './replicaset.reconciler';
import { sameJson } from '../api/json';
import { copyOf } from '../store/store';

/** An eviction the controller has not yet seen carried out is forgotten after this (`DeletionTimeout`). */
export const DISRUPTION_DELETION_TIMEOUT_MS = 2 * 60_000;
const SOURCE = { component: 'controllermanager' };

/** Pods a budget selects: same namespace, selector matching (an empty selector selects every pod in policy/v1). */
export function podsForBudget(pods: Pod[], pdb: PodDisruptionBudget): Pod[] {
  const sel = pdb.spec?.selector;
  if (!sel) return [];
  return pods.filter((p) => p.metadata.namespace === pdb.metadata.namespace && metaSelectorMatches(sel, p.metadata.labels ?? {}));
}

interface Expected {
  expectedCount: number;
  desiredHealthy: number;
  unmanaged: string[];
}

/**
 * The disruption controller: for each PodDisruptionBudget, counts the selected pods that are Ready (minus
 * those just evicted), works out how many must stay (from minAvailable, or the controllers' scale minus
 * maxUnavailable) and writes currentHealthy, desiredHealthy, expectedPods, disruptionsAllowed and the
 * DisruptionAllowed condition (SufficientPods / InsufficientPods) — what the eviction API then enforces.
 */
export class DisruptionReconciler implements Component<Record<string, never>> {
  readonly name = 'disruption-controller';

  state(): Record<string, never> {
    return {};
  }

  step(ctx: EngineContext): void {
    const budgets = ctx.store.scan('PodDisruptionBudget') as PodDisruptionBudget[];
    if (budgets.length === 0) return;
    const pods = ctx.store.scan('Pod') as Pod[];
    for (const pdb of budgets) this.sync(ctx, pdb, podsForBudget(pods, pdb));
  }

  private sync(ctx: EngineContext, pdb: PodDisruptionBudget, pods: Pod[]): void {
    const now = ctx.clock.nowMs();
    const disruptedPods = this.liveDisruptions(pdb, pods, now);
    const expected = expectedPods(ctx, pdb, pods);
    let currentHealthy = 0;
    for (const p of pods) {
      if (p.metadata.deletionTimestamp) continue;
      if (disruptedPods[p.metadata.name] !== undefined) continue;
      if (isPodReady(p)) currentHealthy++;
    }
    const disruptionsAllowed = Math.max(0, currentHealthy - expected.desiredHealthy);
    // Every step, for every budget: work on a copy of the status alone and compare it with the stored one
    // (updateStatus copies the object it writes).
    const status = copyOf(pdb.status) ?? { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 };
    status.observedGeneration = pdb.metadata.generation ?? 1;
    status.disruptionsAllowed = disruptionsAllowed;
    status.currentHealthy = currentHealthy;
    status.desiredHealthy = expected.desiredHealthy;
    status.expectedPods = expected.expectedCount;
    if (Object.keys(disruptedPods).length) status.disruptedPods = disruptedPods;
    else delete status.disruptedPods;
    setCondition(
      status,
      {
        type: 'DisruptionAllowed',
        status: disruptionsAllowed > 0 ? 'True' : 'False',
        reason: disruptionsAllowed > 0 ? 'SufficientPods' : 'InsufficientPods',
        message: '',
        observedGeneration: status.observedGeneration,
      },
      ctx.clock.nowIso(),
    );
    if (sameJson(status, pdb.status ?? {})) return;
    // Recorded when the status changes (the real controller records on every sync; the recorder would count those up).
    if (pods.length === 0) ctx.events.record({ object: pdb, type: 'Normal', reason: 'NoPods', message: 'No matching pods found', source: SOURCE });
    if (expected.unmanaged.length) {
      ctx.events.record({
        object: pdb,
        type: 'Warning',
        reason: 'UnmanagedPods',
        message: `Pods selected by this PodDisruptionBudget (selector: ${JSON.stringify(pdb.spec.selector ?? {})}) were found to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.`,
        source: SOURCE,
      });
    }
    ctx.api.updateStatus({ ...pdb, status });
  }

  /** `buildDisruptedPodMap`: evictions still pending (pod not yet going away, and not older than 2 minutes). */
  private liveDisruptions(pdb: PodDisruptionBudget, pods: Pod[], now: number): Record<string, string> {
    const out: Record<string, string> = {};
    const byName = new Map(pods.map((p) => [p.metadata.name, p]));
    for (const [name, at] of Object.entries(pdb.status?.disruptedPods ?? {})) {
      const pod = byName.get(name);
      if (!pod || pod.metadata.deletionTimestamp) continue;
      if ((parseTime(at) ?? 0) + DISRUPTION_DELETION_TIMEOUT_MS <= now) continue;
      out[name] = at;
    }
    return out;
  }
}

/** `getExpectedPodCount`: integer minAvailable counts the selected pods; percentages and maxUnavailable use the controllers' scale. */
function expectedPods(ctx: EngineContext, pdb: PodDisruptionBudget, pods: Pod[]): Expected {
  const { minAvailable, maxUnavailable } = pdb.spec;
  if (maxUnavailable !== undefined && maxUnavailable !== null) {
    const scale = expectedScale(ctx, pods);
    const unavailable = scaledValue(maxUnavailable, scale.expectedCount, true);
    return { ...scale, desiredHealthy: Math.max(0, scale.expectedCount - unavailable) };
  }
  if (typeof minAvailable === 'number') return { expectedCount: pods.length, desiredHealthy: minAvailable, unmanaged: [] };
  if (typeof minAvailable === 'string') {
    const scale = expectedScale(ctx, pods);
    return { ...scale, desiredHealthy: scaledValue(minAvailable, scale.expectedCount, true) };
  }
  return { expectedCount: pods.length, desiredHealthy: 0, unmanaged: [] };
}

/** `getExpectedScale`: the sum of the desired replicas of each distinct controller owning a selected pod. */
function expectedScale(ctx: EngineContext, pods: Pod[]): Expected {
  const scales = new Map<string, number>();
  const unmanaged: string[] = [];
  for (const p of pods) {
    const owner = p.metadata.ownerReferences?.find((o) => o.controller);
    if (!owner) {
      unmanaged.push(p.metadata.name);
      continue;
    }
    const key = owner.uid ?? `${owner.kind}/${owner.name}`;
    if (scales.has(key)) continue;
    scales.set(key, controllerScale(ctx, p.metadata.namespace!, owner.kind, owner.name));
  }
  return { expectedCount: [...scales.values()].reduce((a, b) => a + b, 0), desiredHealthy: 0, unmanaged };
}

/** A ReplicaSet owned by a Deployment counts the Deployment's replicas (the "finders" of the real controller). */
function controllerScale(ctx: EngineContext, namespace: string, kind: string, name: string): number {
  const owner = ctx.api.tryGet<KubeObject>(kind, namespace, name);
  if (!owner) return 0;
  if (kind === 'ReplicaSet') {
    const rs = owner as ReplicaSet;
    const dep = rs.metadata.ownerReferences?.find((o) => o.controller && o.kind === 'Deployment');
    const d = dep ? ctx.api.tryGet<Deployment>('Deployment', namespace, dep.name) : undefined;
    return d ? d.spec.replicas ?? 1 : rs.spec.replicas ?? 1;
  }
  const replicas = (owner.spec as { replicas?: number; parallelism?: number } | undefined)?.replicas;
  return replicas ?? 1;
}
