import { ConfigMap, KubeObject, Namespace, Node, Pod, Service, WatchEvent } from './api/types';
import { ApiServer } from './apiserver/apiserver';
import { ObjectStore, copyOf } from './store/store';
import { VirtualClock, DEFAULT_EPOCH, toIso } from './clock';
import { Rng } from './rng';
import { EventRecorder } from './events/recorder';
import { ImageRegistry, RepositorySpec, digestOf, parseImageRef } from './runtime/registry';
import { EngineContext } from './context';
import { ClusterSpec, NodeSpecInput } from './spec';
import { Scheduler, SchedulerState } from './scheduler/scheduler';
import { CONTROLLERS } from './controllers/registry';
import { Component } from './context';
import { HEALTHY_CONDITIONS, Kubelet, KubeletService, newKubeletState } from './kubelet/kubelet';
import { ContainerRecord, HostProcess, KubeletState, LogRecord } from './kubelet/state';
import { copyKubeletState } from './kubelet/state-copy';
import { JsonDelta, applyJsonDelta, jsonDelta } from './json-delta';
import { NodeUsage, nodeUsage } from './kubelet/node-usage';
import { badRequest, notFound } from './api/errors';
import { toIsoNano } from './logs';
import { namespaceContent } from './namespace-content';
import { kubernetesServiceObjects } from './services/kubernetes-service';
import { execInContainer, ExecOutcome, runEphemeral } from './runtime/exec';
import { BackendAnswer, serviceBackends } from './runtime/exec-network';
import { serviceLinkEnv } from './kubelet/service-env';
import { builtinClusterObjects } from './builtin-objects';
import { controlPlaneImages } from './control-plane/images';
import { CLUSTER_CA, KUBELET_CONFIG, clusterCaCert, controlPlaneManifests, kubeletConfig } from './control-plane/manifests';
import { controlPlaneStatus } from './control-plane/status';
import { MetricsView, NodeMetrics, nodeMetrics, PodMetrics, podMetrics } from './metrics/metrics-server';
import { RuntimeContainer, RuntimeImage, runtimeContainers, runtimeImages } from './kubelet/runtime-view';

export const STEP_MS = 1000;
const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

export interface ClusterSnapshot {
  version: 1;
  clockMs: number;
  pendingMs: number;
  rng: number;
  kubernetesVersion: string;
  /** Absent in a snapshot against a base (the registry never changes): the base's. */
  registry?: RepositorySpec[];
  /**
   * With `base`, a snapshot against a base (`snapshot({ againstBase: true })`): `objects` holds only what is
   * new since the base, `base.changed` the base objects written since as deltas from the base's (by key), and
   * `base.removed` the keys of base objects gone since.
   */
  store: { revision: number; objects: KubeObject[]; base?: { id: string; removed: string[]; changed?: Record<string, JsonDelta> } };
  /** Absent in a snapshot against a base: see `components`. */
  scheduler?: SchedulerState;
  /** each controller's state, by its name in the controller registry (absent in a snapshot against a base: see `components`) */
  controllers?: Record<string, unknown>;
  /** In a snapshot against a base: `{ scheduler, controllers }` as their delta from the base's. */
  components?: JsonDelta;
  /** In a snapshot against a base, a kubelet the base has is its difference from the base's (`KubeletAgainstBase`). */
  kubelets: Array<KubeletState | KubeletAgainstBase>;
  lastExpireMs: number;
  staticControlPlane: boolean;
  /** absent in snapshots taken before metrics existed: installed */
  metricsServer?: boolean;
}

export interface LogOptions {
  container?: string;
  previous?: boolean;
  tailLines?: number;
  timestamps?: boolean;
  /** Only lines at or after this virtual time (`--since` / `--since-time`). */
  sinceMs?: number;
}

/**
 * A snapshot taken against a base, restored without that very base (say the scenario's warm-up came out
 * different after an engine or scenario change): its differences cannot be applied to anything else.
 */
export class SnapshotBaseMismatchError extends Error {
  constructor(
    readonly snapshotBase: string,
    readonly givenBase: string | undefined,
  ) {
    super(`the snapshot was taken against cluster base ${snapshotBase}, which is not the base given (${givenBase ?? 'none'})`);
    this.name = 'SnapshotBaseMismatchError';
  }
}

