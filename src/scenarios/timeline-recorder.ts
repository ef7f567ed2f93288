import { Cluster, deepFreeze, KubeEvent, KubeObject, Node, Pod, WatchEvent } from '../cluster-engine';
import { eventObject, nodeStatus, summarizePod } from '../cluster-engine/printers';
import { ObjectiveProgress, TimelineEntry, TimelineEventEntry } from './session.types';

/**
 * Entries kept unacknowledged at most: the game stores them every few seconds, so only a session nobody
 * drains (a script, a benchmark) reaches this; it then keeps the newest.
 */
const MAX_PENDING = 10_000;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type NewEntry = DistributiveOmit<TimelineEntry, 'seq'>;

/** The recorder's memory, kept in the session snapshot so a restored session goes on where it stopped. */
export interface TimelineState {
  /** `seq` of the last entry recorded. */
  seq: number;
  /** Entries not yet acknowledged through `since(cursor)`. */
  pending: TimelineEntry[];
  /** The highest `seq` handed out: those entries are never changed in place any more. */
  handedOut: number;
  /** Event `namespace/name` → the count last recorded. */
  events: Record<string, number>;
  /** Pod `namespace/name` → `STATUS READY` last recorded. */
  pods: Record<string, string>;
  /** Node name → STATUS last recorded. */
  nodes: Record<string, string>;
  /** Objective id → met, as last recorded. */
  objectives: Record<string, boolean>;
}

/**
 * Records a compact timeline of an attempt's cluster from the engine's watch: each Kubernetes Event when
 * first seen and when its count rises, pod READY/STATUS changes, node STATUS changes, and (fed by the
 * session) objective, guard-rail and solved changes. Times are virtual ms since the attempt started.
 */
export class TimelineRecorder {
  private constructor(
    private readonly cluster: Cluster,
    private readonly startMs: number,
    private readonly s: TimelineState,
    watch = true,
  ) {
    if (watch) cluster.watch((event) => this.observe(event));
  }

  /**
   * A fresh attempt: what the warm-up left behind is the first page of the timeline — its Events at the
   * times they were first seen (before 0), every pod and node as they are at 0.
   */
  static start(cluster: Cluster, startMs: number, state: TimelineState = emptyState()): TimelineRecorder {
    const recorder = new TimelineRecorder(cluster, startMs, state);
    recorder.recordAll();
    return recorder;
  }

  /**
   * The first page `start` records on a cluster that is exactly the warm-up `warmUp` names (any object that
   * identifies it): the same for every attempt on it, so recorded once, frozen, and shared. `cluster` is asked
   * for only when the page is not recorded yet.
   */
  static firstPage(cluster: () => Cluster, startMs: number, warmUp: object): TimelineState {
    let first = firstPages.get(warmUp);
    if (!first) {
      const probe = new TimelineRecorder(cluster(), startMs, emptyState(), false);
      probe.recordAll();
      first = deepFreeze(probe.s);
      firstPages.set(warmUp, first);
    }
    return first;
  }

  /** Like `start`, on the cluster `first` (see `firstPage`) was recorded from: its entries are shared, not copied. */
  static startFromFirstPage(cluster: Cluster, startMs: number, first: TimelineState): TimelineRecorder {
    const own: TimelineState = { ...first, pending: first.pending.slice(), events: { ...first.events }, pods: { ...first.pods }, nodes: { ...first.nodes }, objectives: { ...first.objectives } };
    return new TimelineRecorder(cluster, startMs, own);
  }

  private recordAll(): void {
    const events = this.cluster.api.list<KubeEvent>('Event').slice().sort((a, b) => firstSeenMs(a) - firstSeenMs(b));
    for (const e of events) this.recordEvent(e, firstSeenMs(e) - this.startMs);
    for (const node of this.cluster.api.list<Node>('Node')) this.observe({ type: 'ADDED', object: node });
    for (const pod of this.cluster.api.list<Pod>('Pod')) this.observe({ type: 'ADDED', object: pod });
  }

  /** A restored session: `state` comes from its snapshot (or, from an older snapshot, the cluster as it is, silently). */
  static restore(cluster: Cluster, startMs: number, state: TimelineState | undefined): TimelineRecorder {
    return new TimelineRecorder(cluster, startMs, state ?? silentState(cluster));
  }

  get state(): TimelineState {
    return this.s;
  }

  since(cursor: number): TimelineEntry[] {
    if (this.s.seq < cursor) this.s.seq = cursor;
    this.s.pending = this.s.pending.filter((e) => e.seq > cursor);
    const out = this.s.pending.map((e) => ({ ...e }));
    if (out.length > 0) this.s.handedOut = Math.max(this.s.handedOut, out[out.length - 1].seq);
    return out;
  }

  /** What `since(cursor)` would say is the last `seq`, without the copies; entries up to it are handed out (never changed in place). */
  lastSeq(cursor: number): number {
    if (this.s.seq < cursor) this.s.seq = cursor;
    const last = this.s.pending[this.s.pending.length - 1];
    if (!last || last.seq <= cursor) return cursor;
    this.s.handedOut = Math.max(this.s.handedOut, last.seq);
    return last.seq;
  }

