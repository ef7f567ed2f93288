import { KubeObject, WatchEvent, WatchEventType } from '../api/types';
import { alreadyExists, conflict, notFound } from '../api/errors';
import { sameJson } from '../api/json';
import { OverlayMap } from './overlay-map';
import { JsonDelta, applyJsonDelta, jsonDelta } from '../json-delta';

export type WatchListener = (event: WatchEvent) => void;

/** Key of an object in the store: `Pod/default/web`, `Node//worker-1`. */
export function objectKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}

export function keyOf(obj: KubeObject): string {
  return objectKey(obj.kind, obj.metadata.namespace, obj.metadata.name);
}

/**
 * The versioned object store (etcd's role): one cluster-wide resourceVersion counter, optimistic
 * concurrency on writes that carry a resourceVersion, and watch events for every change.
 * Objects are copied in and out, so no caller can mutate stored state behind the store's back.
 */
export class ObjectStore {
  /** By key; over a shared base (see `share`), the base's objects are read through, not copied in. */
  private readonly objects: OverlayMap<string, KubeObject>;
  /** The same objects by kind, and each kind's objects in key order once a scan has needed it (dropped on every write to the kind). */
  private readonly byKind = new Map<string, KindIndex>();
  private readonly listeners = new Set<WatchListener>();

  /** `base`: the shared data this store starts from (see `share`), also to dump only what differs from it. */
  constructor(
    private revision = 0,
    private readonly base?: StoreBase,
  ) {
    this.objects = new OverlayMap(base?.byKey);
  }

  get resourceVersion(): string {
    return String(this.revision);
  }

  get(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const obj = this.objects.get(objectKey(kind, namespace, name));
    return obj && copyOf(obj);
  }

  /** Read-only view without copying, for hot loops inside the engine. Callers must not mutate it. */
  peek(kind: string, namespace: string | undefined, name: string): Readonly<KubeObject> | undefined {
    return this.objects.get(objectKey(kind, namespace, name));
  }

  /** Objects of a kind (optionally one namespace), in etcd key order: by namespace, then name. */
  list(kind: string, namespace?: string): KubeObject[] {
    return this.scan(kind, namespace).map((o) => copyOf(o));
  }

  /** Like `list`, without copies. Callers must not mutate the results. */
  scan(kind: string, namespace?: string): ReadonlyArray<Readonly<KubeObject>> {
    // A kind not written to since the base reads the base's order (no index of its own needed).
    const index = this.byKind.get(kind);
    const sorted = index ? (index.sorted ??= index.objects.values().sort(compareByKey)) : this.base?.kinds.get(kind)?.sorted;
    if (!sorted) return [];
    if (namespace === undefined) return sorted.slice();
    return sorted.filter((o) => (o.metadata.namespace ?? '') === namespace);
  }

  create(obj: KubeObject): KubeObject {
    const key = keyOf(obj);
    if (this.objects.has(key)) throw alreadyExists(obj.kind, obj.metadata.name);
    return this.commit('ADDED', key, obj);
  }

  /**
   * Replaces an object. A write that carries a resourceVersion must carry the current one (409 otherwise);
   * a write that changes nothing keeps the old resourceVersion and emits no event.
   */
  update(obj: KubeObject): KubeObject {
    const key = keyOf(obj);
    const current = this.objects.get(key);
    if (!current) throw notFound(obj.kind, obj.metadata.name);
    const rv = obj.metadata.resourceVersion;
    if (rv !== undefined && rv !== '' && rv !== current.metadata.resourceVersion) throw conflict(obj.kind, obj.metadata.name);
    const next = { ...obj, metadata: { ...obj.metadata, resourceVersion: current.metadata.resourceVersion } };
    if (sameJson(next, current)) return copyOf(current);
    return this.commit('MODIFIED', key, next);
  }

  remove(kind: string, namespace: string | undefined, name: string): KubeObject {
    const key = objectKey(kind, namespace, name);
    const current = this.objects.get(key);
    if (!current) throw notFound(kind, name);
    this.objects.delete(key);
    this.unindex(kind, key);
    this.revision++;
    const gone = { ...current, metadata: { ...current.metadata, resourceVersion: String(this.revision) } };
    this.emit('DELETED', gone);
    return copyOf(gone);
  }

