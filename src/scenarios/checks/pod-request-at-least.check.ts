import { Pod, resourceValue } from '../../cluster-engine';
import { CheckPlugin, stringParam } from './check';

interface Params {
  namespace: string;
  name: string;
  resource: string;
  min: string;
}

/** Guard rail: the pod keeps at least `min` of a resource requested (a fix must not drop requests altogether). */
export const podRequestAtLeastCheck: CheckPlugin<Params> = {
  type: 'pod-request-at-least',
  parse(p) {
    const name = stringParam(p, 'name');
    const min = stringParam(p, 'min');
    if (!name || !min) return 'pod-request-at-least needs "name" and "min"';
    return { name, min, namespace: stringParam(p, 'namespace', 'default')!, resource: stringParam(p, 'resource', 'cpu')! };
  },
  evaluate(cluster, { namespace, name, resource, min }) {
    const pod = cluster.api.tryGet<Pod>('Pod', namespace, name);
    if (!pod) return { met: true };
    const total = pod.spec.containers.reduce((sum, c) => sum + resourceValue(resource, c.resources?.requests?.[resource]), 0);
    return total >= resourceValue(resource, min)
      ? { met: true }
      : { met: false, whyNot: `pod ${name} requests less than ${min} ${resource}; the report needs at least that` };
  },
};
