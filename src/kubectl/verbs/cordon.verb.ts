import { FlagSpec } from '../flags/flags';
import { setUnschedulable } from './cordon';
import { Verb } from './verb';

export const NODE_FLAGS: FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string', description: 'Selector (label query) to filter on' },
  { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged', description: 'Must be "none", "server", or "client".' },
];

export const cordonVerb: Verb = {
  name: 'cordon',
  group: 'Cluster Management Commands',
  short: 'Mark node as unschedulable',
  usage: 'kubectl cordon NODE [options]',
  flags: NODE_FLAGS,
  examples: ['kubectl cordon worker-1'],
  run: (ctx) => setUnschedulable(ctx, 'cordon'),
};
