import { Node, PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '../../api/types';

/** What the scheduler knows about one node while filtering: the node and the pods already bound to it. */
export interface NodeInfo {
  node: Node;
  pods: Pod[];
  /** Sum of the requests of those pods: cpu in millicores, memory in bytes. */
  requested: Record<string, number>;
  /** The whole cluster as this scheduling cycle sees it (for plug-ins that look beyond one node). */
  snapshot?: SchedulingSnapshot;
}

/** What plug-ins may read besides one node: every node and the storage objects. */
export interface SchedulingSnapshot {
  nodes: NodeInfo[];
  claims: PersistentVolumeClaim[];
  volumes: PersistentVolume[];
  classes: StorageClass[];
}

/** A PreFilter failure: one message for the whole cluster (e.g. `pod has unbound immediate PersistentVolumeClaims`). */
export interface PreFilterResult {
  message: string;
  unresolvable: boolean;
}

/** A scheduler pre-filter plug-in: checks the pod once, before any node is looked at. `null` means go on. */
export interface PreFilterPlugin {
  readonly name: string;
  preFilter(pod: Pod, snapshot: SchedulingSnapshot): PreFilterResult | null;
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
