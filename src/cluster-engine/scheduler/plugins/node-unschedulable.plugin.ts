import { FilterPlugin } from './plugin';
import { tolerates } from '../taints';

export const ERR_UNSCHEDULABLE = 'node(s) were unschedulable';

/** NodeUnschedulable: a cordoned node takes no pods unless they tolerate `node.kubernetes.io/unschedulable`. */
export const nodeUnschedulablePlugin: FilterPlugin = {
  name: 'NodeUnschedulable',
  filter(pod, { node }) {
    if (!node.spec.unschedulable) return null;
    if (tolerates(pod.spec.tolerations, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' })) return null;
    return { reasons: [ERR_UNSCHEDULABLE], unresolvable: true };
  },
};
