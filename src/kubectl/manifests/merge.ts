/**
 * `kubectl apply`'s three-way merge, simplified from strategic merge patch: the new configuration wins,
 * fields the previous configuration set but the new one dropped are removed, and fields only the server
 * set (defaults, the service-account volume) are kept. Lists of named things merge by their key.
 */
type Json = unknown;
type Obj = Record<string, Json>;

/** Strategic-merge keys of the list fields a Pod (and friends) use; other lists are replaced whole. */
export const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  env: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  ports: 'containerPort',
  imagePullSecrets: 'name',
  ownerReferences: 'uid',
  hostAliases: 'ip',
  readinessGates: 'conditionType',
};

const isObj = (v: Json): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

export function threeWayMerge(live: Json, last: Json, config: Json, field = ''): Json {
  if (isObj(config)) {
    const base: Obj = isObj(live) ? { ...live } : {};
    const prev: Obj = isObj(last) ? last : {};
    for (const k of Object.keys(prev)) if (!(k in config)) delete base[k];
    for (const [k, v] of Object.entries(config)) {
      if (v === null) delete base[k];
      else base[k] = threeWayMerge(base[k], prev[k], v, k);
    }
    return base;
  }
  if (Array.isArray(config) && MERGE_KEYS[field] && config.every(isObj)) {
    const key = MERGE_KEYS[field];
    const liveItems = Array.isArray(live) ? live.filter(isObj) : [];
    const lastItems = Array.isArray(last) ? last.filter(isObj) : [];
    const find = (items: Obj[], id: Json) => items.find((i) => i[key] === id);
    const merged = config.map((c) => threeWayMerge(find(liveItems, c[key]), find(lastItems, c[key]), c));
    // Items the server added (not in either configuration) stay; ones the user removed from the file go.
    const kept = liveItems.filter((l) => !find(config, l[key]) && !find(lastItems, l[key]));
    return [...merged, ...kept];
  }
  return config;
}
