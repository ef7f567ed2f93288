import { Node, Pod } from '../api/types';
import { resourceValue } from '../api/quantity';
import { ImageRegistry, behaviourOf, parseImageRef } from '../runtime/registry';
import { ContainerRecord, KubeletState, PodRecord } from './state';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
/** What the node uses outside pods: the OS, containerd and the kubelet (memory), the root file system (disk), system processes. */
export const SYSTEM_MEMORY_BYTES = 512 * MiB;
export const SYSTEM_DISK_BYTES = 16 * GiB;
export const SYSTEM_PROCESSES = 250;
/** `/proc/sys/kernel/pid_max` on the simulated nodes. */
export const PID_MAX = 32768;
/** A container whose image says nothing about memory still has a working set (metrics-server reports it too). */
export const DEFAULT_CONTAINER_MEMORY_MIB = 8;

export interface PodUsage {
  memoryBytes: number;
  diskBytes: number;
  processes: number;
  /** per container, for the eviction message */
  containers: Array<{ name: string; memoryBytes: number; diskBytes: number }>;
}

export interface NodeUsage {
  memory: { capacityBytes: number; workingSetBytes: number; availableBytes: number };
  nodefs: { capacityBytes: number; usedBytes: number; availableBytes: number; imagesBytes: number; filesBytes: number };
  pids: { max: number; used: number; available: number };
  pods: Map<string, PodUsage>;
}

/** A container record whose process runs. */
export function isRunning(rec: ContainerRecord | undefined): rec is ContainerRecord {
  return !!rec && rec.phase === 'running';
}

/** What one pod's running containers use, from their images' behaviour (memory up to its limit: the OOM killer sees to the rest). */
export function podUsage(registry: ImageRegistry, pod: Pod, rec: PodRecord | undefined): PodUsage {
  const usage: PodUsage = { memoryBytes: 0, diskBytes: 0, processes: 0, containers: [] };
  if (!rec) return usage;
  for (const c of pod.spec.containers) {
    const r = rec.containers[c.name];
    if (!isRunning(r)) continue;
    const ref = parseImageRef(r.image);
    const b = ref ? behaviourOf(registry, ref) : {};
    const limit = resourceValue('memory', c.resources?.limits?.memory);
    const wanted = (b.memoryMiB ?? DEFAULT_CONTAINER_MEMORY_MIB) * MiB;
    const memoryBytes = limit > 0 ? Math.min(wanted, limit) : wanted;
    const diskBytes = (b.diskMiB ?? 0) * MiB;
    usage.memoryBytes += memoryBytes;
    usage.diskBytes += diskBytes;
    usage.processes += b.processes ?? 1;
    usage.containers.push({ name: c.name, memoryBytes, diskBytes });
  }
  return usage;
}

/** The summary the eviction manager observes (cAdvisor and the CRI stats, condensed). */
export function nodeUsage(registry: ImageRegistry, kubelet: KubeletState, node: Node, pods: Pod[]): NodeUsage {
  const byUid = new Map<string, PodUsage>();
  let podMemory = 0;
  let podDisk = 0;
  let podProcesses = 0;
  for (const pod of pods) {
    const u = podUsage(registry, pod, kubelet.pods[pod.metadata.uid!]);
    byUid.set(pod.metadata.uid!, u);
    podMemory += u.memoryBytes;
    podDisk += u.diskBytes;
    podProcesses += u.processes;
  }
  const hostMemory = (kubelet.hostProcesses ?? []).reduce((sum, p) => sum + p.memoryBytes, 0);
  const memCapacity = resourceValue('memory', node.status.capacity?.memory);
  const workingSet = SYSTEM_MEMORY_BYTES + hostMemory + podMemory;
  const diskCapacity = resourceValue('ephemeral-storage', node.status.capacity?.['ephemeral-storage']);
  const imagesBytes = Object.values(kubelet.images).reduce((sum, i) => sum + i.sizeBytes, 0);
  const filesBytes = nodeFileBytes(kubelet);
  const diskUsed = SYSTEM_DISK_BYTES + imagesBytes + filesBytes + podDisk;
  const pidsUsed = SYSTEM_PROCESSES + (kubelet.hostProcesses ?? []).length + podProcesses;
  return {
    memory: { capacityBytes: memCapacity, workingSetBytes: workingSet, availableBytes: Math.max(0, memCapacity - workingSet) },
    nodefs: { capacityBytes: diskCapacity, usedBytes: Math.min(diskUsed, diskCapacity), availableBytes: Math.max(0, diskCapacity - diskUsed), imagesBytes, filesBytes },
    pids: { max: PID_MAX, used: Math.min(pidsUsed, PID_MAX), available: Math.max(0, PID_MAX - pidsUsed) },
    pods: byUid,
  };
}

/** Large files still on disk: a size counts only while its path exists (an `rm` frees it). */
export function nodeFileBytes(kubelet: KubeletState): number {
  let total = 0;
  for (const [path, bytes] of Object.entries(kubelet.fileSizes ?? {})) {
    if (kubelet.files[path] === undefined) delete kubelet.fileSizes![path];
    else total += bytes;
  }
  return total;
}
