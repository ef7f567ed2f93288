import { MutatingPlugin } from './admission';
import { Pod, Toleration } from '../../api/types';

const DEFAULTS = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'];

/** DefaultTolerationSeconds: every pod tolerates a NotReady/unreachable node for 300 s before eviction. */
export const defaultTolerationSecondsPlugin: MutatingPlugin = {
  name: 'DefaultTolerationSeconds',
  admit({ operation, object }) {
    if (operation !== 'CREATE' || object.kind !== 'Pod') return;
    const spec = (object as Pod).spec;
    const tolerations: Toleration[] = (spec.tolerations ??= []);
    for (const key of DEFAULTS) {
      const covered = tolerations.some((t) => (t.key === key || (!t.key && t.operator === 'Exists')) && (!t.effect || t.effect === 'NoExecute'));
      if (!covered) tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
    }
  },
};
