import { copyOf } from '../store/store';
import { ContainerRecord, KubeletState, PodRecord } from './state';

/** Container fields the kubelet only ever replaces, never changes in place. */
const REPLACED_ONLY = new Set<string>(['env', 'serviceEnv']);
/** Container fields that are lists of log lines: the list grows in place, a line never changes. */
const LOG_LISTS = new Set<string>(['logs', 'previousLogs']);

/**
 * A kubelet state's copy for a restored cluster. What the kubelet never changes in place (a container's
 * environment and service links, each log line) is shared with the source rather than copied: clusters
 * started from one warm-up (a frozen snapshot) then hold those once between them.
 */
export function copyKubeletState(k: KubeletState): KubeletState {
  const out = {} as Record<string, unknown>;
  for (const key of Object.keys(k)) out[key] = key === 'pods' ? copyPods(k.pods) : copyOf((k as unknown as Record<string, unknown>)[key]);
  return out as unknown as KubeletState;
}

function copyPods(pods: Record<string, PodRecord>): Record<string, PodRecord> {
  const out: Record<string, PodRecord> = {};
  for (const [uid, p] of Object.entries(pods)) {
    const rec = {} as Record<string, unknown>;
    for (const key of Object.keys(p)) rec[key] = key === 'containers' ? copyContainers(p.containers) : copyOf((p as unknown as Record<string, unknown>)[key]);
    out[uid] = rec as unknown as PodRecord;
  }
  return out;
}

function copyContainers(containers: Record<string, ContainerRecord>): Record<string, ContainerRecord> {
  const out: Record<string, ContainerRecord> = {};
  for (const [name, c] of Object.entries(containers)) {
    const rec = {} as Record<string, unknown>;
    for (const key of Object.keys(c)) {
      const v = (c as unknown as Record<string, unknown>)[key];
      rec[key] = REPLACED_ONLY.has(key) ? v : LOG_LISTS.has(key) && Array.isArray(v) ? v.slice() : copyOf(v);
    }
    out[name] = rec as unknown as ContainerRecord;
  }
  return out;
}
