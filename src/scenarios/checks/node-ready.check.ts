import { Node } from '../../cluster-engine';
import { CheckPlugin, stringParam } from './check';

interface Params {
  name: string;
  schedulable: boolean;
}

/** The node reports Ready=True (and, unless `schedulable: false`, is not cordoned). */
export const nodeReadyCheck: CheckPlugin<Params> = {
  type: 'node-ready',
  parse(p) {
    const name = stringParam(p, 'name');
    if (!name) return 'node-ready needs "name"';
    return { name, schedulable: p.schedulable !== false };
  },
  evaluate(cluster, { name, schedulable }) {
    const node = cluster.api.tryGet<Node>('Node', undefined, name);
    if (!node) return { met: false, whyNot: `node ${name} does not exist` };
    const ready = node.status.conditions?.find((c) => c.type === 'Ready');
    if (ready?.status !== 'True') return { met: false, whyNot: `node ${name} is NotReady (${ready?.reason ?? 'no status'})` };
    if (schedulable && node.spec.unschedulable) return { met: false, whyNot: `node ${name} is Ready again, but still cordoned` };
    return { met: true };
  },
};
