import { FaultPlugin } from './fault';

interface Params {
  node: string;
  from: string;
  to: string;
}

/** `mv FROM TO` on a node: e.g. a static pod manifest moved out of the kubelet's staticPodPath. */
export const moveNodeFileFault: FaultPlugin<Params> = {
  type: 'move-node-file',
  parse(p) {
    const str = (k: string) => (typeof p[k] === 'string' && (p[k] as string).startsWith('/') ? (p[k] as string) : undefined);
    const node = typeof p.node === 'string' && p.node ? p.node : undefined;
    const from = str('from');
    const to = str('to');
    if (!node || !from || !to) return 'move-node-file needs "node", and absolute paths "from" and "to"';
    if (from === to) return 'move-node-file: "from" and "to" are the same file';
    return { node, from, to };
  },
  apply(cluster, { node, from, to }) {
    const files = cluster.nodeFiles(node);
    if (files[from] === undefined) throw new Error(`move-node-file: ${node}:${from} does not exist`);
    files[to] = files[from];
    delete files[from];
  },
};
