import { FaultPlugin } from './fault';

/** `systemctl restart kubelet` on a node: it re-reads its config file (and fails to start on a bad one). */
export const restartKubeletFault: FaultPlugin<{ node: string }> = {
  type: 'restart-kubelet',
  parse(p) {
    return typeof p.node === 'string' && p.node ? { node: p.node } : 'restart-kubelet needs "node"';
  },
  apply(cluster, { node }) {
    cluster.stopKubelet(node);
    cluster.startKubelet(node);
  },
};
