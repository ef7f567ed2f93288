import { Lease, Node, NodeCondition, Pod, Taint } from '../api/types';
import { Component, EngineContext } from '../context';
import { getCondition, setCondition } from '../api/conditions';
import { parseTime, toIso } from '../clock';

export interface NodeLifecycleState {
  lastRunMs: number;
}

/** kube-controller-manager defaults for v1.32. */
export const NODE_MONITOR_PERIOD_MS = 5_000;
export const NODE_MONITOR_GRACE_PERIOD_MS = 50_000;

const UNREACHABLE = 'node.kubernetes.io/unreachable';
const NOT_READY = 'node.kubernetes.io/not-ready';
const UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
const CONTROLLER = { component: 'node-controller' };
const KUBELET_CONDITIONS = ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'];
const PRESSURE_TAINTS: Record<string, string> = {
  MemoryPressure: 'node.kubernetes.io/memory-pressure',
  DiskPressure: 'node.kubernetes.io/disk-pressure',
  PIDPressure: 'node.kubernetes.io/pid-pressure',
};
/** Every taint key this controller manages (it drops those no longer wanted). */
const MANAGED_TAINTS = new Set([UNREACHABLE, NOT_READY, UNSCHEDULABLE, ...Object.values(PRESSURE_TAINTS)]);

/**
 * The node-lifecycle controller: every 5 s, a node whose kubelet has not been heard from (Lease or
 * status) for the grace period gets Unknown conditions, its pods are marked not ready, and the
 * not-ready/unreachable taints follow the Ready condition (NoExecute ones drive taint eviction).
 */
export class NodeLifecycleReconciler implements Component<NodeLifecycleState> {
  readonly name = 'node-lifecycle-controller';

  constructor(private s: NodeLifecycleState = { lastRunMs: 0 }) {}

  state(): NodeLifecycleState {
    return this.s;
  }

  step(ctx: EngineContext): void {
    const now = ctx.clock.nowMs();
    if (now - this.s.lastRunMs < NODE_MONITOR_PERIOD_MS) return;
    this.s.lastRunMs = now;
    for (const node of ctx.api.list<Node>('Node')) this.reconcile(ctx, node, now);
  }

  private reconcile(ctx: EngineContext, node: Node, now: number): void {
    const ready = getCondition(node.status, 'Ready');
    const lease = ctx.store.peek('Lease', 'kube-node-lease', node.metadata.name) as Lease | undefined;
    const lastHeard = Math.max(parseTime(lease?.spec.renewTime) ?? 0, parseTime(ready?.lastHeartbeatTime) ?? 0, parseTime(node.metadata.creationTimestamp) ?? 0);
    if (ready && ready.status !== 'Unknown' && now - lastHeard > NODE_MONITOR_GRACE_PERIOD_MS) {
      this.markUnknown(ctx, node);
      return;
    }
    if (!ready && now - lastHeard > NODE_MONITOR_GRACE_PERIOD_MS) {
      this.markUnknown(ctx, node, true);
      return;
    }
    this.syncTaints(ctx, node, now);
  }

  private markUnknown(ctx: EngineContext, node: Node, never = false): void {
    const nowIso = ctx.clock.nowIso();
    for (const type of KUBELET_CONDITIONS) {
      const prev = getCondition(node.status, type);
      const next: NodeCondition = {
        type,
        status: 'Unknown',
        lastHeartbeatTime: prev?.lastHeartbeatTime ?? node.metadata.creationTimestamp,
        reason: never ? 'NodeStatusNeverUpdated' : 'NodeStatusUnknown',
        message: never ? 'Kubelet never posted node status.' : 'Kubelet stopped posting node status.',
      };
      setCondition(node.status, next, nowIso);
    }
    ctx.api.updateStatus(node);
    ctx.events.record({
      object: node,
      type: 'Normal',
      reason: 'NodeNotReady',
      message: `Node ${node.metadata.name} status is now: NodeNotReady`,
      source: CONTROLLER,
    });
    this.markPodsNotReady(ctx, node.metadata.name);
    const fresh = ctx.api.get<Node>('Node', undefined, node.metadata.name);
    this.syncTaints(ctx, fresh, ctx.clock.nowMs());
  }

  /** `MarkPodsNotReady`: every pod on the node loses Ready, so Services stop sending it traffic. */
  private markPodsNotReady(ctx: EngineContext, nodeName: string): void {
    for (const pod of ctx.api.list<Pod>('Pod', { fieldSelector: `spec.nodeName=${nodeName}` })) {
      if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') continue;
      const readyCond = getCondition(pod.status, 'Ready');
      if (readyCond && readyCond.status !== 'False') {
        readyCond.status = 'False';
        readyCond.lastTransitionTime = ctx.clock.nowIso();
        ctx.api.updateStatus(pod);
      }
      ctx.events.record({ object: pod, type: 'Warning', reason: 'NodeNotReady', message: 'Node is not ready', source: CONTROLLER });
    }
  }

  /**
   * Taints follow conditions (TaintNodesByCondition and the NoExecute taint manager): not-ready or
   * unreachable from the Ready condition, and `node.kubernetes.io/unschedulable` from a cordon.
   */
  private syncTaints(ctx: EngineContext, node: Node, now: number): void {
    const ready = getCondition(node.status, 'Ready');
    const readyKey = !ready || ready.status === 'True' ? undefined : ready.status === 'Unknown' ? UNREACHABLE : NOT_READY;
    // TaintNodesByCondition: a pressure condition that is True keeps new pods off the node (no timeAdded on these).
    const pressure = Object.entries(PRESSURE_TAINTS)
      .filter(([type]) => getCondition(node.status, type)?.status === 'True')
      .map(([, key]) => ({ key, effect: 'NoSchedule' as const }));
    const wanted: Array<Pick<Taint, 'key' | 'effect'>> = [
      ...(node.spec.unschedulable ? [{ key: UNSCHEDULABLE, effect: 'NoSchedule' as const }] : []),
      ...(readyKey ? [{ key: readyKey, effect: 'NoSchedule' as const }, { key: readyKey, effect: 'NoExecute' as const }] : []),
    ];
    const taints = node.spec.taints ?? [];
    const managed = (t: Taint) => MANAGED_TAINTS.has(t.key);
    const timeAdded = toIso(now);
    const next: Taint[] = [
      ...taints.filter((t) => !managed(t)),
      ...wanted.map((w) => taints.find((t) => t.key === w.key && t.effect === w.effect) ?? { ...w, timeAdded }),
      ...pressure.map((w) => taints.find((t) => t.key === w.key && t.effect === w.effect) ?? w),
    ];
    if (JSON.stringify(next) === JSON.stringify(taints)) return;
    if (next.length) node.spec.taints = next;
    else delete node.spec.taints;
    ctx.api.update(node);
  }
}
