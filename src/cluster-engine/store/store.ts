import { KubeObject, WatchEvent, WatchEventType } from '../api/types';
import { alreadyExists, conflict, notFound } from '../api/errors';
import { stableJson } from '../api/json';

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
  private readonly objects = new Map<string, KubeObject>();
  private readonly listeners = new Set<WatchListener>();

  constructor(private revision = 0) {}

  get resourceVersion(): string {
    return String(this.revision);
  }

  get(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const obj = this.objects.get(objectKey(kind, namespace, name));
    return obj && structuredClone(obj);
  }

  /** Read-only view without copying, for hot loops inside the engine. Callers must not mutate it. */
  peek(kind: string, namespace: string | undefined, name: string): Readonly<KubeObject> | undefined {
    return this.objects.get(objectKey(kind, namespace, name));
  }

  /** Objects of a kind (optionally one namespace), in etcd key order: by namespace, then name. */
  list(kind: string, namespace?: string): KubeObject[] {
    return this.scan(kind, namespace).map((o) => structuredClone(o));
  }

  /** Like `list`, without copies. Callers must not mutate the results. */
  scan(kind: string, namespace?: string): ReadonlyArray<Readonly<KubeObject>> {
    const prefix = namespace === undefined ? `${kind}/` : `${kind}/${namespace}/`;
    const out: KubeObject[] = [];
    for (const [key, obj] of this.objects) if (key.startsWith(prefix)) out.push(obj);
    return out.sort(compareByKey);
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
    if (sameJson(next, current)) return structuredClone(current);
    return this.commit('MODIFIED', key, next);
  }

  remove(kind: string, namespace: string | undefined, name: string): KubeObject {
    const key = objectKey(kind, namespace, name);
    const current = this.objects.get(key);
    if (!current) throw notFound(kind, name);
    this.objects.delete(key);
    this.revision++;
    const gone = { ...current, metadata: { ...current.metadata, resourceVersion: String(this.revision) } };
    this.emit('DELETED', gone);
    return structuredClone(gone);
  }

  watch(listener: WatchListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every object, for snapshots. */
  dump(): { revision: number; objects: KubeObject[] } {
    return { revision: this.revision, objects: [...this.objects.values()].map((o) => structuredClone(o)) };
  }

  static load(data: { revision: number; objects: KubeObject[] }): ObjectStore {
    const store = new ObjectStore(data.revision);
    for (const o of data.objects) store.objects.set(keyOf(o), structuredClone(o));
    return store;
  }

  private commit(type: WatchEventType, key: string, obj: KubeObject): KubeObject {
    this.revision++;
    const stored = structuredClone(obj);
    stored.metadata.resourceVersion = String(this.revision);
    this.objects.set(key, stored);
    this.emit(type, stored);
    return structuredClone(stored);
  }

  private emit(type: WatchEventType, obj: KubeObject): void {
    if (this.listeners.size === 0) return;
    for (const l of this.listeners) l({ type, object: structuredClone(obj) });
  }
}

function compareByKey(a: KubeObject, b: KubeObject): number {
  const na = a.metadata.namespace ?? '';
  const nb = b.metadata.namespace ?? '';
  if (na !== nb) return na < nb ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

function sameJson(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}
