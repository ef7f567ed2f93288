import { FilterPlugin } from './plugin';

export const ERR_AFFINITY = "node(s) didn't match Pod's node affinity/selector";

/** NodeAffinity: `nodeSelector` labels must all be on the node. */
export const nodeAffinityPlugin: FilterPlugin = {
  name: 'NodeAffinity',
  filter(pod, { node }) {
    const labels = node.metadata.labels ?? {};
    const ok = Object.entries(pod.spec.nodeSelector ?? {}).every(([k, v]) => labels[k] === v);
    return ok ? null : { reasons: [ERR_AFFINITY], unresolvable: true };
  },
};
