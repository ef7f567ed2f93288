import { FilterPlugin, NodeInfo } from './plugin';
import { Pod } from '../../api/types';
import { LabelSelectorObject, labelSelectorMatches } from '../node-selector';
import { requiredNodeAffinityMatches } from './node-affinity.plugin';

export const ERR_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
export const ERR_NODE_LABEL_NOT_MATCH = `${ERR_CONSTRAINTS_NOT_MATCH} (missing required label)`;

export interface TopologySpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway';
  labelSelector?: LabelSelectorObject;
  minDomains?: number;
  matchLabelKeys?: string[];
}

export function constraintsOf(pod: Pod, when: TopologySpreadConstraint['whenUnsatisfiable']): TopologySpreadConstraint[] {
  return ((pod.spec.topologySpreadConstraints as TopologySpreadConstraint[] | undefined) ?? []).filter((c) => c.whenUnsatisfiable === when);
}

/** The constraint's selector, with `matchLabelKeys` turned into `key In (pod's value)` requirements. */
function selectorOf(c: TopologySpreadConstraint, pod: Pod): LabelSelectorObject | undefined {
  if (!c.labelSelector || !c.matchLabelKeys?.length) return c.labelSelector;
  const labels = pod.metadata.labels ?? {};
  const extra = c.matchLabelKeys.filter((k) => labels[k] !== undefined).map((k) => ({ key: k, operator: 'In', values: [labels[k]] }));
  return { ...c.labelSelector, matchExpressions: [...(c.labelSelector.matchExpressions ?? []), ...extra] };
}

/**
 * Matching pods per topology domain, over the nodes the pod could go to by its node affinity/selector
 * (nodeAffinityPolicy Honor, nodeTaintsPolicy Ignore: the defaults). Terminating pods do not count.
 */
function domainCounts(pod: Pod, c: TopologySpreadConstraint, nodes: NodeInfo[]): Map<string, number> {
  const selector = selectorOf(c, pod);
  const counts = new Map<string, number>();
  for (const info of nodes) {
    const domain = info.node.metadata.labels?.[c.topologyKey];
    if (domain === undefined || !requiredNodeAffinityMatches(pod, info.node)) continue;
    const n = info.pods.filter((p) => !p.metadata.deletionTimestamp && p.metadata.namespace === pod.metadata.namespace && labelSelectorMatches(selector, p.metadata.labels)).length;
    counts.set(domain, (counts.get(domain) ?? 0) + n);
  }
  return counts;
}

const allNodes = (info: NodeInfo) => info.snapshot?.nodes ?? [info];

/** PodTopologySpread Filter: for each DoNotSchedule constraint, placing the pod must keep skew ≤ maxSkew. */
export const podTopologySpreadPlugin: FilterPlugin = {
  name: 'PodTopologySpread',
  filter(pod, info) {
    for (const c of constraintsOf(pod, 'DoNotSchedule')) {
      const domain = info.node.metadata.labels?.[c.topologyKey];
      if (domain === undefined) return { reasons: [ERR_NODE_LABEL_NOT_MATCH], unresolvable: true };
      const counts = domainCounts(pod, c, allNodes(info));
      // With fewer domains than minDomains the global minimum counts as 0.
      const min = counts.size < (c.minDomains ?? 1) ? 0 : Math.min(...counts.values());
      const self = labelSelectorMatches(selectorOf(c, pod), pod.metadata.labels) ? 1 : 0;
      if ((counts.get(domain) ?? 0) + self - min > c.maxSkew) return { reasons: [ERR_CONSTRAINTS_NOT_MATCH], unresolvable: false };
    }
    return null;
  },
};

/**
 * PodTopologySpread Score (before normalisation) for ScheduleAnyway constraints: matching pods already in
 * the node's domain, each constraint weighted by log(domains + 2) as the plug-in does. Lower is better;
 * a node without the topology label gets the worst score.
 */
export function topologySpreadRawScore(pod: Pod, info: NodeInfo): number | undefined {
  const soft = constraintsOf(pod, 'ScheduleAnyway');
  if (soft.length === 0) return 0;
  let score = 0;
  for (const c of soft) {
    const domain = info.node.metadata.labels?.[c.topologyKey];
    if (domain === undefined) return undefined;
    const counts = domainCounts(pod, c, allNodes(info));
    score += ((counts.get(domain) ?? 0) + c.maxSkew - 1) * Math.log(counts.size + 2);
  }
  return score;
}

/** Normalises raw scores across the feasible nodes to 0..100, the emptiest domain scoring highest. */
export function topologySpreadScores(pod: Pod, feasible: NodeInfo[]): Map<NodeInfo, number> {
  const raw = new Map(feasible.map((i) => [i, topologySpreadRawScore(pod, i)]));
  const known = [...raw.values()].filter((v): v is number => v !== undefined);
  const [lo, hi] = [Math.min(...known), Math.max(...known)];
  return new Map(feasible.map((i) => {
    const v = raw.get(i);
    if (v === undefined) return [i, 0];
    return [i, hi > 0 ? Math.round((100 * (hi + lo - v)) / hi) : 100];
  }));
}
