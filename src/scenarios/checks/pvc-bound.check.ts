import { PersistentVolumeClaim } from '../../cluster-engine';
import { CheckPlugin, stringParam } from './check';

interface Params {
  namespace: string;
  name: string;
}

/** The PersistentVolumeClaim exists and is Bound to a volume. */
export const pvcBoundCheck: CheckPlugin<Params> = {
  type: 'pvc-bound',
  parse(p) {
    const name = stringParam(p, 'name');
    if (!name) return 'pvc-bound needs "name"';
    return { name, namespace: stringParam(p, 'namespace', 'default')! };
  },
  evaluate(cluster, { namespace, name }) {
    const pvc = cluster.api.tryGet<PersistentVolumeClaim>('PersistentVolumeClaim', namespace, name);
    if (!pvc) return { met: false, whyNot: `persistentvolumeclaim ${namespace}/${name} does not exist` };
    if (pvc.metadata.deletionTimestamp) return { met: false, whyNot: `persistentvolumeclaim ${name} is being deleted` };
    const phase = pvc.status?.phase ?? 'Pending';
    if (phase !== 'Bound') return { met: false, whyNot: `persistentvolumeclaim ${name} is ${phase}, not Bound` };
    return { met: true };
  },
};
