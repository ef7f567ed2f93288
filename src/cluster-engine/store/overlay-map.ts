/** Marks a base key deleted in the overlay. */
const GONE: unique symbol = Symbol('gone');

/**
 * A map over a shared, read-only base map: reads fall through to the base, writes (and deletes, as
 * tombstones) go to the map's own entries. Many clusters started from one warm-up share what it holds or
 * derived (the base is never written to), so each pays only for what it changed.
 */
export class OverlayMap<K, V> {
  private readonly own = new Map<K, V | typeof GONE>();

  constructor(private readonly base?: ReadonlyMap<K, V>) {}

  get(key: K): V | undefined {
    const v = this.own.get(key);
    if (v === GONE) return undefined;
    // Own entries never hold undefined: a miss reads through.
    if (v !== undefined || !this.base) return v;
    return this.base.get(key);
  }

  has(key: K): boolean {
    if (this.own.has(key)) return this.own.get(key) !== GONE;
    return !!this.base?.has(key);
  }

  set(key: K, value: V): this {
    this.own.set(key, value);
    return this;
  }

  delete(key: K): boolean {
    const had = this.has(key);
    if (this.base?.has(key)) this.own.set(key, GONE);
    else this.own.delete(key);
    return had;
  }

  /** Every entry: the base's (where not overridden) first, then the own ones. A copy: changing the map during the walk is safe. */
  entries(): Array<[K, V]> {
    const out: Array<[K, V]> = [];
    if (this.base) for (const [k, v] of this.base) if (!this.own.has(k)) out.push([k, v]);
    for (const [k, v] of this.own) if (v !== GONE) out.push([k, v]);
    return out;
  }

  values(): V[] {
    const out: V[] = [];
    if (this.base) for (const [k, v] of this.base) if (!this.own.has(k)) out.push(v);
    for (const v of this.own.values()) if (v !== GONE) out.push(v);
    return out;
  }

  /** Whether `key` still reads through to the shared base (its value must then not be mutated). */
  isShared(key: K): boolean {
    return !this.own.has(key) && !!this.base?.has(key);
  }
}
