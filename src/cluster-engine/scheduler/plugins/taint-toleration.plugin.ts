import { FilterPlugin } from './plugin';
import { tolerates } from '../taints';

/** TaintToleration: the first NoSchedule/NoExecute taint the pod does not tolerate rejects the node. */
export const taintTolerationPlugin: FilterPlugin = {
  name: 'TaintToleration',
  filter(pod, { node }) {
    const taint = (node.spec.taints ?? []).find(
      (t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerates(pod.spec.tolerations, t),
    );
    if (!taint) return null;
    return { reasons: [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`], unresolvable: true };
  },
};