/** A kubelet's state as its difference from the same node's kubelet in the base. */
export interface KubeletAgainstBase {
  node: string;
  baseDelta: JsonDelta;
}

/**
 * A deep-frozen snapshot many clusters start from (a scenario's warm-up), with an id that names its content.
 * Clusters restored over it share its objects, and can snapshot only what differs from it.
 */
export interface ClusterBase {
  id: string;
  snapshot: ClusterSnapshot;
}

/** The log of one container instance, for a follower (`kubectl logs -f`). */
export interface LogView {
  lines: LogRecord[];
  /** The runtime's id of the instance these lines are from; a restart gives a new one. */
  containerID?: string;
  /** False once this instance has exited (or the pod is gone from its node): a follow ends there. */
  running: boolean;
}

/**
 * A simulated Kubernetes cluster on a virtual clock: API server, scheduler, controllers and kubelets.
 * Deterministic for a seed; `snapshot()` / `restore()` carry its whole state as JSON.
 */
export class Cluster {
  readonly api: ApiServer;
  private readonly ctx: EngineContext;
  private pendingMs = 0;
  private lastExpireMs: number;
  private staticControlPlane = false;
  private metricsServer = true;
  /** The base the store shares objects with, for snapshots against it. */
  private base?: ClusterBase;

  private constructor(
    readonly clock: VirtualClock,
    private readonly rng: Rng,
    private readonly store: ObjectStore,
    private readonly registry: ImageRegistry,
    readonly kubernetesVersion: string,
    private readonly scheduler: Scheduler,
    private readonly controllers: Map<string, Component<unknown>>,
    private readonly kubelets: Map<string, Kubelet>,
  ) {
    this.api = new ApiServer(store, clock, rng);
    this.ctx = { api: this.api, store, clock, rng, events: new EventRecorder(store, clock), registry };
    this.lastExpireMs = clock.nowMs();
  }

  static create(spec: ClusterSpec, seed: number): Cluster {
    const clock = VirtualClock.at(spec.startTime ?? DEFAULT_EPOCH);
    const rng = new Rng(seed);
    const store = new ObjectStore();
    const version = spec.kubernetesVersion ?? 'v1.32.2';
    const joined = clock.nowMs() - 7 * 24 * 3600 * 1000;
    const kubelets = new Map(
      spec.nodes.map((n, i) => [n.name, new Kubelet(newKubeletState(n.name, n.kubeletRunning !== false, joined, nodeDisk(n, i, version, !!spec.staticControlPlane)))]),
    );
    const cluster = new Cluster(
      clock,
      rng,
      store,
      new ImageRegistry([...(spec.staticControlPlane ? controlPlaneImages(version) : []), ...(spec.registry ?? [])]),
      version,
      new Scheduler(),
      new Map(CONTROLLERS.map((c) => [c.name, c.create(undefined, clock.nowMs())])),
      kubelets,
    );
    cluster.staticControlPlane = !!spec.staticControlPlane;
    cluster.metricsServer = spec.metricsServer !== false;
    if (spec.staticControlPlane) cluster.preloadControlPlaneImages(spec);
    cluster.bootstrap(spec);
    return cluster;
  }

  /**
   * With `shareObjects`, the store keeps the snapshot's (deep-frozen) API objects instead of copying them; see
   * ObjectStore.share. With `base`, a snapshot taken against that base is restored over it (its id must
   * match), and a cluster whose store shares the base's objects can snapshot against it.
   */
  static restore(snap: ClusterSnapshot, opts: { shareObjects?: boolean; base?: ClusterBase } = {}): Cluster {
    const base = opts.base;
    if (snap.store.base && snap.store.base.id !== base?.id) throw new SnapshotBaseMismatchError(snap.store.base.id, base?.id);
    const store = snap.store.base
      ? ObjectStore.overBase(base!.snapshot.store, { revision: snap.store.revision, objects: snap.store.objects, changed: snap.store.base.changed, removed: snap.store.base.removed })
      : opts.shareObjects
        ? ObjectStore.share(snap.store)
        : ObjectStore.load(snap.store);
    const registry = snap.registry ?? base?.snapshot.registry;
    const { scheduler, controllers } = snap.components ? (applyJsonDelta(componentsOf(base!.snapshot), snap.components) as Components) : componentsOf(snap);
    if (!registry) throw new Error('the snapshot has no image registry and no base to take it from');
    const cluster = new Cluster(
      new VirtualClock(snap.clockMs),
      new Rng(snap.rng),
      store,
      new ImageRegistry(registry),
      snap.kubernetesVersion,
      new Scheduler(copyOf(scheduler)),
      new Map(CONTROLLERS.map((c) => [c.name, c.create(copyOf(controllers[c.name]), snap.clockMs)])),
      new Map(snap.kubelets.map((k) => [k.node, new Kubelet(copyKubeletState(kubeletState(k, base)))])),
    );
    cluster.pendingMs = snap.pendingMs;
    cluster.staticControlPlane = snap.staticControlPlane;
    cluster.metricsServer = snap.metricsServer !== false;
    cluster.lastExpireMs = snap.lastExpireMs;
    if (base && store.sharedFrom(base.snapshot.store)) cluster.base = base;
    return cluster;
  }