  watch(listener: WatchListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every object, for snapshots. */
  dump(): { revision: number; objects: KubeObject[] } {
    return { revision: this.revision, objects: this.objects.values().map((o) => copyOf(o)) };
  }

  /**
   * Like `dump`, against the data the store was shared from: the objects that are not the base's own (new
   * or written since) and the keys of base objects gone since. Undefined for a store without a base.
   */
  dumpAgainstBase(): StoreDelta | undefined {
    if (!this.base) return undefined;
    const byKey = this.base.byKey;
    const objects: KubeObject[] = [];
    const changed: Record<string, JsonDelta> = {};
    for (const [key, obj] of this.objects.entries()) {
      const was = byKey.get(key);
      if (was === obj) continue;
      // A base object written since is mostly as it was (a heartbeat, a count): its delta is enough.
      if (was) changed[key] = copyOf(jsonDelta(was, obj) ?? {});
      else objects.push(copyOf(obj));
    }
    const removed: string[] = [];
    for (const key of byKey.keys()) if (!this.objects.has(key)) removed.push(key);
    return { revision: this.revision, objects, ...(Object.keys(changed).length ? { changed } : {}), removed };
  }

  /** Whether this store was shared from `data` (so a dump against its base is a dump against `data`). */
  sharedFrom(data: object): boolean {
    return this.base?.data === data;
  }

  /** `data` if the store holds exactly what it was shared from (nothing written since), for indexes derived from it. */
  pristineBase(): object | undefined {
    return this.base && this.revision === this.base.revision ? this.base.data : undefined;
  }

  static load(data: { revision: number; objects: KubeObject[] }): ObjectStore {
    const store = new ObjectStore(data.revision);
    for (const o of data.objects) store.put(keyOf(o), internedCopy(o));
    return store;
  }

  /**
   * A store over `data`'s objects as they are, without copies: a warm start shares one deep-frozen set of
   * objects between many clusters. That is safe because the store never writes into a stored object
   * (a write stores a new one), and callers of peek()/scan() must not mutate what they get.
   */
  static share(data: { revision: number; objects: readonly KubeObject[] }): ObjectStore {
    return new ObjectStore(data.revision, baseOf(data));
  }

  /** A store from a `dumpAgainstBase` of a store shared from `data`: the base's objects shared, the rest copied in. */
  static overBase(data: { revision: number; objects: readonly KubeObject[] }, delta: StoreDelta): ObjectStore {
    const store = new ObjectStore(delta.revision, baseOf(data));
    for (const key of delta.removed) {
      const gone = store.objects.get(key);
      if (!gone) continue;
      store.objects.delete(key);
      store.unindex(gone.kind, key);
    }
    for (const [key, d] of Object.entries(delta.changed ?? {})) {
      const was = store.base!.byKey.get(key);
      if (!was) throw new Error(`the snapshot changes ${key}, which its base does not have`);
      store.put(key, internedCopy(applyJsonDelta(was, d) as KubeObject));
    }
    for (const o of delta.objects) store.put(keyOf(o), internedCopy(o));
    return store;
  }

  private commit(type: WatchEventType, key: string, obj: KubeObject): KubeObject {
    this.revision++;
    const stored = internedCopy(obj);
    stored.metadata.resourceVersion = String(this.revision);
    this.put(key, stored);
    this.emit(type, stored);
    return copyOf(stored);
  }

  private put(rawKey: string, obj: KubeObject): void {
    const key = intern(rawKey);
    this.objects.set(key, obj);
    let index = this.kindIndex(obj.kind);
    if (!index) this.byKind.set(obj.kind, (index = { objects: new OverlayMap() }));
    index.objects.set(key, obj);
    index.sorted = undefined;
  }

  private unindex(kind: string, key: string): void {
    const index = this.kindIndex(kind);
    if (!index) return;
    index.objects.delete(key);
    index.sorted = undefined;
  }

  /** A kind's index; over a base, made on first use, reading through the base's. */
  private kindIndex(kind: string): KindIndex | undefined {
    const index = this.byKind.get(kind);
    if (index || !this.base) return index;
    const shared = this.base.kinds.get(kind);
    if (!shared) return undefined;
    const own = { objects: new OverlayMap(shared.objects), sorted: shared.sorted };
    this.byKind.set(kind, own);
    return own;
  }

  private emit(type: WatchEventType, obj: KubeObject): void {
    if (this.listeners.size === 0) return;
    for (const l of this.listeners) l({ type, object: copyOf(obj) });
  }
}

/** What `dumpAgainstBase` returns. */
export interface StoreDelta {
  revision: number;
  /** Objects the base does not have (under their key). */
  objects: KubeObject[];
  /** Base objects written since, as their deltas from the base's, by key (`objectKey`); absent in older deltas. */
  changed?: Record<string, JsonDelta>;
  /** Keys (`objectKey`) of base objects that are gone. */
  removed: string[];
}

interface KindIndex {
  objects: OverlayMap<string, KubeObject>;
  sorted?: KubeObject[];
}

interface StoreBase {
  data: object;
  revision: number;
  byKey: ReadonlyMap<string, KubeObject>;
  /** Each kind's objects by key and in key order (never written to: a store's own index reads through them). */
  kinds: ReadonlyMap<string, { objects: ReadonlyMap<string, KubeObject>; sorted: KubeObject[] }>;
}

/** One key index per shared data set, for every store shared from it. */
const bases = new WeakMap<object, StoreBase>();

function baseOf(data: { revision: number; objects: readonly KubeObject[] }): StoreBase {
  let base = bases.get(data);
  if (!base) {
    const byKey = new Map(data.objects.map((o) => [intern(keyOf(o)), o]));
    const kinds = new Map<string, { objects: Map<string, KubeObject>; sorted: KubeObject[] }>();
    for (const [key, o] of byKey) {
      let kind = kinds.get(o.kind);
      if (!kind) kinds.set(o.kind, (kind = { objects: new Map(), sorted: [] }));
      kind.objects.set(key, o);
      kind.sorted.push(o);
    }
    for (const kind of kinds.values()) kind.sorted.sort(compareByKey);
    base = { data, revision: data.revision, byKey, kinds };
    bases.set(data, base);
  }
  return base;
}

/**
 * A deep copy of stored API data, several times faster than structuredClone for plain JSON-like objects
 * (keys holding undefined are kept, as structuredClone keeps them). Anything else (Date, Map, …) goes
 * through structuredClone.
 */
export function copyOf<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) if (i in value) out[i] = copyOf(value[i]);
    return out as T;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) {
    const v = copyOf((value as Record<string, unknown>)[k]);
    if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    else out[k] = v;
  }
  return out as T;
}

