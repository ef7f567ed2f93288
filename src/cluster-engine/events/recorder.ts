import { KubeEvent, KubeObject } from '../api/types';
import { ObjectStore } from '../store/store';
import { VirtualClock } from '../clock';
import { AggregatorSeed, COMBINED_PREFIX, EventAggregator, combinedKey } from './aggregator';
import { OverlayMap } from '../store/overlay-map';

export interface EventSource {
  component: string;
  host?: string;
}

export interface EventInput {
  object: KubeObject | { kind: string; apiVersion?: string; metadata: { name: string; namespace?: string; uid?: string; resourceVersion?: string } };
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  source: EventSource;
  /** e.g. `spec.containers{app}` for container events */
  fieldPath?: string;
  /** Events written through events.k8s.io (the scheduler's): eventTime and series instead of timestamps. */
  eventsApi?: { action: string };
}

const TTL_MS = 60 * 60 * 1000;

/**
 * Records Events as client-go's recorder does: an identical event (same source, object, type, reason and
 * message) bumps `count` and `lastTimestamp` instead of creating a new object. Names are
 * `<object>.<hex UnixNano>`, so `kubectl get events` lists them grouped by object.
 */
export class EventRecorder {
  /** Dedup key → the Event's `namespace/name`. */
  private readonly byKey: OverlayMap<string, string>;
  private readonly aggregator: EventAggregator;
  private lastNano = 0n;

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: VirtualClock,
  ) {
    // A store that holds a shared warm-up as it is shares the index derived from it (built once per warm-up).
    const data = store.pristineBase();
    const seed = data ? (seeds.get(data) ?? seeds.set(data, seedFrom(store)).get(data)!) : seedFrom(store);
    this.byKey = new OverlayMap(seed.byKey);
    this.aggregator = new EventAggregator(seed.aggregator);
  }

  record(input: EventInput): void {
    const o = input.object;
    const namespace = o.metadata.namespace ?? 'default';
    const now = this.clock.nowIso();
    const draft: KubeEvent = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: '', namespace },
      involvedObject: {
        kind: o.kind,
        namespace: o.metadata.namespace,
        name: o.metadata.name,
        uid: o.metadata.uid ?? o.metadata.name,
        apiVersion: o.apiVersion ?? 'v1',
        resourceVersion: o.metadata.resourceVersion,
        ...(input.fieldPath ? { fieldPath: input.fieldPath } : {}),
      },
      reason: input.reason,
      message: input.message,
      source: input.eventsApi ? {} : { component: input.source.component, ...(input.source.host ? { host: input.source.host } : {}) },
      firstTimestamp: input.eventsApi ? null : now,
      lastTimestamp: input.eventsApi ? null : now,
      eventTime: input.eventsApi ? this.clock.nowMicroIso() : null,
      count: input.eventsApi ? undefined : 1,
      type: input.type,
      ...(input.eventsApi ? { action: input.eventsApi.action } : {}),
      reportingComponent: input.eventsApi ? input.source.component : input.source.component,
      reportingInstance: input.source.host ?? (input.eventsApi ? `${input.source.component}-control-plane` : ''),
    };
    if (!draft.involvedObject.namespace) delete draft.involvedObject.namespace;
    if (draft.count === undefined) delete draft.count;
    let key = dedupKey(draft);
    // core/v1 events go through the correlator's aggregator; events.k8s.io ones (the scheduler's) do not.
    if (!input.eventsApi) {
      const agg = this.aggregator.aggregate(draft, this.clock.nowMs(), key);
      draft.message = agg.message;
      key = agg.key;
    }
    const existingName = this.byKey.get(key);
    if (existingName) {
      const [ns, name] = existingName.split('/');
      const existing = this.store.get('Event', ns, name) as KubeEvent | undefined;
      if (existing) {
        if (input.eventsApi) {
          existing.series = { count: (existing.series?.count ?? 1) + 1, lastObservedTime: this.clock.nowMicroIso() };
        } else {
          existing.count = (existing.count ?? 1) + 1;
          existing.lastTimestamp = now;
          existing.message = draft.message;
        }
        this.store.update(existing);
        return;
      }
    }
    do draft.metadata.name = `${o.metadata.name}.${this.nextNanoHex()}`;
    while (this.store.peek('Event', namespace, draft.metadata.name));
    draft.metadata.creationTimestamp = now;
    this.store.create(draft);
    this.byKey.set(key, `${namespace}/${draft.metadata.name}`);
  }

  /** Drops events whose last occurrence is older than the API server's event TTL (1 h). */
  expire(): void {
    const cutoff = this.clock.nowMs() - TTL_MS;
    this.aggregator.prune(this.clock.nowMs());
    for (const e of this.store.scan('Event') as KubeEvent[]) {
      const last = Date.parse(e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp ?? '');
      if (last < cutoff) {
        this.byKey.delete(recordedKey(e));
        this.store.remove('Event', e.metadata.namespace, e.metadata.name);
      }
    }
  }

  private nextNanoHex(): string {
    let nano = BigInt(this.clock.nowMs()) * 1_000_000n;
    if (nano <= this.lastNano) nano = this.lastNano + 1n;
    this.lastNano = nano;
    return nano.toString(16);
  }
}

interface RecorderSeed {
  byKey: ReadonlyMap<string, string>;
  aggregator: AggregatorSeed;
}

const seeds = new WeakMap<object, RecorderSeed>();

/** What the recorder knows from the Events on record (a restored cluster's recorder starts with them). */
function seedFrom(store: ObjectStore): RecorderSeed {
  const byKey = new Map<string, string>();
  const aggregator = new EventAggregator();
  for (const e of store.scan('Event') as KubeEvent[]) {
    byKey.set(recordedKey(e), `${e.metadata.namespace}/${e.metadata.name}`);
    if (!e.eventTime) aggregator.seed(e, Date.parse(e.lastTimestamp ?? e.metadata.creationTimestamp ?? ''));
  }
  return { byKey, aggregator: aggregator.seedState() };
}

/** The key an Event on record was recorded under: its group's combined key, or its own dedup key. */
function recordedKey(e: KubeEvent): string {
  return e.message.startsWith(COMBINED_PREFIX) ? combinedKey(e) : dedupKey(e);
}

function dedupKey(e: KubeEvent): string {
  const io = e.involvedObject;
  return [e.reportingComponent, e.source.host ?? '', io.kind, io.namespace ?? '', io.name, io.uid ?? '', io.fieldPath ?? '', e.type, e.reason, e.message].join('\u0000');
}