  /**
   * The whole state as JSON. With `againstBase`, a cluster restored over a base (see `restore`) leaves out
   * what the base holds (unchanged API objects, the registry): restore it with the same base.
   */
  snapshot(opts: { againstBase?: boolean } = {}): ClusterSnapshot {
    const live = {
      scheduler: this.scheduler.state(),
      controllers: Object.fromEntries([...this.controllers].map(([name, c]) => [name, c.state()])),
      kubelets: [...this.kubelets.values()].map((k) => k.state()),
    };
    const delta = opts.againstBase && this.base ? this.store.dumpAgainstBase() : undefined;
    // Component states are live references, so what goes out is copied (copyOf: a few times faster than
    // structuredClone on this plain data); against a base, only the deltas (computed on the live states).
    // The store's dump is a copy already.
    let parts: Pick<ClusterSnapshot, 'scheduler' | 'controllers' | 'components' | 'kubelets'>;
    if (delta) {
      const baseKubelets = new Map(this.base!.snapshot.kubelets.map((k) => [k.node, k]));
      parts = {
        components: copyOf(jsonDelta(componentsOf(this.base!.snapshot), { scheduler: live.scheduler, controllers: live.controllers }) ?? {}),
        // Most of a kubelet's records stay as the warm-up left them (a sync time, a probe's counters move).
        kubelets: live.kubelets.map((k) => (baseKubelets.has(k.node) ? { node: k.node, baseDelta: copyOf(jsonDelta(baseKubelets.get(k.node), k) ?? {}) } : copyOf(k))),
      };
    } else parts = copyOf(live);
    return {
      version: 1,
      clockMs: this.clock.nowMs(),
      pendingMs: this.pendingMs,
      rng: this.rng.seedState,
      kubernetesVersion: this.kubernetesVersion,
      ...(delta ? {} : { registry: copyOf(this.registry.specs()) }),
      store: delta ? { revision: delta.revision, objects: delta.objects, base: { id: this.base!.id, removed: delta.removed, ...(delta.changed ? { changed: delta.changed } : {}) } } : this.store.dump(),
      ...(delta ? { components: parts.components } : { scheduler: parts.scheduler, controllers: parts.controllers }),
      kubelets: parts.kubelets,
      lastExpireMs: this.lastExpireMs,
      staticControlPlane: this.staticControlPlane,
      metricsServer: this.metricsServer,
    };
  }

  nowMs(): number {
    return this.clock.nowMs();
  }

  /** Advances the virtual clock by `ms`, running every component once per simulated second. */
  tick(ms: number): void {
    this.pendingMs += ms;
    while (this.pendingMs >= STEP_MS) {
      this.pendingMs -= STEP_MS;
      this.clock.advance(STEP_MS);
      this.step();
    }
  }

  private step(): void {
    const cp = controlPlaneStatus(this.store, this.staticControlPlane, this.clock.nowMs());
    if (cp.apiServer) {
      if (cp.scheduler) this.scheduler.step(this.ctx);
      for (const [name, controller] of this.controllers) if (cp.controllerEnabled(name)) controller.step(this.ctx);
    }
    for (const kubelet of this.kubelets.values()) kubelet.step(this.ctx);
    if (this.clock.nowMs() - this.lastExpireMs >= 60_000) {
      this.lastExpireMs = this.clock.nowMs();
      this.ctx.events.expire();
    }
  }

  /** Subscribes to every change in the store (ADDED / MODIFIED / DELETED); returns the unsubscribe function. */
  watch(listener: (event: WatchEvent) => void): () => void {
    return this.store.watch(listener);
  }

