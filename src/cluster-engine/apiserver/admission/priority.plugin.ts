import { MutatingPlugin } from './admission';
import { Pod, PriorityClass } from '../../api/types';
import { forbidden } from '../../api/errors';

/**
 * Priority admission: resolves `priorityClassName` to `spec.priority` (and the class's preemption policy);
 * a pod without a class gets the global default class's value, or 0. An unknown class is refused.
 */
export const priorityPlugin: MutatingPlugin = {
  name: 'Priority',
  admit({ operation, object, store }) {
    if (operation !== 'CREATE' || object.kind !== 'Pod') return;
    const pod = object as Pod;
    const spec = pod.spec;
    const classes = store.scan('PriorityClass') as PriorityClass[];
    if (!spec.priorityClassName) {
      const global = classes.filter((c) => c.globalDefault).sort((a, b) => a.value - b.value)[0];
      if (global) {
        spec.priorityClassName = global.metadata.name;
        spec.priority = global.value;
        spec.preemptionPolicy = global.preemptionPolicy ?? spec.preemptionPolicy;
      } else spec.priority ??= 0;
      return;
    }
    const pc = classes.find((c) => c.metadata.name === spec.priorityClassName);
    if (!pc) throw forbidden('Pod', pod.metadata.name, `no PriorityClass with name ${spec.priorityClassName} was found`);
    spec.priority = pc.value;
    if (pc.preemptionPolicy) spec.preemptionPolicy = pc.preemptionPolicy;
  },
};
