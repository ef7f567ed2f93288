import { Pod } from '../api/types';
import { FilterResult, NodeInfo } from './plugins/plugin';
import { podRequests } from './resources';

export interface PreemptionCandidate {
  info: NodeInfo;
  victims: Pod[];
}

const priorityOf = (p: Pod) => p.spec.priority ?? 0;

/** Whether a pod is already going away because the scheduler preempted it. */
export function terminatingByPreemption(p: Pod): boolean {
  return !!p.metadata.deletionTimestamp && (p.status?.conditions ?? []).some((c) => c.type === 'DisruptionTarget' && c.status === 'True' && c.reason === 'PreemptionByScheduler');
}

/** `PodEligibleToPreemptOthers`: the reason a pod may not preempt, or undefined when it may. */
export function notEligibleReason(pod: Pod, nodes: NodeInfo[]): string | undefined {
  if (pod.spec.preemptionPolicy === 'Never') return 'not eligible due to preemptionPolicy=Never.';
  const nominated = pod.status?.nominatedNodeName;
  const info = nominated ? nodes.find((n) => n.node.metadata.name === nominated) : undefined;
  if (info?.pods.some((p) => priorityOf(p) < priorityOf(pod) && terminatingByPreemption(p))) {
    return 'not eligible due to a terminating pod on the nominated node.';
  }
  return undefined;
}

function withPods(info: NodeInfo, pods: Pod[]): NodeInfo {
  const requested: Record<string, number> = {};
  for (const p of pods) for (const [r, v] of Object.entries(podRequests(p))) requested[r] = (requested[r] ?? 0) + v;
  return { ...info, pods, requested };
}

/**
 * DefaultPreemption's dry run (`selectVictimsOnNode` + `pickOneNodeForPreemption`): on every node where
 * preemption might help, remove all lower-priority pods, check the pod fits, then reprieve as many victims
 * as possible (highest priority first). The node whose victims have the lowest top priority, then the fewest, wins.
 */
export function findPreemption(pod: Pod, nodes: NodeInfo[], failures: Map<string, FilterResult>, fits: (pod: Pod, info: NodeInfo) => boolean): PreemptionCandidate | undefined {
  const candidates: PreemptionCandidate[] = [];
  for (const info of nodes) {
    const failure = failures.get(info.node.metadata.name);
    if (!failure || failure.unresolvable) continue;
    const lower = info.pods.filter((p) => priorityOf(p) < priorityOf(pod) && !p.metadata.deletionTimestamp);
    if (lower.length === 0) continue;
    const kept = info.pods.filter((p) => !lower.includes(p));
    if (!fits(pod, withPods(info, kept))) continue;
    const victims: Pod[] = [];
    const byPriority = [...lower].sort((a, b) => priorityOf(b) - priorityOf(a) || ((a.status?.startTime ?? '') < (b.status?.startTime ?? '') ? -1 : 1));
    for (const p of byPriority) {
      if (fits(pod, withPods(info, [...kept, p]))) kept.push(p);
      else victims.push(p);
    }
    if (victims.length) candidates.push({ info, victims });
  }
  const top = (c: PreemptionCandidate) => Math.max(...c.victims.map(priorityOf));
  const sum = (c: PreemptionCandidate) => c.victims.reduce((n, p) => n + priorityOf(p), 0);
  candidates.sort((a, b) => top(a) - top(b) || sum(a) - sum(b) || a.victims.length - b.victims.length);
  return candidates[0];
}