  /** The session's objectives after a check: records those whose met state changed. */
  objectives(results: ObjectiveProgress[]): void {
    for (const o of results) {
      if (this.s.objectives[o.id] === o.met) continue;
      this.s.objectives[o.id] = o.met;
      this.add({ kind: 'objective', atMs: this.nowMs(), id: o.id, description: o.description, met: o.met });
    }
  }

  guardRailBroken(id: string, description: string, penalty: number): void {
    this.add({ kind: 'guard-rail', atMs: this.nowMs(), id, description, penalty });
  }

  solved(solvedAtMs: number): void {
    this.add({ kind: 'solved', atMs: this.nowMs(), solvedAtMs: solvedAtMs - this.startMs });
  }

  private observe(event: WatchEvent): void {
    switch (event.object.kind) {
      case 'Event':
        if (event.type === 'DELETED') delete this.s.events[keyOf(event.object)];
        else this.recordEvent(event.object as KubeEvent, this.nowMs());
        return;
      case 'Pod':
        this.recordPod(event.object as Pod, event.type === 'DELETED');
        return;
      case 'Node':
        this.recordNode(event.object as Node, event.type === 'DELETED');
        return;
      default:
        return;
    }
  }

  private recordEvent(e: KubeEvent, atMs: number): void {
    const key = keyOf(e);
    const count = eventCount(e);
    const recorded = this.s.events[key];
    if (recorded !== undefined && count <= recorded) return;
    this.s.events[key] = count;
    const lastSeenMs = lastSeen(e) - this.startMs;
    // A rise of a count not handed out yet updates that record instead of adding one. Only a key recorded
    // before can have one: a new key skips the scan (a fresh start records hundreds of warm-up Events).
    const at = recorded === undefined ? -1 : this.s.pending.findIndex((p) => p.kind === 'event' && p.key === key && p.seq > this.s.handedOut);
    if (at >= 0) {
      // A new record in its place: entries of a shared first page are frozen.
      this.s.pending[at] = { ...(this.s.pending[at] as TimelineEventEntry), count, lastSeenMs };
      return;
    }
    const namespace = e.involvedObject?.namespace;
    this.add({
      kind: 'event',
      atMs,
      key,
      type: e.type,
      reason: e.reason,
      object: eventObject(e),
      ...(namespace ? { namespace } : {}),
      message: e.message,
      count,
      lastSeenMs,
    });
  }

  private recordPod(pod: Pod, deleted: boolean): void {
    const key = keyOf(pod);
    const { status, ready, summary } = podColumns(pod, this.cluster.nowMs());
    if (deleted) delete this.s.pods[key];
    else if (this.s.pods[key] === summary) return;
    else this.s.pods[key] = summary;
    const namespace = pod.metadata.namespace ?? 'default';
    this.add({ kind: 'pod', atMs: this.nowMs(), object: `pod/${pod.metadata.name}`, namespace, status, ready, ...(deleted ? { deleted: true as const } : {}) });
  }

  private recordNode(node: Node, deleted: boolean): void {
    const name = node.metadata.name;
    const status = nodeStatus(node);
    if (deleted) delete this.s.nodes[name];
    else if (this.s.nodes[name] === status) return;
    else this.s.nodes[name] = status;
    this.add({ kind: 'node', atMs: this.nowMs(), object: `node/${name}`, status, ...(deleted ? { deleted: true as const } : {}) });
  }

  private add(entry: NewEntry): void {
    this.s.pending.push({ ...entry, seq: ++this.s.seq } as TimelineEntry);
    if (this.s.pending.length > MAX_PENDING) this.s.pending.splice(0, this.s.pending.length - MAX_PENDING);
  }

  private nowMs(): number {
    return this.cluster.nowMs() - this.startMs;
  }
}

/** Each warm-up's first page of the timeline, frozen: its entries are shared by every attempt's state. */
const firstPages = new WeakMap<object, TimelineState>();

function emptyState(): TimelineState {
  return { seq: 0, pending: [], handedOut: 0, events: {}, pods: {}, nodes: {}, objectives: {} };
}

/** What a session restored from a snapshot without a timeline already knows: nothing new to record. */
function silentState(cluster: Cluster): TimelineState {
  const state = emptyState();
  for (const e of cluster.api.list<KubeEvent>('Event')) state.events[keyOf(e)] = eventCount(e);
  for (const pod of cluster.api.list<Pod>('Pod')) state.pods[keyOf(pod)] = podColumns(pod, cluster.nowMs()).summary;
  for (const node of cluster.api.list<Node>('Node')) state.nodes[node.metadata.name] = nodeStatus(node);
  return state;
}

/** A (deduplicated) Event's occurrences so far. */
function eventCount(e: KubeEvent): number {
  return e.series?.count ?? e.count ?? 1;
}

/** A pod's STATUS and READY columns, and `STATUS READY` as the state records it. */
function podColumns(pod: Pod, nowMs: number): { status: string; ready: string; summary: string } {
  const { reason: status, ready } = summarizePod(pod, { nowMs });
  return { status, ready, summary: `${status} ${ready}` };
}

function keyOf(obj: KubeObject): string {
  return `${obj.metadata.namespace ?? ''}/${obj.metadata.name}`;
}

function firstSeenMs(e: KubeEvent): number {
  return Date.parse(e.firstTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp ?? '');
}

function lastSeen(e: KubeEvent): number {
  return Date.parse(e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp ?? '');
}
