import { Service } from '../api/types';
import { ageColumn, column, KindPrinter, nameColumn } from './column';

/** `labels.FormatLabels`: sorted `k=v` joined by commas, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${labels![k]}`).join(',') : '<none>';
}

/** `makePortString`: `port/proto` or `port:nodePort/proto`, comma-joined. */
export function servicePorts(svc: Service): string {
  const out = (svc.spec?.ports ?? []).map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`)).join(',');
  return out || '<none>';
}

/** `getServiceExternalIP`. */
function externalIP(svc: Service, wide: boolean): string {
  const spec = svc.spec ?? {};
  const external = spec.externalIPs ?? [];
  switch (spec.type) {
    case 'ExternalName':
      return spec.externalName ?? '';
    case 'LoadBalancer': {
      const ingress = (svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter(Boolean);
      const all = [...ingress, ...external];
      if (all.length === 0) return '<pending>';
      const joined = all.join(',');
      return !wide && joined.length > 16 ? `${joined.slice(0, 13)}...` : joined;
    }
    default:
      return external.length ? external.join(',') : '<none>';
  }
}

export const servicePrinter: KindPrinter<Service> = {
  kind: 'Service',
  columns: [
    nameColumn(),
    column('Type', 'The type of the service.', (s) => s.spec?.type ?? ''),
    column('Cluster-IP', 'The IP address of the service.', (s) => s.spec?.clusterIPs?.[0] ?? '<none>'),
    column('External-IP', 'The list of external IP addresses for this service.', (s) => externalIP(s, false)),
    column('Port(s)', 'The ports that are exposed by this service.', servicePorts),
    ageColumn(),
    column('Selector', 'The label selector of the service. Pods with labels matching this selector will receive traffic.', (s) => formatLabels(s.spec?.selector), 1),
  ],
};
