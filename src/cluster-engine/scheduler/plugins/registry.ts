import { FilterPlugin, PreFilterPlugin } from './plugin';
import { volumeBindingPlugin, volumeBindingPreFilter } from './volume-binding.plugin';
import { interPodAffinityPlugin } from './inter-pod-affinity.plugin';
import { podTopologySpreadPlugin } from './pod-topology-spread.plugin';
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
  volumeBindingPlugin,
  podTopologySpreadPlugin,
  interPodAffinityPlugin,
];

/** PreFilter plug-ins: a failure here rejects the pod for every node at once, with one message. */
export const PRE_FILTER_PLUGINS: readonly PreFilterPlugin[] = [volumeBindingPreFilter];
