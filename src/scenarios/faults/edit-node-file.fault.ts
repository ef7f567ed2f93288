import { FaultPlugin } from './fault';

interface Params {
  node: string;
  path: string;
  find: string;
  replace: string;
}

/** Someone edited a file on a node (a manifest, the kubelet's config): `find` becomes `replace`. */
export const editNodeFileFault: FaultPlugin<Params> = {
  type: 'edit-node-file',
  parse(p) {
    const str = (k: string) => (typeof p[k] === 'string' ? (p[k] as string) : undefined);
    const node = str('node');
    const path = str('path');
    const find = str('find');
    const replace = str('replace');
    if (!node || !path || find === undefined || replace === undefined) return 'edit-node-file needs "node", "path", "find" and "replace"';
    return { node, path, find, replace };
  },
  apply(cluster, { node, path, find, replace }) {
    const files = cluster.nodeFiles(node);
    const text = files[path];
    if (text === undefined || !text.includes(find)) throw new Error(`edit-node-file: "${find}" not found in ${node}:${path}`);
    files[path] = text.replace(find, replace);
  },
};
