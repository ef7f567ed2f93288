/** The fields that differ between two objects, as a JSON merge patch (`null` for removed keys); for error text. */
export function diffPatch(from: unknown, to: unknown): unknown {
  const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!isObj(from) || !isObj(to)) return to;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(to)) {
    if (JSON.stringify(from[k]) === JSON.stringify(to[k])) continue;
    out[k] = isObj(from[k]) && isObj(to[k]) ? diffPatch(from[k], to[k]) : to[k];
  }
  for (const k of Object.keys(from)) if (!(k in to)) out[k] = null;
  return out;
}
