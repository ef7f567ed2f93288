import { badRequest } from '../errors';
import { PATCH_DIRECTIVES } from './directives.generated';

/**
 * The API server's strategic merge patch applier (`application/strategic-merge-patch+json`), driven by the
 * patch directives of the 1.32 types (`x-kubernetes-patch-strategy` / `-merge-key` in the OpenAPI, see
 * directives.generated.ts): lists of named things merge by their key, `finalizers` merge as sets, every
 * other list is replaced.
 * Supports `$patch: replace|delete|merge`, `$retainKeys`, `$setElementOrder/<list>` and
 * `$deleteFromPrimitiveList/<list>`.
 */
type Json = unknown;
type Obj = Record<string, Json>;

const isObj = (v: Json): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * How a list field merges: by a key (containers by `name`), as a set of scalars (`finalizers`), or not at
 * all (replaced). From the OpenAPI directives of the kind (generated), by the field's path.
 */
function listRule(kind: string, path: string[], field: string): { key?: string; set?: boolean } {
  const d = PATCH_DIRECTIVES[kind]?.[[...path, field].join('.')];
  if (!d || !d.strategy.split(',').includes('merge')) return {};
  return d.key ? { key: d.key } : { set: true };
}

export function strategicMergePatch(target: Json, patch: Json, rootKind: string): Json {
  if (!isObj(patch)) throw badRequest('json: cannot unmarshal array into Go value of type map[string]interface {}');
  return mergeMap(isObj(target) ? target : {}, patch, [], rootKind) ?? {};
}

function mergeMap(target: Obj, patch: Obj, path: string[], kind: string): Obj | undefined {
  const directive = patch.$patch;
  if (directive === 'delete') return undefined;
  if (directive === 'replace') {
    const { $patch: _, ...rest } = patch;
    return stripDirectives(rest) as Obj;
  }
  let out: Obj = { ...target };
  const retain = patch.$retainKeys;
  if (Array.isArray(retain)) out = Object.fromEntries(Object.entries(out).filter(([k]) => retain.includes(k) || k in patch));
  for (const [k, v] of Object.entries(patch)) {
    if (k === '$patch' || k === '$retainKeys' || k.startsWith('$setElementOrder/')) continue;
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const field = k.slice('$deleteFromPrimitiveList/'.length);
      const drop = Array.isArray(v) ? v : [];
      if (Array.isArray(out[field])) out[field] = (out[field] as Json[]).filter((x) => !drop.includes(x));
      continue;
    }
    if (v === null) {
      delete out[k];
      continue;
    }
    if (isObj(v)) {
      const merged = mergeMap(isObj(out[k]) ? (out[k] as Obj) : {}, v, [...path, k], kind);
      if (merged === undefined) delete out[k];
      else out[k] = merged;
      continue;
    }
    if (Array.isArray(v)) {
      out[k] = mergeList(out[k], v, k, path, kind, patch[`$setElementOrder/${k}`]);
      continue;
    }
    out[k] = v;
  }
  return out;
}

function mergeList(current: Json, patch: Json[], field: string, path: string[], kind: string, order: Json): Json[] {
  const live = Array.isArray(current) ? current : [];
  // A `{"$patch": "replace"}` element replaces the whole list with the other elements.
  if (patch.some((p) => isObj(p) && p.$patch === 'replace')) return patch.filter((p) => !(isObj(p) && p.$patch === 'replace')).map(stripDirectives);
  const rule = listRule(kind, path, field);
  if (rule.set) {
    const out = [...live];
    for (const p of patch) if (!out.includes(p)) out.push(p);
    return out;
  }
  const key = rule.key;
  if (!key || !patch.every(isObj)) return patch.map(stripDirectives);
  const out: Obj[] = live.filter(isObj).map((x) => ({ ...x }));
  for (const p of patch as Obj[]) {
    const idx = out.findIndex((x) => x[key] === p[key]);
    if (p.$patch === 'delete') {
      if (idx >= 0) out.splice(idx, 1);
      continue;
    }
    if (idx >= 0) out[idx] = mergeMap(out[idx], p, [...path, field], kind) ?? out[idx];
    else out.push(stripDirectives(p) as Obj);
  }
  if (!Array.isArray(order)) return out;
  // `$setElementOrder` lists every key in the wanted order; items it does not name keep their place after them.
  const rank = (x: Obj) => {
    const i = order.findIndex((o) => isObj(o) && o[key] === x[key]);
    return i < 0 ? order.length : i;
  };
  return out.map((x, i) => ({ x, i })).sort((a, b) => rank(a.x) - rank(b.x) || a.i - b.i).map((e) => e.x);
}

function stripDirectives(v: Json): Json {
  if (Array.isArray(v)) return v.map(stripDirectives);
  if (!isObj(v)) return v;
  const out: Obj = {};
  for (const [k, x] of Object.entries(v)) {
    if (k === '$patch' || k === '$retainKeys' || k.startsWith('$setElementOrder/') || k.startsWith('$deleteFromPrimitiveList/')) continue;
    out[k] = stripDirectives(x);
  }
  return out;
}
