import { Endpoints } from '../../cluster-engine';
import { CheckPlugin, stringParam } from './check';

interface Params {
  namespace: string;
  name: string;
  min: number;
}

/** The Service has at least `min` ready endpoint addresses (traffic has somewhere to go). */
export const serviceHasEndpointsCheck: CheckPlugin<Params> = {
  type: 'service-has-endpoints',
  parse(p) {
    const name = stringParam(p, 'name');
    if (!name) return 'service-has-endpoints needs "name"';
    const min = p.min === undefined ? 1 : p.min;
    if (typeof min !== 'number' || !Number.isInteger(min) || min < 1) return 'service-has-endpoints: "min" must be a positive integer';
    return { name, min, namespace: stringParam(p, 'namespace', 'default')! };
  },
  evaluate(cluster, { namespace, name, min }) {
    if (!cluster.api.tryGet('Service', namespace, name)) return { met: false, whyNot: `service ${namespace}/${name} does not exist` };
    const ep = cluster.api.tryGet<Endpoints>('Endpoints', namespace, name);
    const ready = (ep?.subsets ?? []).reduce((n, s) => n + (s.addresses?.length ?? 0), 0);
    const notReady = (ep?.subsets ?? []).reduce((n, s) => n + (s.notReadyAddresses?.length ?? 0), 0);
    if (ready >= min) return { met: true };
    return { met: false, whyNot: `service ${name} has ${ready} ready endpoint(s)${notReady ? ` and ${notReady} not ready` : ''}, needs ${min}` };
  },
};
