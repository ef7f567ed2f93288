/** Objects with keys sorted at every level: kubectl prints unstructured maps, whose keys Go sorts. */
export function sortKeysDeep<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortKeysDeep) as T;
  if (value && typeof value === 'object') {
    const src = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(src)
        .filter((k) => src[k] !== undefined)
        .sort()
        .map((k) => [k, sortKeysDeep(src[k])]),
    ) as T;
  }
  return value;
}
