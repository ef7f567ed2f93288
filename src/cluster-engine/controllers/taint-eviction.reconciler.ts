import { Node, Pod, Taint } from '../api/types';
import { Component, EngineContext } from '../context';
import { toleratesTaint } from '../scheduler/taints';
import { parseTime } from '../clock';
import { setCondition } from '../api/conditions';

export interface TaintEvictionState {
  /** pods whose deletion is scheduled: uid → "ns/name" */
  scheduled: Record<string, string>;
}

const CONTROLLER = { component: 'taint-eviction-controller' };

/**
 * The taint-eviction controller: pods on a node with NoExecute taints are deleted at once if they do not
 * tolerate them, or when the shortest matching tolerationSeconds has passed since the taint was added.
 */
export class TaintEvictionReconciler implements Component<TaintEvictionState> {
  readonly name = 'taint-eviction-controller';

  constructor(private s: TaintEvictionState = { scheduled: {} }) {}

  state(): TaintEvictionState {
    return this.s;
  }

  step(ctx: EngineContext): void {
    const now = ctx.clock.nowMs();
    const nodes = new Map((ctx.store.scan('Node') as Node[]).map((n) => [n.metadata.name, n]));
    const stillScheduled: Record<string, string> = {};
    for (const pod of ctx.store.scan('Pod') as Pod[]) {
      const node = pod.spec.nodeName ? nodes.get(pod.spec.nodeName) : undefined;
      if (!node || pod.metadata.deletionTimestamp) continue;
      const taints = (node.spec.taints ?? []).filter((t) => t.effect === 'NoExecute');
      const uid = pod.metadata.uid!;
      const ref = `${pod.metadata.namespace}/${pod.metadata.name}`;
      if (taints.length === 0) {
        if (this.s.scheduled[uid]) {
          ctx.events.record({ object: pod, type: 'Normal', reason: 'TaintManagerEviction', message: `Cancelling deletion of Pod ${ref}`, source: CONTROLLER });
        }
        continue;
      }
      const evictAt = evictionTime(pod, taints);
      if (evictAt === undefined || evictAt > now) {
        if (evictAt !== undefined) stillScheduled[uid] = ref;
        continue;
      }
      this.evict(ctx, pod as Pod, ref);
    }
    this.s.scheduled = stillScheduled;
  }

  private evict(ctx: EngineContext, pod: Pod, ref: string): void {
    ctx.events.record({ object: pod, type: 'Normal', reason: 'TaintManagerEviction', message: `Marking for deletion Pod ${ref}`, source: CONTROLLER });
    const fresh = ctx.api.get<Pod>('Pod', pod.metadata.namespace, pod.metadata.name);
    setCondition(
      fresh.status,
      { type: 'DisruptionTarget', status: 'True', lastProbeTime: null, reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' },
      ctx.clock.nowIso(),
    );
    ctx.api.updateStatus(fresh);
    ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name);
  }
}

/** When the pod must go: now (0) if a taint is not tolerated, else taint time + the shortest tolerationSeconds. */
function evictionTime(pod: Pod, taints: Taint[]): number | undefined {
  let at: number | undefined;
  for (const taint of taints) {
    const matching = (pod.spec.tolerations ?? []).filter((t) => toleratesTaint(t, taint));
    if (matching.length === 0) return 0;
    const seconds = matching.map((t) => t.tolerationSeconds).filter((s): s is number => s !== undefined);
    if (seconds.length === 0) continue; // tolerated forever
    const added = parseTime(taint.timeAdded) ?? 0;
    const t = added + Math.max(0, Math.min(...seconds)) * 1000;
    at = at === undefined ? t : Math.min(at, t);
  }
  return at;
}
