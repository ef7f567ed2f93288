import { MERGE_KEYS } from './merge';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A two-way strategic merge patch (what `kubectl edit` sends: the change from `before` to `after`) applied
 * to `live`: fields the edit did not touch keep their live value, so concurrent changes survive; lists of
 * named things merge by their key, other lists are replaced when changed.
 */
export function applyTwoWay(live: unknown, before: unknown, after: unknown, field = ''): unknown {
  if (same(before, after)) return live;
  if (isObj(after) && isObj(before)) {
    const out: Obj = isObj(live) ? { ...live } : {};
    for (const k of Object.keys(before)) if (!(k in after)) delete out[k];
    for (const [k, v] of Object.entries(after)) out[k] = applyTwoWay(out[k], before[k], v, k);
    return out;
  }
  const key = MERGE_KEYS[field];
  if (key && Array.isArray(after) && Array.isArray(before) && [...after, ...before].every(isObj)) {
    const liveItems = Array.isArray(live) ? live.filter(isObj) : [];
    const find = (items: unknown[], id: unknown) => items.find((i) => isObj(i) && i[key] === id) as Obj | undefined;
    const merged = (after as Obj[]).map((a) => {
      const b = find(before, a[key]);
      const l = find(liveItems, a[key]);
      return b && l ? applyTwoWay(l, b, a) : a;
    });
    // Items added on the server meanwhile stay; ones the edit removed go.
    const kept = liveItems.filter((l) => !find(after, l[key]) && !find(before, l[key]));
    return [...merged, ...kept];
  }
  return after;
}
