import { FilterPlugin } from './plugin';
import { nodeUnschedulablePlugin } from './node-unschedulable.plugin';
import { nodeNamePlugin } from './node-name.plugin';
import { taintTolerationPlugin } from './taint-toleration.plugin';
import { nodeAffinityPlugin } from './node-affinity.plugin';
import { nodeResourcesFitPlugin } from './node-resources-fit.plugin';

/** Filter plug-ins in the default profile's order; a node reports the reasons of the first one that rejects it. */
export const FILTER_PLUGINS: readonly FilterPlugin[] = [
  nodeUnschedulablePlugin,
  nodeNamePlugin,
  taintTolerationPlugin,
  nodeAffinityPlugin,
  nodeResourcesFitPlugin,
];