/**
 * Stored objects hold each string value once per process: most values ("True", timestamps, image names,
 * the same manifest's fields in every cluster) repeat across objects, versions and clusters. Strings are
 * immutable, so sharing them changes nothing but the heap. Bounded: cleared when full (sharing restarts).
 */
const interned = new Map<string, string>();
const MAX_INTERNED = 200_000;

function intern(value: string): string {
  const known = interned.get(value);
  if (known !== undefined) return known;
  if (interned.size >= MAX_INTERNED) interned.clear();
  // A property name is a flat, internalized string: keep that, not a concatenation's rope.
  const flat = Object.keys({ [value]: 0 })[0] ?? value;
  interned.set(flat, flat);
  return flat;
}

/** `copyOf` whose string values are interned (for what the store keeps). */
function internedCopy<T>(value: T): T {
  if (typeof value === 'string') return intern(value) as T;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) if (i in value) out[i] = internedCopy(value[i]);
    return out as T;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) {
    const v = internedCopy((value as Record<string, unknown>)[k]);
    if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    else out[k] = v;
  }
  return out as T;
}

function compareByKey(a: KubeObject, b: KubeObject): number {
  const na = a.metadata.namespace ?? '';
  const nb = b.metadata.namespace ?? '';
  if (na !== nb) return na < nb ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}
