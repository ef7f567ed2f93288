import { Node, Pod } from '../api/types';
import { EngineContext } from '../context';
import { formatBytes, resourceValue } from '../api/quantity';
import { DEFAULT_EVICTION_HARD, DEFAULT_PRESSURE_TRANSITION_MS } from './kubelet-config';
import { KubeletState, PressureCondition } from './state';
import { NodeUsage, nodeUsage } from './node-usage';

/** `evictionMonitoringPeriod`: the eviction manager looks at the node this often. */
export const EVICTION_MONITORING_MS = 10_000;

type Resource = 'memory' | 'ephemeral-storage' | 'pids';

interface SignalSpec {
  condition: PressureCondition;
  resource: Resource;
  observe(u: NodeUsage): { available: number; capacity: number };
}

/** The signals the simulated nodes report. One file system holds both nodefs and imagefs (as on kind nodes). */
const SIGNALS: Record<string, SignalSpec> = {
  'memory.available': { condition: 'MemoryPressure', resource: 'memory', observe: (u) => ({ available: u.memory.availableBytes, capacity: u.memory.capacityBytes }) },
  'nodefs.available': { condition: 'DiskPressure', resource: 'ephemeral-storage', observe: (u) => ({ available: u.nodefs.availableBytes, capacity: u.nodefs.capacityBytes }) },
  'imagefs.available': { condition: 'DiskPressure', resource: 'ephemeral-storage', observe: (u) => ({ available: u.nodefs.availableBytes, capacity: u.nodefs.capacityBytes }) },
  'pid.available': { condition: 'PIDPressure', resource: 'pids', observe: (u) => ({ available: u.pids.available, capacity: u.pids.max }) },
};

/** Memory is reclaimed before disk, disk before PIDs (the order thresholds are acted on). */
const RESOURCE_ORDER: Resource[] = ['memory', 'ephemeral-storage', 'pids'];

export interface ThresholdMet {
  signal: string;
  resource: Resource;
  condition: PressureCondition;
  /** the threshold as a quantity of the resource (a percentage resolved against capacity) */
  quantity: number;
  available: number;
}

/** `GetThresholdQuantity`: `100Mi` as bytes, `10%` of capacity. */
function thresholdQuantity(value: string, capacity: number, resource: Resource): number | undefined {
  if (value.endsWith('%')) {
    const pct = Number.parseFloat(value);
    return Number.isFinite(pct) ? Math.floor((capacity * pct) / 100) : undefined;
  }
  if (resource === 'pids') return /^\d+$/.test(value) ? Number(value) : undefined;
  const q = resourceValue('memory', value);
  return q > 0 ? q : undefined;
}

/** Thresholds crossed now: `available < quantity`. */
export function thresholdsMet(kubelet: KubeletState, usage: NodeUsage): ThresholdMet[] {
  const hard = kubelet.config?.evictionHard ?? DEFAULT_EVICTION_HARD;
  const met: ThresholdMet[] = [];
  for (const [signal, value] of Object.entries(hard)) {
    const spec = SIGNALS[signal];
    if (!spec) continue;
    const { available, capacity } = spec.observe(usage);
    const quantity = thresholdQuantity(value, capacity, spec.resource);
    if (quantity !== undefined && available < quantity) met.push({ signal, resource: spec.resource, condition: spec.condition, quantity, available });
  }
  return met.sort((a, b) => RESOURCE_ORDER.indexOf(a.resource) - RESOURCE_ORDER.indexOf(b.resource));
}

/** Pressure conditions that hold: a threshold was met within the pressure transition period (5 min by default). */
export function activePressure(kubelet: KubeletState, nowMs: number): Set<PressureCondition> {
  const period = kubelet.config?.evictionPressureTransitionMs ?? DEFAULT_PRESSURE_TRANSITION_MS;
  const out = new Set<PressureCondition>();
  for (const [cond, at] of Object.entries(kubelet.eviction?.lastMetMs ?? {})) if (at !== undefined && nowMs - at < period) out.add(cond as PressureCondition);
  return out;
}

/**
 * `resource.Quantity.String()` of a BinarySI quantity: the largest exact binary suffix, else plain bytes
 * (`formatBytes`); a fractional byte count (an image's fractional MiB) as its rounded bytes.
 */
export function binarySI(value: number): string {
  return Number.isInteger(value) ? formatBytes(value) : String(Math.round(value));
}

/** `kubelettypes.IsCriticalPod`: a static (mirror) pod, or system-critical priority. Never evicted, always admitted. */
export function isCritical(pod: Pod): boolean {
  return !!pod.metadata.annotations?.['kubernetes.io/config.mirror'] || (pod.spec.priority ?? 0) >= 2_000_000_000;
}

