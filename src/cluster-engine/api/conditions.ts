import { sameJson } from './json';

/** Sets or replaces a condition; lastTransitionTime moves only when the status changes. Returns whether anything changed. */
export function setCondition<C extends { type: string; status: string; lastTransitionTime?: string; reason?: string; message?: string }>(
  holder: { conditions?: C[] },
  next: C,
  nowIso: string,
): boolean {
  const list = (holder.conditions ??= []);
  const i = list.findIndex((c) => c.type === next.type);
  const prev = i >= 0 ? list[i] : undefined;
  const merged = { ...next, lastTransitionTime: prev && prev.status === next.status ? prev.lastTransitionTime : nowIso } as C;
  if (prev && sameJson(prev, merged)) return false;
  if (i >= 0) list[i] = merged;
  else list.push(merged);
  return true;
}

export function getCondition<C extends { type: string }>(holder: { conditions?: C[] } | undefined, type: string): C | undefined {
  return holder?.conditions?.find((c) => c.type === type);
}