  get resourceVersion(): string {
    return this.store.resourceVersion;
  }

  // ---------------------------------------------------------------- the machines behind the API

  nodeNames(): string[] {
    return [...this.kubelets.keys()];
  }

  isKubeletRunning(node: string): boolean {
    return this.kubeletOf(node).running;
  }

  /** `systemctl stop kubelet` on the node: heartbeats stop, and the node goes NotReady after the grace period. */
  stopKubelet(node: string): void {
    this.kubeletOf(node).stop(this.clock.nowMs());
  }

  /** `systemctl start kubelet`: it announces itself, posts Ready, and resumes its pods. */
  startKubelet(node: string): void {
    this.kubeletOf(node).start(this.clock.nowMs());
  }

  /** The kubelet service as systemd sees it on the node. */
  kubeletService(node: string): KubeletService {
    return this.kubeletOf(node).service;
  }

  /** kubeadm pulled the control-plane images when the node was set up. */
  private preloadControlPlaneImages(spec: ClusterSpec): void {
    for (const n of spec.nodes.filter((x) => x.role === 'control-plane')) {
      const images = this.kubeletOf(n.name).state().images;
      for (const repo of controlPlaneImages(this.kubernetesVersion)) {
        for (const [tag, info] of Object.entries(repo.tags)) {
          const ref = parseImageRef(`${repo.name}:${tag}`)!;
          images[ref.canonical] = { digest: `sha256:${digestOf(ref.canonical)}`, sizeBytes: info.sizeBytes ?? 0 };
        }
      }
    }
  }

  /** What `crictl ps` sees on the node. */
  runtimeContainers(node: string): RuntimeContainer[] {
    return runtimeContainers(this.kubeletOf(node).state(), this.clock.nowMs());
  }

  /** What `crictl images` sees on the node. */
  runtimeImages(node: string): RuntimeImage[] {
    return runtimeImages(this.kubeletOf(node).state());
  }

  /** The node's disk (path → content), live: edits take effect when the kubelet next reads them. */
  nodeFiles(node: string): Record<string, string> {
    return this.kubeletOf(node).state().files;
  }

  /**
   * Writes a large file on the node's disk (`fallocate -l SIZE PATH`): it counts towards nodefs usage for
   * as long as the path exists, so an `rm` of it on the node frees the space.
   */
  writeNodeFile(node: string, path: string, sizeBytes: number, content = ''): void {
    const s = this.kubeletOf(node).state();
    s.files[path] = content;
    (s.fileSizes ??= {})[path] = Math.max(0, Math.round(sizeBytes));
  }

  /** Size of a node file as `ls -l`/`du` see it: a recorded large size, else its content's length. */
  nodeFileSize(node: string, path: string): number | undefined {
    const s = this.kubeletOf(node).state();
    if (s.files[path] === undefined) return undefined;
    return s.fileSizes?.[path] ?? Buffer.byteLength(s.files[path]);
  }

  /** The node's memory, disk (nodefs) and PID use, as `free`, `df` and the eviction manager see them. */
  nodeResourceUsage(node: string): Omit<NodeUsage, 'pods'> {
    const kubelet = this.kubeletOf(node).state();
    const n = this.api.get<Node>('Node', undefined, node);
    const pods = this.api.list<Pod>('Pod', { fieldSelector: `spec.nodeName=${node}` }).filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
    const { pods: _omit, ...usage } = nodeUsage(this.registry, kubelet, n, pods);
    return usage;
  }

  /** Starts a process on the node outside any pod (a leaking daemon) holding `memoryBytes`; returns its PID. */
  startHostProcess(node: string, command: string, memoryBytes: number): number {
    const s = this.kubeletOf(node).state();
    const list = (s.hostProcesses ??= []);
    const pid = Math.max(4100 + (s.pid % 97), ...list.map((p) => p.pid)) + 13;
    list.push({ pid, command, memoryBytes: Math.max(0, Math.round(memoryBytes)) });
    return pid;
  }

  /** The node's processes outside pods (`ps aux` on the node). */
  hostProcesses(node: string): HostProcess[] {
    return [...(this.kubeletOf(node).state().hostProcesses ?? [])];
  }

