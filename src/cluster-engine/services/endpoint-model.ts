import { Container, ObjectReference, Pod, Service, ServicePort } from '../api/types';
import { getCondition } from '../api/conditions';

/** One pod as a Service backend: its address and the container port each service port lands on. */
export interface Backend {
  pod: Pod;
  ip: string;
  ready: boolean;
  terminating: boolean;
  /** Resolved target port per service port (same order as spec.ports); undefined where a named port is missing. */
  ports: Array<number | undefined>;
}

/** `spec.selector` as the controllers read it: services without one are left to whoever writes their endpoints. */
export function hasSelector(svc: Service): boolean {
  return !!svc.spec?.selector && Object.keys(svc.spec.selector).length > 0 && svc.spec.type !== 'ExternalName';
}

export function selects(svc: Service, pod: Pod): boolean {
  const labels = pod.metadata.labels ?? {};
  return Object.entries(svc.spec.selector ?? {}).every(([k, v]) => labels[k] === v);
}

/** `podutil.FindPort`: a number is taken as is; a name is looked up among the pod's container ports of the same protocol. */
export function findPort(pod: Pod, sp: ServicePort): number | undefined {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  const containers: Container[] = pod.spec.containers ?? [];
  for (const c of containers) {
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === (sp.protocol ?? 'TCP')) return p.containerPort;
  }
  return undefined;
}

export function isPodReady(pod: Pod): boolean {
  return getCondition(pod.status ?? {}, 'Ready')?.status === 'True';
}

/** The pods behind a service: selected, with an IP, not finished (`ShouldPodBeInEndpoints`), sorted by IP as text (`SortSubsets`). */
export function backendsOf(svc: Service, pods: Pod[]): Backend[] {
  const out: Backend[] = [];
  for (const pod of pods) {
    if (!selects(svc, pod)) continue;
    const ip = pod.status?.podIP;
    if (!ip) continue;
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') continue;
    out.push({
      pod,
      ip,
      ready: isPodReady(pod),
      terminating: !!pod.metadata.deletionTimestamp,
      ports: (svc.spec.ports ?? []).map((sp) => findPort(pod, sp)),
    });
  }
  return out.sort((a, b) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0));
}

export function podRef(pod: Pod): ObjectReference {
  return { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid };
}
