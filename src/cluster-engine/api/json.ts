/** JSON with object keys sorted, so key order never counts as a difference. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * `stableJson(a) === stableJson(b)` without building the strings: JSON equality with key order ignored,
 * keys holding undefined, functions or symbols left out, and those values as null inside arrays.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const objA = typeof a === 'object' && a !== null;
  const objB = typeof b === 'object' && b !== null;
  if (!objA && !objB) return JSON.stringify(a) === JSON.stringify(b);
  if (hasToJson(a) || hasToJson(b)) return stableJson(a) === stableJson(b);
  if (objA !== objB) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(inArray(a[i]), inArray(b[i]))) return false;
    return true;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let count = 0;
  for (const k of Object.keys(ra)) {
    const v = ra[k];
    if (omitted(v)) continue;
    count++;
    const w = Object.prototype.propertyIsEnumerable.call(rb, k) ? rb[k] : undefined;
    if (omitted(w) || !sameJson(v, w)) return false;
  }
  for (const k of Object.keys(rb)) if (!omitted(rb[k])) count--;
  return count === 0;
}

function omitted(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

function inArray(v: unknown): unknown {
  return omitted(v) ? null : v;
}

function hasToJson(v: unknown): boolean {
  return typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function';
}

/** Freezes a JSON-like value and everything it holds, so it can be shared between clusters and attempts. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
