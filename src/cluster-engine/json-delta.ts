import { sameJson } from './api/json';

/**
 * How a JSON value differs from a base value, to store a state as its difference from a shared one.
 * `s`: replaced by this value. Otherwise an object's changes: `p` the changed or new keys, `d` the keys gone,
 * `o` the key order when it is not the natural one (the base's keys that stay, then the new ones) — object key
 * order decides iteration order, so it is kept exactly. `i`: an array of the same length's changed items, by
 * index. Anything else (scalars, arrays of another length) is replaced whole.
 */
export type JsonDelta = { s: unknown } | { i: Record<string, JsonDelta> } | { p?: Record<string, JsonDelta>; d?: string[]; o?: string[] };

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Keys as JSON sees them: those holding undefined are not there. */
const jsonKeys = (o: Obj): string[] => Object.keys(o).filter((k) => o[k] !== undefined);

/** The delta from `base` to `value`, or undefined when they are the same JSON (key order included). */
export function jsonDelta(base: unknown, value: unknown): JsonDelta | undefined {
  if (base === value) return undefined;
  if (Array.isArray(base) && Array.isArray(value) && base.length === value.length) return arrayDelta(base, value);
  if (typeof base === 'string' || typeof value === 'string' || typeof base === 'boolean') return { s: value }; // not ===, so different
  if (!isObject(base) || !isObject(value)) return sameJson(base, value) ? undefined : { s: value };
  const keys = jsonKeys(value);
  const inBase = new Set(jsonKeys(base));
  const p: Record<string, JsonDelta> = Object.create(null);
  let changed = false;
  for (const k of keys) {
    const sub = inBase.has(k) ? jsonDelta(base[k], value[k]) : { s: value[k] };
    if (sub) {
      setKey(p, k, sub);
      changed = true;
    }
  }
  const d = [...inBase].filter((k) => value[k] === undefined);
  const natural = naturalOrder([...inBase], d, keys);
  const reordered = natural.length !== keys.length || natural.some((k, i) => k !== keys[i]);
  if (!changed && d.length === 0 && !reordered) return undefined;
  return { ...(changed ? { p } : {}), ...(d.length ? { d } : {}), ...(reordered ? { o: keys } : {}) };
}

/**
 * `base` with `delta` applied. Unchanged parts are `base`'s own (not copies): copy the result before
 * changing it. Undefined delta: `base` itself.
 */
export function applyJsonDelta(base: unknown, delta: JsonDelta | undefined): unknown {
  if (!delta) return base;
  if ('s' in delta) return delta.s;
  if ('i' in delta) {
    if (!Array.isArray(base)) throw new Error('a JSON delta of an array applied to something else');
    return base.map((item, n) => (Object.prototype.hasOwnProperty.call(delta.i, n) ? applyJsonDelta(item, delta.i[n]) : item));
  }
  if (!isObject(base)) throw new Error('a JSON delta of an object applied to something else');
  const p = delta.p ?? {};
  const baseKeys = jsonKeys(base);
  const order = delta.o ?? naturalOrder(baseKeys, delta.d ?? [], Object.keys(p));
  const out: Obj = {};
  for (const k of order) setKey(out, k, Object.prototype.hasOwnProperty.call(p, k) ? applyJsonDelta(base[k], p[k]) : base[k]);
  return out;
}

/** Item by item; an item JSON leaves as null (undefined, a function) compares as null. */
function arrayDelta(base: unknown[], value: unknown[]): JsonDelta | undefined {
  const i: Record<string, JsonDelta> = {};
  let changed = false;
  for (let n = 0; n < value.length; n++) {
    const sub = jsonDelta(asItem(base[n]), asItem(value[n]));
    if (sub) {
      i[n] = sub;
      changed = true;
    }
  }
  return changed ? { i } : undefined;
}

const asItem = (v: unknown): unknown => (v === undefined || typeof v === 'function' || typeof v === 'symbol' ? null : v);

/** `o[k] = v`, also for a key named `__proto__` (an own property, as JSON.parse makes it). */
function setKey(o: object, k: string, v: unknown): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/** The base's keys that stay, in its order, then the keys it did not have, in `keys`' order. */
function naturalOrder(baseKeys: string[], deleted: string[], keys: string[]): string[] {
  const gone = new Set(deleted);
  const had = new Set(baseKeys);
  return [...baseKeys.filter((k) => !gone.has(k)), ...keys.filter((k) => !had.has(k))];
}
