import { EndpointAddress, EndpointPort, Endpoints, EndpointSubset, Pod, Service } from '../api/types';
import { sameJson, stableJson } from '../api/json';
import { Component, EngineContext } from '../context';
import { backendsOf, hasSelector, podRef } from '../services/endpoint-model';

/**
 * The endpoints controller (`pkg/controller/endpoint`): for every Service with a selector, an Endpoints
 * object of the same name whose subsets list the selected pods, Ready ones in `addresses` and the others
 * in `notReadyAddresses` (all in `addresses` with publishNotReadyAddresses), each port resolved per pod
 * (by number, or by container-port name; a pod without the named port is left out of that port).
 * Selector-less Services are never touched: their Endpoints are the user's.
 */
export interface EndpointsState {
  /** `ns/name` of the Endpoints this controller wrote for a selector Service (removed with the Service). */
  managed: string[];
}

export class EndpointsReconciler implements Component<EndpointsState> {
  readonly name = 'endpoint-controller';
  private readonly managed: Set<string>;

  constructor(state?: EndpointsState) {
    this.managed = new Set(state?.managed ?? []);
  }

  state(): EndpointsState {
    return { managed: [...this.managed].sort() };
  }

  step(ctx: EngineContext): void {
    const podsByNs = new Map<string, Pod[]>();
    const podsIn = (ns: string) => {
      if (!podsByNs.has(ns)) podsByNs.set(ns, ctx.api.list<Pod>('Pod', { namespace: ns }));
      return podsByNs.get(ns)!;
    };
    for (const svc of ctx.store.scan('Service') as Service[]) {
      if (!hasSelector(svc) || svc.metadata.deletionTimestamp) continue;
      const ns = svc.metadata.namespace!;
      const subsets = desiredSubsets(svc, podsIn(ns));
      const labels = { ...(svc.metadata.labels ?? {}), ...(svc.spec.clusterIP === 'None' ? { 'service.kubernetes.io/headless': '' } : {}) };
      const current = ctx.api.tryGet<Endpoints>('Endpoints', ns, svc.metadata.name);
      this.managed.add(`${ns}/${svc.metadata.name}`);
      if (!current) {
        const ep: Endpoints = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: svc.metadata.name, namespace: ns, ...(Object.keys(labels).length ? { labels } : {}) } };
        if (subsets.length) ep.subsets = subsets;
        ctx.api.create(ep);
        continue;
      }
      if (sameJson(current.subsets ?? [], subsets) && sameJson(current.metadata.labels ?? {}, labels)) continue;
      if (subsets.length) current.subsets = subsets;
      else delete current.subsets;
      if (Object.keys(labels).length) current.metadata.labels = labels;
      else delete current.metadata.labels;
      ctx.api.update(current);
    }
    // An Endpoints object goes with its Service.
    for (const key of [...this.managed]) {
      const [ns, name] = key.split('/');
      const svc = ctx.store.peek('Service', ns, name) as Service | undefined;
      if (svc && hasSelector(svc)) continue;
      this.managed.delete(key);
      if (!svc && ctx.store.peek('Endpoints', ns, name)) ctx.api.delete('Endpoints', ns, name);
    }
  }
}

/** The subsets `RepackSubsets` produces: one per distinct set of resolved ports. */
export function desiredSubsets(svc: Service, pods: Pod[]): EndpointSubset[] {
  const tolerateUnready = !!svc.spec.publishNotReadyAddresses;
  const groups = new Map<string, EndpointSubset>();
  for (const b of backendsOf(svc, pods)) {
    if (b.terminating && !tolerateUnready) continue;
    const ports: EndpointPort[] = [];
    (svc.spec.ports ?? []).forEach((sp, i) => {
      const port = b.ports[i];
      if (port !== undefined) ports.push({ ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol ?? 'TCP' });
    });
    if (ports.length === 0 && (svc.spec.ports ?? []).length > 0) continue;
    const key = stableJson(ports);
    let subset = groups.get(key);
    if (!subset) groups.set(key, (subset = { ports }));
    const addr: EndpointAddress = { ip: b.ip, ...(b.pod.spec.nodeName ? { nodeName: b.pod.spec.nodeName } : {}), targetRef: podRef(b.pod) };
    if (b.ready || tolerateUnready) (subset.addresses ??= []).push(addr);
    else (subset.notReadyAddresses ??= []).push(addr);
  }
  return [...groups.values()].map((s) => (s.ports!.length ? s : { ...(s.addresses ? { addresses: s.addresses } : {}), ...(s.notReadyAddresses ? { notReadyAddresses: s.notReadyAddresses } : {}) }));
}
