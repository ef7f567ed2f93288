import { EndpointSlice, EndpointSliceEndpoint, Pod, Service } from '../api/types';
import { sameJson, stableJson } from '../api/json';
import { Component, EngineContext } from '../context';
import { backendsOf, hasSelector, podRef } from '../services/endpoint-model';

export const MANAGED_BY = 'endpointslice-controller.k8s.io';
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/**
 * The EndpointSlice controller (`pkg/controller/endpointslice`): for every Service with a selector,
 * slices named `<service>-<5 chars>` owned by the Service, one per distinct set of resolved ports, listing
 * every selected pod with an IP and its ready / serving / terminating conditions. A Service without pods
 * keeps one empty placeholder slice. Slices are rewritten only when their content changes.
 */
export class EndpointSliceReconciler implements Component<Record<string, never>> {
  readonly name = 'endpointslice-controller';

  state(): Record<string, never> {
    return {};
  }

  step(ctx: EngineContext): void {
    const pods = new Map<string, Pod[]>();
    const podsIn = (ns: string) => {
      if (!pods.has(ns)) pods.set(ns, ctx.api.list<Pod>('Pod', { namespace: ns }));
      return pods.get(ns)!;
    };
    const owned = new Map<string, EndpointSlice[]>();
    for (const slice of ctx.store.scan('EndpointSlice') as EndpointSlice[]) {
      if (slice.metadata.labels?.['endpointslice.kubernetes.io/managed-by'] !== MANAGED_BY) continue;
      const key = `${slice.metadata.namespace}/${slice.metadata.labels?.[SERVICE_NAME_LABEL] ?? ''}`;
      owned.set(key, [...(owned.get(key) ?? []), slice]);
    }
    for (const svc of ctx.store.scan('Service') as Service[]) {
      const key = `${svc.metadata.namespace}/${svc.metadata.name}`;
      if (!hasSelector(svc) || svc.metadata.deletionTimestamp) continue;
      const existing = [...(owned.get(key) ?? [])].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
      owned.delete(key);
      this.reconcile(ctx, svc, desiredSlices(svc, podsIn(svc.metadata.namespace!)), existing);
    }
    // Slices of deleted (or selector-less) Services are garbage: their owner is gone or no longer selects.
    for (const slices of owned.values()) for (const s of slices) ctx.api.delete('EndpointSlice', s.metadata.namespace, s.metadata.name);
  }

  private reconcile(ctx: EngineContext, svc: Service, desired: Array<Pick<EndpointSlice, 'endpoints' | 'ports'>>, existing: EndpointSlice[]): void {
    const labels = {
      ...(svc.metadata.labels ?? {}),
      'endpointslice.kubernetes.io/managed-by': MANAGED_BY,
      [SERVICE_NAME_LABEL]: svc.metadata.name,
      ...(svc.spec.clusterIP === 'None' ? { 'service.kubernetes.io/headless': '' } : {}),
    };
    desired.forEach((want, i) => {
      const slice = existing[i];
      if (!slice) {
        ctx.api.create<EndpointSlice>({
          apiVersion: 'discovery.k8s.io/v1',
          kind: 'EndpointSlice',
          metadata: {
            name: '',
            generateName: `${svc.metadata.name}-`,
            namespace: svc.metadata.namespace,
            labels,
            ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: svc.metadata.name, uid: svc.metadata.uid!, controller: true, blockOwnerDeletion: true }],
          },
          addressType: 'IPv4',
          endpoints: want.endpoints,
          ports: want.ports,
        });
        return;
      }
      if (sameJson([slice.endpoints, slice.ports, slice.metadata.labels], [want.endpoints, want.ports, labels])) return;
      ctx.api.update({ ...slice, endpoints: want.endpoints, ports: want.ports, metadata: { ...slice.metadata, labels } });
    });
    for (const extra of existing.slice(desired.length)) ctx.api.delete('EndpointSlice', extra.metadata.namespace, extra.metadata.name);
  }
}

/** The slices a service should have: grouped by resolved port set, or one empty placeholder. */
export function desiredSlices(svc: Service, pods: Pod[]): Array<Pick<EndpointSlice, 'endpoints' | 'ports'>> {
  const groups = new Map<string, Pick<EndpointSlice, 'endpoints' | 'ports'>>();
  for (const b of backendsOf(svc, pods)) {
    const ports = (svc.spec.ports ?? []).flatMap((sp, i) => (b.ports[i] === undefined ? [] : [{ name: sp.name ?? '', port: b.ports[i], protocol: sp.protocol ?? 'TCP' }]));
    if (ports.length === 0 && (svc.spec.ports ?? []).length > 0) continue;
    const key = stableJson(ports);
    if (!groups.has(key)) groups.set(key, { endpoints: [], ports });
    const ep: EndpointSliceEndpoint = {
      addresses: [b.ip],
      conditions: { ready: b.ready && !b.terminating, serving: b.ready, terminating: b.terminating },
      ...(b.pod.spec.nodeName ? { nodeName: b.pod.spec.nodeName } : {}),
      targetRef: podRef(b.pod),
    };
    groups.get(key)!.endpoints!.push(ep);
  }
  if (groups.size === 0) return [{ endpoints: null, ports: [] }];
  return [...groups.values()];
}
