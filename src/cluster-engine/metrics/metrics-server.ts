import { Node, Pod } from '../api/types';
import { resourceValue } from '../api/quantity';
import { ContainerRecord, KubeletState } from '../kubelet/state';
import { DEFAULT_BEHAVIOUR, ImageBehaviour } from '../runtime/image-behaviour';
import { behaviourOf, ImageRegistry, parseImageRef } from '../runtime/registry';
import { DEFAULT_CONTAINER_MEMORY_MIB, isRunning, nodeUsage } from '../kubelet/node-usage';

/** metrics-server's scrape interval (`--metric-resolution`): a container is reported once it ran a full window. */
export const METRICS_RESOLUTION_MS = 15_000;
const MiB = 1024 * 1024;

export interface ContainerMetrics {
  name: string;
  cpuMillis: number;
  memoryBytes: number;
}

/** One `PodMetrics` of metrics.k8s.io/v1beta1. */
export interface PodMetrics {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  containers: ContainerMetrics[];
}

/** One `NodeMetrics`: the node's whole usage (system daemons and every container on it). */
export interface NodeMetrics {
  name: string;
  cpuMillis: number;
  memoryBytes: number;
}

export interface MetricsView {
  registry: ImageRegistry;
  nowMs: number;
  kubelet(node: string): KubeletState | undefined;
}

/** A stable wobble of ±`spread` around 1 for one container and scrape window, so readings look measured yet repeat. */
function wobble(key: string, window: number, spread: number): number {
  let h = 2166136261;
  const s = `${key}|${window}`;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return 1 + ((h % 2001) / 1000 - 1) * spread;
}

function behaviourFor(view: MetricsView, rec: ContainerRecord): ImageBehaviour {
  const ref = rec.resolvedImage ? parseImageRef(rec.resolvedImage) : undefined;
  return ref ? behaviourOf(view.registry, ref) : DEFAULT_BEHAVIOUR;
}

/** What cAdvisor measures for a running container: the image's CPU and its working set (ramping up after start). */
function containerMetrics(view: MetricsView, rec: ContainerRecord): ContainerMetrics {
  const b = behaviourFor(view, rec);
  const window = Math.floor(view.nowMs / METRICS_RESOLUTION_MS);
  const key = rec.containerID ?? rec.name;
  const rampMs = (b.memoryRampSeconds ?? 3) * 1000;
  const ramp = Math.min(1, Math.max(0.25, (view.nowMs - (rec.startedMs ?? view.nowMs)) / Math.max(1, rampMs)));
  const cpu = Math.max(0, Math.round((b.cpuMillis ?? 1) * wobble(`${key}/cpu`, window, 0.1)));
  const memory = Math.round(((b.memoryMiB ?? DEFAULT_CONTAINER_MEMORY_MIB) * MiB * ramp * wobble(`${key}/mem`, window, 0.03)) / 1024) * 1024;
  return { name: rec.name, cpuMillis: cpu, memoryBytes: memory };
}

/**
 * Pod metrics as metrics-server serves them: Running pods on a node whose kubelet answers, each of whose
 * containers has run for at least one scrape window. Others are missing from the list.
 */
export function podMetrics(view: MetricsView, pods: Pod[]): PodMetrics[] {
  const out: PodMetrics[] = [];
  for (const pod of pods) {
    if (pod.status?.phase !== 'Running' || !pod.spec.nodeName || pod.metadata.deletionTimestamp) continue;
    const kubelet = view.kubelet(pod.spec.nodeName);
    const record = kubelet?.running ? kubelet.pods[pod.metadata.uid!] : undefined;
    if (!record) continue;
    const recs = pod.spec.containers.map((c) => record.containers[c.name]);
    if (!recs.every((r) => isRunning(r) && view.nowMs - (r.startedMs ?? view.nowMs) >= METRICS_RESOLUTION_MS)) continue;
    out.push({ namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name, labels: pod.metadata.labels ?? {}, containers: (recs as ContainerRecord[]).map((r) => containerMetrics(view, r)) });
  }
  return out;
}

/** CPU of the system daemons (kubelet, containerd, the OS) on top of the containers; a control-plane node runs a bit more. */
function systemCpu(node: Node, window: number): number {
  const controlPlane = node.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined;
  return (controlPlane ? 60 : 25) * wobble(`${node.metadata.name}/cpu`, window, 0.15);
}

/**
 * Node metrics for every node whose kubelet answers (others are missing, and `kubectl top node` shows `<unknown>`).
 * Memory is the node's working set as the kubelet's eviction manager sees it (system, host processes, pods), so
 * `top node` and MemoryPressure agree.
 */
export function nodeMetrics(view: MetricsView, nodes: readonly Node[], pods: readonly Pod[]): NodeMetrics[] {
  const window = Math.floor(view.nowMs / METRICS_RESOLUTION_MS);
  const out: NodeMetrics[] = [];
  for (const node of nodes) {
    const kubelet = view.kubelet(node.metadata.name);
    if (!kubelet?.running) continue;
    let cpu = systemCpu(node, window);
    for (const record of Object.values(kubelet.pods)) {
      for (const rec of Object.values(record.containers)) if (isRunning(rec)) cpu += containerMetrics(view, rec).cpuMillis;
    }
    const onNode = pods.filter((p) => p.spec.nodeName === node.metadata.name);
    out.push({ name: node.metadata.name, cpuMillis: Math.round(cpu), memoryBytes: nodeUsage(view.registry, kubelet, node, onNode).memory.workingSetBytes });
  }
  return out;
}

/** Allocatable CPU (millicores) and memory (bytes) of a node, the denominators of `kubectl top node`'s percentages. */
export function allocatable(node: Node): { cpuMillis: number; memoryBytes: number } {
  return { cpuMillis: resourceValue('cpu', node.status?.allocatable?.cpu), memoryBytes: resourceValue('memory', node.status?.allocatable?.memory) };
}