  /** `kill PID` on the node: false when no such process. */
  killHostProcess(node: string, pid: number): boolean {
    const s = this.kubeletOf(node).state();
    const before = s.hostProcesses?.length ?? 0;
    s.hostProcesses = (s.hostProcesses ?? []).filter((p) => p.pid !== pid);
    return s.hostProcesses.length < before;
  }

  private kubeletOf(node: string): Kubelet {
    const k = this.kubelets.get(node);
    if (!k) throw notFound('Node', node);
    return k;
  }

  /** Whether kubectl can reach the API server (its static pod and etcd are running, if the control plane is static). */
  apiServerReachable(): boolean {
    return controlPlaneStatus(this.store, this.staticControlPlane, this.clock.nowMs()).apiServer;
  }

  /** `host:port` of the API server, as kubeconfigs name it: the first control-plane node's address. */
  apiServerAddress(): string {
    const nodes = this.store.scan('Node') as Node[];
    const cp = nodes.find((n) => n.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined) ?? nodes[0];
    const ip = cp?.status.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '127.0.0.1';
    return `${ip}:6443`;
  }

  /** The `pods/exec` subresource: runs a simulated process (`env`, `cat`, `ls`, `curl`, `wget`, `nslookup`, …) in a running container. */
  exec(namespace: string, podName: string, container: string, command: string[], stdin = ''): ExecOutcome {
    const pod = this.api.get<Pod>('Pod', namespace, podName);
    const view = { ctx: this.ctx, podRecord: (p: Pod) => (p.spec.nodeName ? this.kubelets.get(p.spec.nodeName)?.state().pods[p.metadata.uid!] : undefined) };
    return execInContainer(view, { pod, container, command, stdin, kubeletRunning: !!pod.spec.nodeName && !!this.kubelets.get(pod.spec.nodeName)?.running });
  }

  /**
   * What every ready backend of a Service port answers to an HTTP GET of `path` (`port` is the Service port,
   * or its nodePort with `byNodePort`); undefined when the Service or the port does not exist. Read-only.
   */
  serviceBackends(namespace: string, name: string, port: number, opts: { byNodePort?: boolean; path?: string } = {}): BackendAnswer[] | undefined {
    const svc = this.api.tryGet<Service>('Service', namespace, name);
    if (!svc) return undefined;
    const view = { ctx: this.ctx, podRecord: (p: Pod) => (p.spec.nodeName ? this.kubelets.get(p.spec.nodeName)?.state().pods[p.metadata.uid!] : undefined) };
    return serviceBackends(view, svc, port, !!opts.byNodePort, opts.path ?? '/');
  }

