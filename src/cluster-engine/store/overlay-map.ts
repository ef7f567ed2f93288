/**
 * A map over a shared, read-only base map: reads fall through to the base, writes go to the map's own
 * entries. Many clusters started from one warm-up share the index it derived (the base is never written
 * to), so each pays only for what it changed. The first delete of a base key copies the base's remaining
 * entries in and lets go of the base, since a tombstone per key would cost as much.
 */
export class OverlayMap<K, V> {
  private own = new Map<K, V>();

  constructor(private base?: ReadonlyMap<K, V>) {}

  get(key: K): V | undefined {
    const v = this.own.get(key);
    if (v !== undefined || !this.base || this.own.has(key)) return v;
    return this.base.get(key);
  }

  has(key: K): boolean {
    return this.own.has(key) || !!this.base?.has(key);
  }

  set(key: K, value: V): this {
    this.own.set(key, value);
    return this;
  }

  delete(key: K): boolean {
    if (this.base?.has(key)) this.detach();
    return this.own.delete(key);
  }

  get size(): number {
    if (!this.base) return this.own.size;
    let n = this.base.size;
    for (const k of this.own.keys()) if (!this.base.has(k)) n++;
    return n;
  }

  /** Every entry (a copy of the list: deleting during the walk is safe). */
  entries(): Array<[K, V]> {
    const out: Array<[K, V]> = [];
    if (this.base) for (const [k, v] of this.base) if (!this.own.has(k)) out.push([k, v]);
    for (const e of this.own) out.push(e);
    return out;
  }

  /** Whether `key` still reads through to the shared base (its value must then not be mutated). */
  isShared(key: K): boolean {
    return !this.own.has(key) && !!this.base?.has(key);
  }

  private detach(): void {
    const base = this.base!;
    this.base = undefined;
    const own = new Map(base);
    for (const [k, v] of this.own) own.set(k, v);
    this.own = own;
  }
}
