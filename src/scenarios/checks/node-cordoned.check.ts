import { Node } from '../../cluster-engine';
import { CheckPlugin, stringParam } from './check';

/** The node is cordoned (spec.unschedulable); for hints and guard rails. */
export const nodeCordonedCheck: CheckPlugin<{ name: string }> = {
  type: 'node-cordoned',
  parse(p) {
    const name = stringParam(p, 'name');
    return name ? { name } : 'node-cordoned needs "name"';
  },
  evaluate(cluster, { name }) {
    const node = cluster.api.tryGet<Node>('Node', undefined, name);
    return node?.spec.unschedulable ? { met: true } : { met: false, whyNot: `node ${name} is not cordoned` };
  },
};
