import { setUnschedulable } from './cordon';
import { NODE_FLAGS } from './cordon.verb';
import { Verb } from './verb';

export const uncordonVerb: Verb = {
  name: 'uncordon',
  group: 'Cluster Management Commands',
  short: 'Mark node as schedulable',
  usage: 'kubectl uncordon NODE [options]',
  flags: NODE_FLAGS,
  examples: ['kubectl uncordon worker-1'],
  run: (ctx) => setUnschedulable(ctx, 'uncordon'),
};
