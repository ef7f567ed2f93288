import { Node, PersistentVolume, PersistentVolumeClaim, Pod, PodCondition, StorageClass } from '../api/types';
import { Component, EngineContext } from '../context';
import { FILTER_PLUGINS, PRE_FILTER_PLUGINS } from './plugins/registry';
import { FilterResult, NodeInfo, SchedulingSnapshot } from './plugins/plugin';
import { findPreemption, notEligibleReason } from './preemption';
import { preferredNodeAffinityScore } from './plugins/node-affinity.plugin';
import { interPodAffinityScore } from './plugins/inter-pod-affinity.plugin';
import { topologySpreadScores } from './plugins/pod-topology-spread.plugin';
import { podRequests } from './resources';
import { fitErrorMessage } from './fit-error';
import { resourceValue } from '../api/quantity';
import { setCondition } from '../api/conditions';

interface PendingPod {
  attempts: number;
  lastAttemptMs: number;
  /** the cluster fingerprint at the last attempt: a change while the pod backs off still triggers a retry */
  fingerprint?: string;
}

export interface SchedulerState {
  /** pods that failed to schedule, by uid */
  unschedulable: Record<string, PendingPod>;
  /** fingerprint of what scheduling depends on; a change retries every unschedulable pod */
  clusterFingerprint: string;
}

/** Unschedulable pods are retried at least this often, even if nothing changed (podMaxInUnschedulablePodsDuration). */
const FLUSH_MS = 5 * 60 * 1000;
const SCHEDULER = { component: 'default-scheduler' };

/**
 * kube-scheduler's default profile: take each pod without a node, filter every node through the plug-ins
 * (first failing plug-in per node gives the reasons), score the survivors, bind to the best, or record
 * `FailedScheduling` with the real FitError message and retry when the cluster changes.
 */
export class Scheduler implements Component<SchedulerState> {
  readonly name = 'kube-scheduler';

  constructor(private s: SchedulerState = { unschedulable: {}, clusterFingerprint: '' }) {}

  state(): SchedulerState {
    return this.s;
  }

  /** Set by the cluster when the scheduler's static pod is not running. */
  enabled = true;

  step(ctx: EngineContext): void {
    if (!this.enabled) return;
    const pending = (ctx.store.scan('Pod') as Pod[]).filter(
      (p) => !p.spec.nodeName && !p.metadata.deletionTimestamp && (p.spec.schedulerName ?? 'default-scheduler') === 'default-scheduler',
    );
    const live = new Set(pending.map((p) => p.metadata.uid!));
    for (const uid of Object.keys(this.s.unschedulable)) if (!live.has(uid)) delete this.s.unschedulable[uid];
    if (pending.length === 0) return;

    const now = ctx.clock.nowMs();
    const fingerprint = this.fingerprint(ctx);
    const changed = fingerprint !== this.s.clusterFingerprint;
    this.s.clusterFingerprint = fingerprint;
    const nodes = this.nodeInfos(ctx);
    // Higher priority first, then FIFO by creation (PrioritySort).
    pending.sort((a, b) => (b.spec.priority ?? 0) - (a.spec.priority ?? 0) || (a.metadata.creationTimestamp! < b.metadata.creationTimestamp! ? -1 : 1));
    for (const pod of pending) {
      const prev = this.s.unschedulable[pod.metadata.uid!];
      if (prev && !this.due(prev, now, changed || (prev.fingerprint !== undefined && prev.fingerprint !== fingerprint))) continue;
      this.scheduleOne(ctx, pod, nodes, now);
    }
  }

  private due(p: PendingPod, now: number, changed: boolean): boolean {
    const backoff = Math.min(1000 * 2 ** (p.attempts - 1), 10_000);
    if (now - p.lastAttemptMs < backoff) return false;
    return changed || now - p.lastAttemptMs >= FLUSH_MS;
  }

