import { Pod } from '../../cluster-engine';

/** `qos.GetPodQOS`, for pods whose status does not carry qosClass yet. */
export function qosClassOf(pod: Pod): string {
  const all = [...(pod.spec.initContainers ?? []), ...pod.spec.containers];
  let any = false;
  let guaranteed = true;
  for (const c of all) {
    const req = { ...(c.resources?.limits ?? {}), ...(c.resources?.requests ?? {}) };
    const lim = c.resources?.limits ?? {};
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    for (const r of ['cpu', 'memory']) if (!lim[r] || req[r] !== lim[r]) guaranteed = false;
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
