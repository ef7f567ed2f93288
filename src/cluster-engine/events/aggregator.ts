import { KubeEvent } from '../api/types';
import { OverlayMap } from '../store/overlay-map';

/** client-go `EventAggregator` defaults: 10 distinct messages within 600 s are combined. */
export const MAX_SIMILAR_EVENTS = 10;
export const AGGREGATE_WINDOW_MS = 600_000;
export const COMBINED_PREFIX = '(combined from similar events): ';

interface Similar {
  messages: string[];
  lastMs: number;
}

/** The groups an aggregator was seeded with, shared read-only by aggregators started from them. */
export type AggregatorSeed = ReadonlyMap<string, Readonly<Similar>>;

/**
 * client-go's `EventAggregator`: events alike but for the message (same source, object, type and reason)
 * are counted by distinct message; from the 10th distinct message within 10 minutes on, the event is
 * recorded as one "(combined from similar events): <latest message>" event whose count grows.
 */
export class EventAggregator {
  private readonly similar: OverlayMap<string, Similar>;

  /** `seed`'s groups are read through, never written: a group is copied before it changes. */
  constructor(seed?: AggregatorSeed) {
    this.similar = new OverlayMap(seed as ReadonlyMap<string, Similar> | undefined);
  }

  /** The groups so far, for other aggregators to start from (see the constructor); this one must not seed() any more. */
  seedState(): AggregatorSeed {
    return new Map(this.similar.entries().map(([k, s]) => [k, Object.freeze({ messages: Object.freeze([...s.messages]) as string[], lastMs: s.lastMs })]));
  }

  /** Rebuilds the window from stored events (a restored cluster's recorder starts with what is on record). */
  seed(e: KubeEvent, lastMs: number): void {
    if (e.message.startsWith(COMBINED_PREFIX)) return;
    const key = aggregateKey(e);
    const s = this.similar.get(key) ?? { messages: [], lastMs };
    if (!s.messages.includes(e.message) && s.messages.length < MAX_SIMILAR_EVENTS - 1) s.messages.push(e.message);
    s.lastMs = Math.max(s.lastMs, lastMs);
    this.similar.set(key, s);
  }

  /** Forgets groups whose window has passed (the real one is an LRU cache of 4096 groups). */
  prune(nowMs: number): void {
    for (const [k, s] of this.similar.entries()) if (s.lastMs + AGGREGATE_WINDOW_MS < nowMs) this.similar.delete(k);
  }

  /** Returns the message to record and the dedup key to record it under. */
  aggregate(e: KubeEvent, nowMs: number, dedupKey: string): { message: string; key: string } {
    const key = aggregateKey(e);
    let s = this.similar.get(key);
    if (!s || s.lastMs + AGGREGATE_WINDOW_MS < nowMs) s = { messages: [], lastMs: nowMs };
    else if (this.similar.isShared(key)) s = { messages: [...s.messages], lastMs: s.lastMs };
    s.lastMs = nowMs;
    this.similar.set(key, s);
    if (!s.messages.includes(e.message)) s.messages.push(e.message);
    if (s.messages.length < MAX_SIMILAR_EVENTS) return { message: e.message, key: dedupKey };
    // The set never grows past the limit: one message makes room for the next distinct one.
    s.messages.shift();
    return { message: `${COMBINED_PREFIX}${e.message}`, key: combinedKeyOf(key) };
  }
}

/** The recorder's dedup key of a group's combined event (one per group, whatever its latest message). */
export function combinedKey(e: KubeEvent): string {
  return combinedKeyOf(aggregateKey(e));
}

function combinedKeyOf(aggregate: string): string {
  return `aggregate\u0000${aggregate}`;
}

/** `getSpamKey`-like aggregate key: everything but the message (and the sub-object). */
export function aggregateKey(e: KubeEvent): string {
  const io = e.involvedObject;
  return [e.source.component ?? '', e.source.host ?? '', io.kind, io.namespace ?? '', io.name, io.uid ?? '', io.apiVersion ?? '', e.type, e.reason, e.reportingComponent ?? '', e.reportingInstance ?? ''].join('\u0000');
}
