import { FilterPlugin } from './plugin';
import { podRequests } from '../resources';
import { resourceValue } from '../../api/quantity';

/** NodeResourcesFit: requests (not limits) against allocatable minus what bound pods already request. */
export const nodeResourcesFitPlugin: FilterPlugin = {
  name: 'NodeResourcesFit',
  filter(pod, { node, pods, requested }) {
    const allocatable = node.status.allocatable ?? {};
    const reasons: string[] = [];
    const maxPods = resourceValue('pods', allocatable.pods ?? '110');
    if (pods.length + 1 > maxPods) reasons.push('Too many pods');
    const wants = podRequests(pod);
    for (const r of Object.keys(wants).sort()) {
      if (wants[r] === 0) continue;
      const free = resourceValue(r, allocatable[r]) - (requested[r] ?? 0);
      if (wants[r] > free) reasons.push(`Insufficient ${r}`);
    }
    return reasons.length ? { reasons, unresolvable: false } : null;
  },
};
