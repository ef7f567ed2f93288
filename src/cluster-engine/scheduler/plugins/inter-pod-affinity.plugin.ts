import { FilterPlugin, NodeInfo } from './plugin';
import { Node, Pod } from '../../api/types';
import { LabelSelectorObject, labelSelectorMatches } from '../node-selector';

export const ERR_AFFINITY_RULES = "node(s) didn't match pod affinity rules";
export const ERR_ANTI_AFFINITY_RULES = "node(s) didn't match pod anti-affinity rules";
export const ERR_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";

export interface PodAffinityTerm {
  labelSelector?: LabelSelectorObject;
  namespaces?: string[];
  topologyKey: string;
}
interface PodAffinity {
  requiredDuringSchedulingIgnoredDuringExecution?: PodAffinityTerm[];
  preferredDuringSchedulingIgnoredDuringExecution?: Array<{ weight: number; podAffinityTerm: PodAffinityTerm }>;
}

function affinityOf(pod: Pod): { podAffinity?: PodAffinity; podAntiAffinity?: PodAffinity } {
  return (pod.spec.affinity as { podAffinity?: PodAffinity; podAntiAffinity?: PodAffinity } | undefined) ?? {};
}

/** Whether `other` is selected by `owner`'s term (namespaces default to the owner's own). */
function termSelects(term: PodAffinityTerm, owner: Pod, other: Pod): boolean {
  const namespaces = term.namespaces?.length ? term.namespaces : [owner.metadata.namespace ?? 'default'];
  return namespaces.includes(other.metadata.namespace ?? 'default') && labelSelectorMatches(term.labelSelector, other.metadata.labels);
}

function sameTopology(a: Node, b: Node, key: string): boolean {
  const va = a.metadata.labels?.[key];
  return va !== undefined && va === b.metadata.labels?.[key];
}

function allNodes(info: NodeInfo): NodeInfo[] {
  return info.snapshot?.nodes ?? [info];
}

/** Pods in the same topology domain as `node` for `key` (only live pods count). */
function podsInDomain(info: NodeInfo, key: string): Pod[] {
  return allNodes(info)
    .filter((n) => sameTopology(n.node, info.node, key))
    .flatMap((n) => n.pods)
    .filter((p) => !p.metadata.deletionTimestamp);
}

/** InterPodAffinity: required pod affinity, pod anti-affinity, and existing pods' anti-affinity. */
export const interPodAffinityPlugin: FilterPlugin = {
  name: 'InterPodAffinity',
  filter(pod, info) {
    const { podAffinity, podAntiAffinity } = affinityOf(pod);
    for (const term of podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []) {
      const inDomain = podsInDomain(info, term.topologyKey).some((p) => termSelects(term, pod, p));
      if (inDomain) continue;
      // The first pod of a group whose affinity names itself may go anywhere no matching pod exists yet.
      const anyMatch = allNodes(info).some((n) => n.pods.some((p) => termSelects(term, pod, p)));
      const selfMatch = termSelects(term, pod, pod) && info.node.metadata.labels?.[term.topologyKey] !== undefined;
      if (anyMatch || !selfMatch) return { reasons: [ERR_AFFINITY_RULES], unresolvable: true };
    }
    for (const term of podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []) {
      if (podsInDomain(info, term.topologyKey).some((p) => termSelects(term, pod, p))) return { reasons: [ERR_ANTI_AFFINITY_RULES], unresolvable: false };
    }
    for (const n of allNodes(info)) {
      for (const existing of n.pods) {
        for (const term of affinityOf(existing).podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []) {
          if (sameTopology(n.node, info.node, term.topologyKey) && termSelects(term, existing, pod)) return { reasons: [ERR_EXISTING_ANTI_AFFINITY], unresolvable: false };
        }
      }
    }
    return null;
  },
};

/**
 * InterPodAffinity score (before normalisation): + weight for each pod in the node's domain matching a
 * preferred affinity term, − weight for each matching a preferred anti-affinity term.
 */
export function interPodAffinityScore(pod: Pod, info: NodeInfo): number {
  const { podAffinity, podAntiAffinity } = affinityOf(pod);
  let score = 0;
  for (const [terms, sign] of [[podAffinity?.preferredDuringSchedulingIgnoredDuringExecution, 1], [podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution, -1]] as const) {
    for (const { weight, podAffinityTerm } of terms ?? []) {
      score += sign * weight * podsInDomain(info, podAffinityTerm.topologyKey).filter((p) => termSelects(podAffinityTerm, pod, p)).length;
    }
  }
  return score;
}
