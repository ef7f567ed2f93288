import { Lease, Node, NodeCondition, Pod } from '../api/types';
import { Component, EngineContext } from '../context';
import { getCondition, setCondition } from '../api/conditions';
import { KubeletState, PressureCondition } from './state';
import { activePressure, evictionStep } from './eviction-manager';
import { evictPodNow, podWakeMs, syncPod } from './pod-sync';
import { copyOf } from '../store/store';
import { syncStaticPods } from './static-pods';
import { loadKubeletConfig } from './kubelet-config';

export interface KubeletService {
  running: boolean;
  sinceMs: number;
  pid: number;
  startError?: string;
}

const HEARTBEAT_MS = 10_000;
const SYSTEMD_RESTART_MS = 10_000;
const STATUS_REPORT_MS = 5 * 60_000;
const LEASE_SECONDS = 40;

export const HEALTHY_CONDITIONS: Array<Pick<NodeCondition, 'type' | 'status' | 'reason' | 'message'> & { event: string }> = [
  { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available', event: 'NodeHasSufficientMemory' },
  { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure', event: 'NodeHasNoDiskPressure' },
  { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available', event: 'NodeHasSufficientPID' },
  { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', event: 'NodeReady' },
];

/** The pressure side of the three kubelet conditions (`pkg/kubelet/nodestatus/setters.go`). */
const PRESSURE: Record<PressureCondition, { reason: string; message: string; event: string }> = {
  MemoryPressure: { reason: 'KubeletHasInsufficientMemory', message: 'kubelet has insufficient memory available', event: 'NodeHasInsufficientMemory' },
  DiskPressure: { reason: 'KubeletHasDiskPressure', message: 'kubelet has disk pressure', event: 'NodeHasDiskPressure' },
  PIDPressure: { reason: 'KubeletHasInsufficientPID', message: 'kubelet has insufficient PID available', event: 'NodeHasInsufficientPID' },
};

export function newKubeletState(node: string, running: boolean, nowMs: number, files: Record<string, string> = {}): KubeletState {
  const loaded = loadKubeletConfig(files);
  return {
    node,
    files,
    ...(loaded.ok ? { config: loaded.config } : {}),
    running: running && loaded.ok,
    sinceMs: nowMs,
    pid: 700 + node.length * 3,
    // A kubelet running when the cluster is created started long ago; its start-up events have expired.
    justStarted: false,
    lastLeaseMs: -Infinity,
    lastStatusPostMs: -Infinity,
    lastPostedConditions: '',
    knownUnschedulable: false,
    images: {},
    pods: {},
    backoff: {},
    nextIp: 2,
  };
}

/**
 * One node's kubelet: renews its Lease every 10 s, posts node status on change (or every 5 min),
 * and syncs every pod bound to the node. A stopped kubelet does nothing at all, which is how a node
 * goes NotReady: the node-lifecycle controller stops hearing from it.
 */
export class Kubelet implements Component<KubeletState> {
  readonly name: string;
  /** Pods whose last sync left nothing to do until `wakeMs` (see `rememberIdle`). */
  private readonly idle = new Map<string, { rv: string | undefined; nodeIP: string; wakeMs: number }>();

  constructor(private s: KubeletState) {
    this.name = `kubelet/${s.node}`;
  }

  state(): KubeletState {
    return this.s;
  }

  get running(): boolean {
    return this.s.running;
  }

  /** When the service last changed state, its PID, and why it failed to start (for `systemctl status`). */
  get service(): KubeletService {
    return { running: this.s.running, sinceMs: this.s.sinceMs, pid: this.s.pid, ...(this.s.startError ? { startError: this.s.startError } : {}) };
  }

  stop(nowMs: number): void {
    if (!this.s.running) return;
    this.s.running = false;
    this.s.sinceMs = nowMs;
  }

  /** Starts the service: it reads its config file first and fails to start, as the real one does, on a bad one. */
  start(nowMs: number): void {
    if (this.s.running) return;
    this.s.sinceMs = nowMs;
    this.s.pid += 1013;
    const loaded = loadKubeletConfig(this.s.files);
    if (!loaded.ok) {
      this.s.startError = loaded.error;
      return;
    }
    delete this.s.startError;
    this.s.config = loaded.config;
    this.s.running = true;
    this.s.justStarted = true;
    this.s.lastStatusPostMs = -Infinity;
    this.s.lastLeaseMs = -Infinity;
  }

  step(ctx: EngineContext): void {
    // systemd restarts a kubelet that exited with an error every 10 s (Restart=always, RestartSec=10).
    if (!this.s.running && this.s.startError && ctx.clock.nowMs() - this.s.sinceMs >= SYSTEMD_RESTART_MS) this.start(ctx.clock.nowMs());
    if (!this.s.running) return;
    // A read-only view: postNodeStatus copies it before writing.
    const node = ctx.api.store.peek('Node', undefined, this.s.node) as Node | undefined;
    if (!node) return;
    const now = ctx.clock.nowMs();
    if (this.s.justStarted) this.announce(ctx, node);
    if (now - this.s.lastLeaseMs >= HEARTBEAT_MS) this.renewLease(ctx, now);
    this.postNodeStatus(ctx, node, now);
    this.watchCordon(ctx, node);
    const nodeIP = node.status.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
    const podCIDR = node.spec.podCIDR ?? '10.244.0.0/24';
    syncStaticPods(ctx, this.s, node);
    const bound: Pod[] = [];
    const seen = new Set<string>();
    for (const view of ctx.api.store.scan('Pod') as ReadonlyArray<Pod>) {
      if ((view.spec.nodeName ?? '') !== this.s.node) continue;
      const uid = view.metadata.uid!;
      seen.add(uid);
      // Nothing changed and nothing is due: a sync would be a no-op, and the stored object is what it would leave.
      const idle = this.idle.get(uid);
      if (idle && idle.rv === view.metadata.resourceVersion && idle.nodeIP === nodeIP && now < idle.wakeMs && this.s.pods[uid]) {
        bound.push(view);
        continue;
      }
      const pod = copyOf(view);
      bound.push(pod);
      syncPod(ctx, this.s, pod, nodeIP, podCIDR);
      this.rememberIdle(ctx, pod, nodeIP);
    }
    for (const uid of this.idle.keys()) if (!seen.has(uid)) this.idle.delete(uid);
    // Pods removed from the API (force deletion) are torn down without a trace.
    for (const uid of Object.keys(this.s.pods)) if (!seen.has(uid)) delete this.s.pods[uid];
    evictionStep(ctx, this.s, node, bound, { evict: (pod, message) => evictPodNow(ctx, this.s, copyOf(pod), message) });
  }

  /**
   * After a sync: when the pod's next sync could change anything (`podWakeMs`), keyed by the stored
   * resourceVersion, so an unchanged pod is not synced again before then. Not part of the snapshot:
   * after a restore every pod is synced once, which is what would have happened anyway.
   */
  private rememberIdle(ctx: EngineContext, pod: Pod, nodeIP: string): void {
    const uid = pod.metadata.uid!;
    const rec = this.s.pods[uid];
    const stored = ctx.api.store.peek('Pod', pod.metadata.namespace, pod.metadata.name);
    if (!rec || !stored || stored.metadata.uid !== uid || stored.metadata.deletionTimestamp || (stored as Pod).status?.phase === 'Succeeded' || (stored as Pod).status?.phase === 'Failed') {
      this.idle.delete(uid);
      return;
    }
    this.idle.set(uid, { rv: stored.metadata.resourceVersion, nodeIP, wakeMs: podWakeMs(rec) });
  }

  private announce(ctx: EngineContext, node: Node): void {
    this.s.justStarted = false;
    const source = { component: 'kubelet', host: this.s.node };
    const rec = (reason: string, message: string) => ctx.events.record({ object: node, type: 'Normal', reason, message, source });
    rec('Starting', 'Starting kubelet.');
    rec('NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods');
    for (const c of HEALTHY_CONDITIONS) {
      const prev = getCondition(node.status, c.type);
      if (prev?.status !== c.status) rec(c.event, `Node ${this.s.node} status is now: ${c.event}`);
    }
  }

  private renewLease(ctx: EngineContext, now: number): void {
    this.s.lastLeaseMs = now;
    const renewTime = ctx.clock.nowMicroIso();
    const existing = ctx.api.tryGet<Lease>('Lease', 'kube-node-lease', this.s.node);
    if (existing) {
      existing.spec.renewTime = renewTime;
      ctx.api.update(existing);
    } else {
      ctx.api.create<Lease>({
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: { name: this.s.node, namespace: 'kube-node-lease' },
        spec: { holderIdentity: this.s.node, leaseDurationSeconds: LEASE_SECONDS, renewTime },
      });
    }
  }

  /** Posts conditions when they change, and at least every 5 minutes (nodeStatusReportFrequency). */
  private postNodeStatus(ctx: EngineContext, view: Readonly<Node>, now: number): void {
    const pressure = activePressure(this.s, now);
    const desired = HEALTHY_CONDITIONS.map((c) => {
      const p = PRESSURE[c.type as PressureCondition];
      return p && pressure.has(c.type as PressureCondition) ? { type: c.type, status: 'True' as const, reason: p.reason, message: p.message } : { type: c.type, status: c.status, reason: c.reason, message: c.message };
    });
    const fingerprint = JSON.stringify(desired);
    const current = JSON.stringify((view.status.conditions ?? []).map(({ type, status, reason, message }) => ({ type, status, reason, message })));
    const changed = fingerprint !== current;
    if (!changed && now - this.s.lastStatusPostMs < STATUS_REPORT_MS) return;
    if (!changed && now - this.s.lastStatusPostMs < HEARTBEAT_MS) return;
    const node = copyOf(view) as Node;
    const nowIso = ctx.clock.nowIso();
    this.s.lastStatusPostMs = now;
    this.s.lastPostedConditions = fingerprint;
    // `recordNodeStatusEvent`: each pressure condition that flips is announced on the node.
    for (const c of desired) {
      const p = PRESSURE[c.type as PressureCondition];
      const prev = getCondition(node.status, c.type);
      if (!p || !prev || prev.status === c.status || prev.status === 'Unknown') continue;
      const reason = c.status === 'True' ? p.event : HEALTHY_CONDITIONS.find((h) => h.type === c.type)!.event;
      ctx.events.record({ object: node, type: 'Normal', reason, message: `Node ${this.s.node} status is now: ${reason}`, source: { component: 'kubelet', host: this.s.node } });
    }
    for (const c of desired) setCondition(node.status, { ...c, lastHeartbeatTime: nowIso }, nowIso);
    for (const c of node.status.conditions ?? []) c.lastHeartbeatTime = nowIso;
    node.status.images = Object.entries(this.s.images).map(([name, info]) => ({ names: [name.replace(/:[^:/]+$/, `@${info.digest}`), name], sizeBytes: info.sizeBytes }));
    ctx.api.updateStatus(node);
  }

  /** The kubelet reports cordon and uncordon as node events. */
  private watchCordon(ctx: EngineContext, node: Node): void {
    const unschedulable = !!node.spec.unschedulable;
    if (unschedulable === this.s.knownUnschedulable) return;
    this.s.knownUnschedulable = unschedulable;
    const reason = unschedulable ? 'NodeNotSchedulable' : 'NodeSchedulable';
    ctx.events.record({ object: node, type: 'Normal', reason, message: `Node ${this.s.node} status is now: ${reason}`, source: { component: 'kubelet', host: this.s.node } });
  }
}
