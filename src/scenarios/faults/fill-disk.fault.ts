import { parseQuantity } from '../../cluster-engine';
import { FaultPlugin } from './fault';

interface Params {
  node: string;
  path: string;
  /** bytes to write; when absent, enough to leave `leavePercent` of the disk free */
  sizeBytes?: number;
  leavePercent: number;
}

/**
 * A large file lands on a node's disk (a runaway backup, a core dump): nodefs fills, the kubelet reports
 * DiskPressure and starts evicting pods. `rm` of the file on the node is the fix.
 */
export const fillDiskFault: FaultPlugin<Params> = {
  type: 'fill-disk',
  parse(p) {
    const node = typeof p.node === 'string' ? p.node : undefined;
    if (!node) return 'fill-disk needs "node"';
    const path = p.path === undefined ? '/var/lib/backup/db-dump.tar' : p.path;
    if (typeof path !== 'string' || !path.startsWith('/')) return 'fill-disk: "path" must be an absolute path';
    if (p.size !== undefined) {
      const bytes = typeof p.size === 'string' || typeof p.size === 'number' ? parseQuantity(p.size) : undefined;
      if (bytes === undefined || bytes <= 0) return 'fill-disk: "size" must be a quantity such as 80Gi';
      return { node, path, sizeBytes: bytes, leavePercent: 0 };
    }
    const leave = p.leavePercent ?? 5;
    if (typeof leave !== 'number' || leave < 0 || leave >= 100) return 'fill-disk: "leavePercent" must be a number from 0 to 99';
    return { node, path, leavePercent: leave };
  },
  apply(cluster, { node, path, sizeBytes, leavePercent }) {
    const { nodefs } = cluster.nodeResourceUsage(node);
    const bytes = sizeBytes ?? Math.max(0, nodefs.availableBytes - Math.ceil((nodefs.capacityBytes * leavePercent) / 100));
    cluster.writeNodeFile(node, path, bytes);
  },
};