  private scheduleOne(ctx: EngineContext, pod: Pod, nodes: NodeInfo[], now: number): void {
    const failures: FilterResult[] = [];
    const byNode = new Map<string, FilterResult>();
    const feasible: NodeInfo[] = [];
    const snapshot = nodes[0]?.snapshot;
    const preFailure = snapshot ? PRE_FILTER_PLUGINS.map((p) => p.preFilter(pod, snapshot)).find((r) => r) : undefined;
    if (preFailure) {
      for (const info of nodes) failures.push({ reasons: [], unresolvable: preFailure.unresolvable });
    } else {
      for (const info of nodes) {
        const failure = runFilters(pod, info);
        if (failure) {
          failures.push(failure);
          byNode.set(info.node.metadata.name, failure);
        } else feasible.push(info);
      }
    }
    if (feasible.length === 0) {
      const postFilterMsg = preFailure ? undefined : this.preempt(ctx, pod, nodes, byNode);
      const message = fitErrorMessage(nodes.length, failures, { preFilterMsg: preFailure?.message, postFilterMsg });
      const prev = this.s.unschedulable[pod.metadata.uid!];
      this.s.unschedulable[pod.metadata.uid!] = { attempts: (prev?.attempts ?? 0) + 1, lastAttemptMs: now, fingerprint: this.s.clusterFingerprint };
      const condition: PodCondition = { type: 'PodScheduled', status: 'False', lastProbeTime: null, reason: 'Unschedulable', message };
      const current = ctx.api.tryGet<Pod>('Pod', pod.metadata.namespace, pod.metadata.name);
      if (current && setCondition(current.status, condition, ctx.clock.nowIso())) ctx.api.updateStatus(current);
      ctx.events.record({ object: pod, type: 'Warning', reason: 'FailedScheduling', message, source: SCHEDULER, eventsApi: { action: 'Scheduling' } });
      return;
    }
    const best = this.pick(ctx, pod, feasible);
    delete this.s.unschedulable[pod.metadata.uid!];
    ctx.api.bind(pod.metadata.namespace!, pod.metadata.name, best.node.metadata.name);
    // Keep the node's accounting current for the next pod in this pass.
    best.pods.push(pod);
    for (const [r, v] of Object.entries(podRequests(pod))) best.requested[r] = (best.requested[r] ?? 0) + v;
    ctx.events.record({
      object: pod,
      type: 'Normal',
      reason: 'Scheduled',
      message: `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${best.node.metadata.name}`,
      source: SCHEDULER,
      eventsApi: { action: 'Binding' },
    });
  }

  /**
   * DefaultPreemption (PostFilter): evicts lower-priority victims on one node and nominates it. Returns the
   * post-filter text: undefined for the usual "no victims" histogram, "" when preemption went ahead.
   */
  private preempt(ctx: EngineContext, pod: Pod, nodes: NodeInfo[], failures: Map<string, FilterResult>): string | undefined {
    const notEligible = notEligibleReason(pod, nodes);
    if (notEligible) return `preemption: ${notEligible}`;
    const candidate = findPreemption(pod, nodes, failures, (p, info) => runFilters(p, info) === null);
    if (!candidate) return undefined;
    const nodeName = candidate.info.node.metadata.name;
    for (const victim of candidate.victims) {
      const current = ctx.api.tryGet<Pod>('Pod', victim.metadata.namespace, victim.metadata.name);
      if (!current) continue;
      const condition: PodCondition = { type: 'DisruptionTarget', status: 'True', lastProbeTime: null, reason: 'PreemptionByScheduler', message: 'default-scheduler: preempting to accommodate a higher priority pod' };
      if (setCondition(current.status, condition, ctx.clock.nowIso())) ctx.api.updateStatus(current);
      ctx.api.delete('Pod', victim.metadata.namespace, victim.metadata.name);
      ctx.events.record({ object: victim, type: 'Normal', reason: 'Preempted', message: `Preempted by pod ${pod.metadata.uid} on node ${nodeName}`, source: SCHEDULER, eventsApi: { action: 'Preempting' } });
    }
    const current = ctx.api.tryGet<Pod>('Pod', pod.metadata.namespace, pod.metadata.name);
    if (current && current.status.nominatedNodeName !== nodeName) {
      current.status.nominatedNodeName = nodeName;
      ctx.api.updateStatus(current);
    }
    return '';
  }

