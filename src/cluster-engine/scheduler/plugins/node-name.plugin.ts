import { FilterPlugin } from './plugin';

/** NodeName: honoured here only for pods the scheduler is asked to place with a name preset elsewhere. */
export const nodeNamePlugin: FilterPlugin = {
  name: 'NodeName',
  filter(pod, { node }) {
    const wanted = pod.spec.nodeName;
    if (!wanted || wanted === node.metadata.name) return null;
    return { reasons: ["node(s) didn't match the requested node name"], unresolvable: true };
  },
};
