import { Node, Pod } from '../../api/types';

/** What the scheduler knows about one node while filtering: the node and the pods already bound to it. */
export interface NodeInfo {
  node: Node;
  pods: Pod[];
  /** Sum of the requests of those pods: cpu in millicores, memory in bytes. */
  requested: Record<string, number>;
}

export interface FilterResult {
  reasons: string[];
  /** UnschedulableAndUnresolvable: preemption cannot help on this node. */
  unresolvable: boolean;
}

/** A scheduler filter plug-in (one file each, as the scheduler framework's). `null` means the node fits. */
export interface FilterPlugin {
  readonly name: string;
  filter(pod: Pod, info: NodeInfo): FilterResult | null;
}