  /** `kubectl run --rm -i NAME --image=IMAGE -- CMD`: one command in a pod that is gone afterwards; undefined when the image cannot be pulled. */
  runEphemeral(namespace: string, name: string, image: string, command: string[], stdin = ''): ExecOutcome | undefined {
    const node = this.api.list<Node>('Node').find((n) => !n.spec.unschedulable && !(n.spec.taints ?? []).some((t) => t.effect === 'NoSchedule')) ?? this.api.list<Node>('Node')[0];
    const podIP = node?.spec.podCIDR ? `${node.spec.podCIDR.split('.').slice(0, 3).join('.')}.250` : '10.244.0.250';
    const view = { ctx: this.ctx, podRecord: (p: Pod) => (p.spec.nodeName ? this.kubelets.get(p.spec.nodeName)?.state().pods[p.metadata.uid!] : undefined) };
    const probe = { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace }, spec: { containers: [] }, status: {} } as unknown as Pod;
    return runEphemeral(view, { namespace, name, image, command, stdin, nodeName: node?.metadata.name ?? '', podIP }, serviceLinkEnv(this.api, probe));
  }

  /** Whether the metrics.k8s.io API is served (metrics-server installed). */
  metricsAvailable(): boolean {
    return this.metricsServer;
  }

  /** metrics.k8s.io PodMetrics for every pod that has them (Running, each container up for a scrape window). */
  podMetrics(): PodMetrics[] {
    return podMetrics(this.metricsView(), this.store.scan('Pod') as Pod[]);
  }

  /** metrics.k8s.io NodeMetrics for every node whose kubelet answers. */
  nodeMetrics(): NodeMetrics[] {
    return nodeMetrics(this.metricsView(), this.store.scan('Node') as Node[], this.store.scan('Pod') as Pod[]);
  }

  private metricsView(): MetricsView {
    return { registry: this.registry, nowMs: this.clock.nowMs(), kubelet: (node) => this.kubelets.get(node)?.state() };
  }

  /** Container logs as the `pods/log` subresource returns them, with its error messages. */
  logs(namespace: string, podName: string, opts: LogOptions = {}): string {
    let visible = this.logView(namespace, podName, opts).lines;
    if (opts.sinceMs !== undefined) visible = visible.filter((l) => l.ms >= opts.sinceMs!);
    if (opts.tailLines !== undefined && opts.tailLines >= 0) visible = opts.tailLines === 0 ? [] : visible.slice(-opts.tailLines);
    return formatLogLines(visible, !!opts.timestamps);
  }

  /** The lines printed so far by the instance `logs` would serve, and whether it still runs (`follow=true`). */
  logView(namespace: string, podName: string, opts: Pick<LogOptions, 'container' | 'previous'> = {}): LogView {
    const pod = this.api.get<Pod>('Pod', namespace, podName);
    const all = [...(pod.spec.initContainers ?? []).map((c) => ({ c, init: true })), ...pod.spec.containers.map((c) => ({ c, init: false }))];
    const name = opts.container ?? pod.spec.containers[0].name;
    const found = all.find((x) => x.c.name === name);
    if (!found) {
      throw badRequest(`container ${name} is not valid for pod ${podName}`);
    }
    // An unscheduled pod has no node to ask: the API server answers with an empty log.
    if (!pod.spec.nodeName) return { lines: [], running: false };
    const kubelet = this.kubelets.get(pod.spec.nodeName);
    const rec = kubelet?.state().pods[pod.metadata.uid!]?.containers[found.init ? `init:${name}` : name];
    const lines = logLinesFor(pod, name, found.init, rec, !!opts.previous);
    const now = this.clock.nowMs();
    const current = !opts.previous && rec !== undefined && lines === rec.logs;
    return {
      lines: lines.filter((l) => l.ms <= now),
      containerID: current ? rec.containerID : undefined,
      running: current && rec.phase === 'running' && !!kubelet?.running,
    };
  }

  // ---------------------------------------------------------------- start-up

  private bootstrap(spec: ClusterSpec): void {
    const created = toIso(this.clock.nowMs() - 7 * 24 * 3600 * 1000);
    for (const ns of SYSTEM_NAMESPACES) {
      this.store.create(this.stamp({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { 'kubernetes.io/metadata.name': ns } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } } as Namespace, created));
      for (const obj of namespaceContent(ns)) this.store.create(this.stamp(obj, created));
    }
    // Fixed uids: the built-ins must not draw from the seeded Rng (names drawn later stay as they were).
    for (const obj of builtinClusterObjects()) this.store.create({ ...obj, metadata: { ...obj.metadata, creationTimestamp: created } });
    spec.nodes.forEach((n, i) => this.store.create(this.stamp(nodeObject(n, i, this.kubernetesVersion, this.rng, created), created)));
    const apiServerNode = Math.max(0, spec.nodes.findIndex((n) => n.role === 'control-plane'));
    for (const obj of kubernetesServiceObjects(nodeIP(apiServerNode))) this.store.create({ ...obj, metadata: { ...obj.metadata, creationTimestamp: created } });
    for (const obj of spec.objects ?? []) this.createObject(obj);
    this.tick((spec.warmupSeconds ?? 0) * 1000);
  }

  /** Creates an object through the API server. */
  createObject(obj: KubeObject): KubeObject {
    return this.api.create(obj);
  }

  private stamp<T extends KubeObject>(obj: T, created: string): T {
    // Objects with a fixed uid (the `default` ServiceAccounts) leave the seeded Rng's sequence as it was.
    obj.metadata.uid ??= this.rng.uuid();
    obj.metadata.creationTimestamp = created;
    return obj;
  }
}

type Components = { scheduler: SchedulerState; controllers: Record<string, unknown> };

/** A whole snapshot's scheduler and controller states. */
function componentsOf(snap: ClusterSnapshot): Components {
  if (!snap.scheduler || !snap.controllers) throw new Error('the snapshot has no scheduler or controller state and no base to take them from');
  return { scheduler: snap.scheduler, controllers: snap.controllers };
}