function podRequest(pod: Pod, resource: Resource): number {
  if (resource === 'pids') return 0;
  return pod.spec.containers.reduce((sum, c) => sum + resourceValue(resource, c.resources?.requests?.[resource]), 0);
}

function podUse(usage: NodeUsage, pod: Pod, resource: Resource): number {
  const u = usage.pods.get(pod.metadata.uid!);
  if (!u) return 0;
  return resource === 'memory' ? u.memoryBytes : resource === 'ephemeral-storage' ? u.diskBytes : u.processes;
}

/**
 * `rankMemoryPressure` / `rankDiskPressureFunc` / `rankPIDPressure`: pods using more than they requested
 * first, then lower priority, then the largest use above the request.
 */
export function rankForEviction(pods: Pod[], usage: NodeUsage, resource: Resource): Pod[] {
  const over = (p: Pod) => podUse(usage, p, resource) > podRequest(p, resource);
  const above = (p: Pod) => podUse(usage, p, resource) - podRequest(p, resource);
  return [...pods].sort((a, b) => Number(over(b)) - Number(over(a)) || (a.spec.priority ?? 0) - (b.spec.priority ?? 0) || above(b) - above(a));
}

/** `evictionMessage` (eviction/helpers.go): the node fragment, the threshold, then every container over its request. */
export function evictionMessage(pod: Pod, usage: NodeUsage, t: ThresholdMet): string {
  const fmt = (v: number) => (t.resource === 'pids' ? String(v) : binarySI(v));
  let message = `The node was low on resource: ${t.resource}. Threshold quantity: ${fmt(t.quantity)}, available: ${fmt(t.available)}. `;
  if (t.resource === 'pids') return message;
  for (const c of usage.pods.get(pod.metadata.uid!)?.containers ?? []) {
    const spec = pod.spec.containers.find((x) => x.name === c.name);
    const request = resourceValue(t.resource, spec?.resources?.requests?.[t.resource]);
    const used = t.resource === 'memory' ? c.memoryBytes : c.diskBytes;
    if (used > request) message += `Container ${c.name} was using ${binarySI(used)}, request is ${binarySI(request)}, has larger consumption of ${t.resource}. `;
  }
  return message;
}

export interface EvictionHooks {
  /** Stops the pod's containers at once (a hard threshold has no grace period) and marks it Failed/Evicted. */
  evict(pod: Pod, message: string): void;
}

/**
 * One pass of the kubelet's eviction manager (`synchronize`): observe the node, remember which pressure
 * thresholds are met, announce `EvictionThresholdMet`, reclaim node-level resources (unused images) and,
 * if still under pressure, evict the single worst-ranked pod.
 */
export function evictionStep(ctx: EngineContext, kubelet: KubeletState, node: Node, pods: Pod[], hooks: EvictionHooks): void {
  const now = ctx.clock.nowMs();
  const state = (kubelet.eviction ??= { lastRunMs: -Infinity, lastMetMs: {} });
  if (now - state.lastRunMs < EVICTION_MONITORING_MS) return;
  state.lastRunMs = now;
  const active = pods.filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
  let usage = nodeUsage(ctx.registry, kubelet, node, active);
  let met = thresholdsMet(kubelet, usage);
  for (const t of met) state.lastMetMs[t.condition] = now;
  if (met.length === 0) return;
  const first = met[0];
  ctx.events.record({ object: node, type: 'Warning', reason: 'EvictionThresholdMet', message: `Attempting to reclaim ${first.resource}`, source: { component: 'kubelet', host: kubelet.node } });
  if (first.resource === 'ephemeral-storage' && reclaimImages(kubelet)) {
    usage = nodeUsage(ctx.registry, kubelet, node, active);
    met = thresholdsMet(kubelet, usage).filter((t) => t.resource === first.resource);
    if (met.length === 0) return;
  }
  const candidates = rankForEviction(active.filter((p) => !isCritical(p) && !p.metadata.deletionTimestamp), usage, first.resource);
  const victim = candidates[0];
  if (victim) hooks.evict(victim, evictionMessage(victim, usage, met[0]));
}

/** Image garbage collection under disk pressure: images no container on the node uses are deleted. Returns whether any was. */
function reclaimImages(kubelet: KubeletState): boolean {
  const inUse = new Set<string>();
  for (const pod of Object.values(kubelet.pods)) for (const c of Object.values(pod.containers)) if (c.resolvedImage) inUse.add(c.resolvedImage);
  let freed = false;
  for (const name of Object.keys(kubelet.images)) {
    if (inUse.has(name)) continue;
    delete kubelet.images[name];
    freed = true;
  }
  return freed;
}