  /** LeastAllocated + BalancedAllocation in spirit: most free cpu and memory after placement; ties drawn at random. */
  private pick(ctx: EngineContext, pod: Pod, feasible: NodeInfo[]): NodeInfo {
    const wants = podRequests(pod);
    // NodeAffinity (weight 2): preferred-term weights, normalised to 0..100 across the feasible nodes.
    const maxPreferred = Math.max(0, ...feasible.map((i) => preferredNodeAffinityScore(pod, i.node)));
    const affinity = (info: NodeInfo) => (maxPreferred > 0 ? Math.round((preferredNodeAffinityScore(pod, info.node) * 100) / maxPreferred) : 0);
    // InterPodAffinity (weight 2): preferred (anti-)affinity, normalised between the lowest and highest raw score.
    const raw = new Map(feasible.map((i) => [i, interPodAffinityScore(pod, i)]));
    const [lo, hi] = [Math.min(...raw.values()), Math.max(...raw.values())];
    const podAffinity = (info: NodeInfo) => (hi > lo ? Math.round(((raw.get(info)! - lo) * 100) / (hi - lo)) : 0);
    // PodTopologySpread (weight 2): ScheduleAnyway constraints favour the domains with the fewest matching pods.
    const spread = topologySpreadScores(pod, feasible);
    const score = (info: NodeInfo) => {
      const alloc = info.node.status.allocatable ?? {};
      const free = (r: string) => {
        const total = resourceValue(r, alloc[r]);
        return total > 0 ? (total - (info.requested[r] ?? 0) - (wants[r] ?? 0)) / total : 0;
      };
      return Math.round(((free('cpu') + free('memory')) / 2) * 100) + 2 * affinity(info) + 2 * podAffinity(info) + 2 * (spread.get(info) ?? 0) - info.pods.length * 0.01;
    };
    let best: NodeInfo[] = [];
    let bestScore = -Infinity;
    for (const info of feasible) {
      const s = score(info);
      if (s > bestScore) [best, bestScore] = [[info], s];
      else if (s === bestScore) best.push(info);
    }
    return best.length === 1 ? best[0] : best[ctx.rng.int(best.length)];
  }

  private nodeInfos(ctx: EngineContext): NodeInfo[] {
    const infos = new Map<string, NodeInfo>();
    const snapshot: SchedulingSnapshot = {
      nodes: [],
      claims: ctx.store.scan('PersistentVolumeClaim') as PersistentVolumeClaim[],
      volumes: ctx.store.scan('PersistentVolume') as PersistentVolume[],
      classes: ctx.store.scan('StorageClass') as StorageClass[],
    };
    for (const node of ctx.store.scan('Node') as Node[]) infos.set(node.metadata.name, { node, pods: [], requested: {}, snapshot });
    for (const pod of ctx.store.scan('Pod') as Pod[]) {
      const info = pod.spec.nodeName ? infos.get(pod.spec.nodeName) : undefined;
      if (!info || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') continue;
      info.pods.push(pod);
      for (const [r, v] of Object.entries(podRequests(pod))) info.requested[r] = (info.requested[r] ?? 0) + v;
    }
    snapshot.nodes = [...infos.values()];
    return snapshot.nodes;
  }

  /** Nodes' specs and labels, and which pods hold resources: what can turn a "no" into a "yes". */
  private fingerprint(ctx: EngineContext): string {
    const nodes = (ctx.store.scan('Node') as Node[]).map((n) => `${n.metadata.name}:${JSON.stringify(n.spec)}:${JSON.stringify(n.metadata.labels)}:${n.status.allocatable?.cpu}/${n.status.allocatable?.memory}`);
    const bound = (ctx.store.scan('Pod') as Pod[]).filter((p) => p.spec.nodeName && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
    const claims = (ctx.store.scan('PersistentVolumeClaim') as PersistentVolumeClaim[]).map((c) => `${c.metadata.namespace}/${c.metadata.name}:${c.status?.phase}:${c.spec.volumeName ?? ''}`);
    const classes = ctx.store.scan('StorageClass').map((c) => c.metadata.name);
    return `${nodes.join('|')}#${bound.map((p) => `${p.metadata.uid}${p.metadata.deletionTimestamp ? '-' : ''}`).join(',')}#${claims.join(',')}#${classes.join(',')}`;
  }
}

/** Runs the filter plug-ins in order on one node; the first failure decides (null: the node fits). */
function runFilters(pod: Pod, info: NodeInfo): FilterResult | null {
  for (const plugin of FILTER_PLUGINS) {
    const failure = plugin.filter(pod, info);
    if (failure) return failure;
  }
  return null;
}
