import { Deployment } from '../../cluster-engine';
import { CheckPlugin, stringParam } from './check';

interface Params {
  namespace: string;
  name: string;
  min: number;
}

/** A guard rail against scaling the problem away: the Deployment still asks for at least `min` replicas. */
export const replicasAtLeastCheck: CheckPlugin<Params> = {
  type: 'replicas-at-least',
  parse(p) {
    const name = stringParam(p, 'name');
    if (!name) return 'replicas-at-least needs "name"';
    if (typeof p.min !== 'number' || !Number.isInteger(p.min) || p.min < 1) return 'replicas-at-least: "min" must be a positive integer';
    return { name, min: p.min, namespace: stringParam(p, 'namespace', 'default')! };
  },
  evaluate(cluster, { namespace, name, min }) {
    const d = cluster.api.tryGet<Deployment>('Deployment', namespace, name);
    if (!d) return { met: false, whyNot: `deployment ${namespace}/${name} does not exist` };
    const want = d.spec.replicas ?? 1;
    return want >= min ? { met: true } : { met: false, whyNot: `deployment ${name} asks for ${want} replica(s), fewer than ${min}` };
  },
};
