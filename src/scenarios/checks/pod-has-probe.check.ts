import { Pod } from '../../cluster-engine';
import { CheckPlugin, stringParam } from './check';

interface Params {
  namespace: string;
  name: string;
  probe: 'readinessProbe' | 'livenessProbe' | 'startupProbe';
}

/** Guard rail: the pod (if it exists) still has the probe on every container; removing a probe hides a fault. */
export const podHasProbeCheck: CheckPlugin<Params> = {
  type: 'pod-has-probe',
  parse(p) {
    const name = stringParam(p, 'name');
    const probe = stringParam(p, 'probe', 'readinessProbe');
    if (!name) return 'pod-has-probe needs "name"';
    if (!['readinessProbe', 'livenessProbe', 'startupProbe'].includes(probe!)) return `pod-has-probe: unknown probe "${probe}"`;
    return { name, namespace: stringParam(p, 'namespace', 'default')!, probe: probe as Params['probe'] };
  },
  evaluate(cluster, { namespace, name, probe }) {
    const pod = cluster.api.tryGet<Pod>('Pod', namespace, name);
    if (!pod) return { met: true };
    const missing = pod.spec.containers.find((c) => !c[probe]);
    return missing ? { met: false, whyNot: `container ${missing.name} of pod ${name} has no ${probe}` } : { met: true };
  },
};
