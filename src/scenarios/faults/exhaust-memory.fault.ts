import { parseQuantity } from '../../cluster-engine';
import { FaultPlugin } from './fault';

interface Params {
  node: string;
  command: string;
  memoryBytes?: number;
  leaveBytes: number;
}

/**
 * A process outside Kubernetes leaks memory on a node (a monitoring agent, a forgotten `java -jar`): the
 * kubelet reports MemoryPressure and evicts pods, worst offenders first. `kill <pid>` on the node (found
 * with `ps aux`) is the fix.
 */
export const exhaustMemoryFault: FaultPlugin<Params> = {
  type: 'exhaust-memory',
  parse(p) {
    const node = typeof p.node === 'string' ? p.node : undefined;
    if (!node) return 'exhaust-memory needs "node"';
    const command = p.command === undefined ? '/opt/agent/bin/metrics-agent --buffer=unbounded' : p.command;
    if (typeof command !== 'string' || !command.trim()) return 'exhaust-memory: "command" must be a string';
    const q = (k: string) => (typeof p[k] === 'string' || typeof p[k] === 'number' ? parseQuantity(p[k] as string | number) : undefined);
    if (p.memory !== undefined) {
      const bytes = q('memory');
      if (bytes === undefined || bytes <= 0) return 'exhaust-memory: "memory" must be a quantity such as 3Gi';
      return { node, command, memoryBytes: bytes, leaveBytes: 0 };
    }
    const leave = p.leave === undefined ? 50 * 1024 * 1024 : q('leave');
    if (leave === undefined || leave < 0) return 'exhaust-memory: "leave" must be a quantity such as 50Mi';
    return { node, command, leaveBytes: leave };
  },
  apply(cluster, { node, command, memoryBytes, leaveBytes }) {
    const { memory } = cluster.nodeResourceUsage(node);
    cluster.startHostProcess(node, command, memoryBytes ?? Math.max(0, memory.availableBytes - leaveBytes));
  },
};
