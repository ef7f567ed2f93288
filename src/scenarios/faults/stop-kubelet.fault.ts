import { FaultPlugin } from './fault';

/** `systemctl stop kubelet` on a node: it stops heartbeating and goes NotReady 50 s later. */
export const stopKubeletFault: FaultPlugin<{ node: string }> = {
  type: 'stop-kubelet',
  parse(p) {
    return typeof p.node === 'string' && p.node ? { node: p.node } : 'stop-kubelet needs "node"';
  },
  apply(cluster, { node }) {
    cluster.stopKubelet(node);
  },
};