/** A snapshot's kubelet state, a difference from the base's applied (unchanged parts are the base's: copy before use). */
function kubeletState(k: KubeletState | KubeletAgainstBase, base: ClusterBase | undefined): KubeletState {
  if (!('baseDelta' in k)) return k;
  const from = base?.snapshot.kubelets.find((b) => b.node === k.node);
  if (!from) throw new Error(`the snapshot's kubelet ${k.node} is a difference from a base that has none`);
  return applyJsonDelta(from, k.baseDelta) as KubeletState;
}

/** One line per record, with kubectl's RFC 3339 nanosecond timestamps when asked for. */
export function formatLogLines(lines: LogRecord[], timestamps: boolean): string {
  return lines.map((l) => (timestamps ? `${toIsoNano(l.ms)} ${l.line}\n` : `${l.line}\n`)).join('');
}

/** The kubelet's `validateContainerLogStatus`: which run's log to serve, or why there is none. */
function logLinesFor(pod: Pod, name: string, init: boolean, rec: ContainerRecord | undefined, previous: boolean): LogRecord[] {
  const podName = pod.metadata.name;
  const status = (init ? pod.status.initContainerStatuses : pod.status.containerStatuses)?.find((c) => c.name === name);
  const fail = (why: string) => badRequest(`container "${name}" in pod "${podName}" ${why}`);
  if (previous) {
    if (!status?.lastState.terminated || !rec?.previousLogs) throw badRequest(`previous terminated container "${name}" in pod "${podName}" not found`);
    return rec.previousLogs;
  }
  if (!status) throw fail('is waiting to start: ContainerCreating');
  if (rec && (status.state.running || status.state.terminated)) return rec.logs;
  if (rec && status.lastState.terminated) return rec.previousLogs ?? [];
  const reason = status.state.waiting?.reason;
  if (reason === 'ErrImagePull') throw fail("is waiting to start: image can't be pulled");
  if (reason === 'ImagePullBackOff') throw fail('is waiting to start: trying and failing to pull image');
  throw fail(reason ? `is waiting to start: ${reason}` : 'is waiting to start - no logs yet');
}

/** What is on a node's disk: the kubelet's config, and on a kubeadm control-plane node its static pod manifests. */
function nodeDisk(n: NodeSpecInput, index: number, version: string, staticControlPlane: boolean): Record<string, string> {
  const files: Record<string, string> = { [KUBELET_CONFIG]: kubeletConfig(), [CLUSTER_CA]: clusterCaCert() };
  if (staticControlPlane && n.role === 'control-plane') Object.assign(files, controlPlaneManifests(version, nodeIP(index)));
  return files;
}

function nodeIP(index: number): string {
  return `172.18.0.${index + 2}`;
}

function nodeObject(n: NodeSpecInput, index: number, version: string, rng: Rng, created: string): Node {
  const controlPlane = n.role === 'control-plane';
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': n.name,
    'kubernetes.io/os': 'linux',
    ...(controlPlane ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : {}),
    ...(n.labels ?? {}),
  };
  const cpu = n.cpu ?? '2';
  const memory = n.memory ?? '4Gi';
  const pods = String(n.pods ?? 110);
  const taints = n.taints ?? (controlPlane ? [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const }] : undefined);
  const ip = nodeIP(index);
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: n.name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: `10.244.${index}.0/24`,
      podCIDRs: [`10.244.${index}.0/24`],
      providerID: `kind://docker/crashloop/${n.name}`,
      ...(taints?.length ? { taints } : {}),
      ...(n.unschedulable ? { unschedulable: true } : {}),
    },
    status: {
      capacity: { cpu, 'ephemeral-storage': '102625208Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory, pods },
      allocatable: { cpu, 'ephemeral-storage': '102625208Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory, pods },
      // A node whose kubelet runs has been Ready since it joined; one that never ran has no conditions.
      conditions: n.kubeletRunning === false ? [] : HEALTHY_CONDITIONS.map(({ type, status, reason, message }) => ({ type, status, lastHeartbeatTime: created, lastTransitionTime: created, reason, message })),
      addresses: [
        { type: 'InternalIP', address: ip },
        { type: 'Hostname', address: n.name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: rng.hex(32),
        systemUUID: rng.uuid(),
        bootID: rng.uuid(),
        kernelVersion: '6.8.0-51-generic',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        containerRuntimeVersion: 'containerd://1.7.24',
        kubeletVersion: version,
        kubeProxyVersion: version,
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}
