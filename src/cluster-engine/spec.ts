import { KubeObject, Taint, NodeCondition } from './api/types';
import { RepositorySpec } from './runtime/registry';

/** What a cluster is made from: nodes, the image registry, and the objects applied at start. */
export interface NodeSpecInput {
  name: string;
  /** `control-plane` gives the kubeadm role label and taint unless `taints` is given. */
  role?: 'control-plane' | 'worker';
  cpu?: string;
  memory?: string;
  pods?: number;
  labels?: Record<string, string>;
  taints?: Taint[];
  unschedulable?: boolean;
  /** `false` starts the node with its kubelet stopped (it never posts status until started). */
  kubeletRunning?: boolean;
  /** Extra conditions the kubelet reports (e.g. a pressure condition). */
  conditions?: Array<Pick<NodeCondition, 'type' | 'status' | 'reason' | 'message'>>;
}

export interface ClusterSpec {
  /** Virtual wall-clock time at which the cluster starts (RFC 3339). */
  startTime?: string;
  kubernetesVersion?: string;
  nodes: NodeSpecInput[];
  registry?: RepositorySpec[];
  /** Objects created through the API server at start (after nodes and namespaces exist). */
  objects?: KubeObject[];
  /**
   * Run the control plane as kubeadm does: etcd, kube-apiserver, kube-controller-manager and kube-scheduler
   * as static pods from /etc/kubernetes/manifests on the control-plane nodes; the simulation then honours
   * them (no scheduler pod, no scheduling). Off by default: the components just run.
   */
  staticControlPlane?: boolean;
  /** Simulated seconds the cluster runs before the player arrives (default 0). */
  warmupSeconds?: number;
  /** Whether metrics-server is installed (`kubectl top`); default true. */
  metricsServer?: boolean;
}
