import { Pod } from '../api/types';
import { resourceValue } from '../api/quantity';

/** A pod's effective requests: max(sum over containers, max over init containers), per resource. */
export function podRequests(pod: Pod): Record<string, number> {
  const sum: Record<string, number> = {};
  for (const c of pod.spec.containers ?? []) {
    for (const [r, q] of Object.entries(c.resources?.requests ?? {})) sum[r] = (sum[r] ?? 0) + resourceValue(r, q);
  }
  for (const c of pod.spec.initContainers ?? []) {
    for (const [r, q] of Object.entries(c.resources?.requests ?? {})) sum[r] = Math.max(sum[r] ?? 0, resourceValue(r, q));
  }
  return sum;
}
