import { MutatingPlugin } from './admission';
import { Pod } from '../../api/types';

/** Priority admission: pods without a priority class get priority 0. */
export const priorityPlugin: MutatingPlugin = {
  name: 'Priority',
  admit({ operation, object }) {
    if (operation !== 'CREATE' || object.kind !== 'Pod') return;
    const spec = (object as Pod).spec;
    if (!spec.priorityClassName) spec.priority ??= 0;
  },
};
