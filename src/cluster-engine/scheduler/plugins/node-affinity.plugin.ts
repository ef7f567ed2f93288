import { FilterPlugin } from './plugin';
import { Node, Pod } from '../../api/types';
import { NodeSelectorTerm, nodeSelectorMatches, termMatches } from '../node-selector';

export const ERR_AFFINITY = "node(s) didn't match Pod's node affinity/selector";

interface NodeAffinity {
  requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: NodeSelectorTerm[] };
  preferredDuringSchedulingIgnoredDuringExecution?: Array<{ weight: number; preference: NodeSelectorTerm }>;
}

function nodeAffinityOf(pod: Pod): NodeAffinity | undefined {
  return (pod.spec.affinity as { nodeAffinity?: NodeAffinity } | undefined)?.nodeAffinity;
}

/** `nodeSelector` labels must all be on the node, and one required term (if any) must match. */
export function requiredNodeAffinityMatches(pod: Pod, node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  if (!Object.entries(pod.spec.nodeSelector ?? {}).every(([k, v]) => labels[k] === v)) return false;
  const required = nodeAffinityOf(pod)?.requiredDuringSchedulingIgnoredDuringExecution;
  return !required || nodeSelectorMatches(required.nodeSelectorTerms, node);
}

/** Score: the sum of the weights of the preferred terms the node matches. */
export function preferredNodeAffinityScore(pod: Pod, node: Node): number {
  return (nodeAffinityOf(pod)?.preferredDuringSchedulingIgnoredDuringExecution ?? []).reduce((sum, p) => sum + (termMatches(p.preference, node) ? p.weight : 0), 0);
}

/** NodeAffinity: `nodeSelector` and required node affinity; the failure is UnschedulableAndUnresolvable. */
export const nodeAffinityPlugin: FilterPlugin = {
  name: 'NodeAffinity',
  filter(pod, { node }) {
    return requiredNodeAffinityMatches(pod, node) ? null : { reasons: [ERR_AFFINITY], unresolvable: true };
  },
};
