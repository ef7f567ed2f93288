import { Endpoints, EndpointSlice } from '../api/types';
import { ageColumn, column, KindPrinter, nameColumn } from './column';

const MAX = 3;

function withMore(list: string[], count: number): string {
  const joined = list.join(',');
  return count > MAX ? `${joined} + ${count - MAX} more...` : joined;
}

/** `formatEndpoints`: ip:port per ready address and port, at most 3; `<none>` without subsets, empty when none is ready. */
export function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    if (!ss.ports?.length) {
      count += addresses.length;
      for (const a of addresses) if (list.length < MAX) list.push(a.ip);
      continue;
    }
    for (const p of ss.ports) {
      count += addresses.length;
      for (const a of addresses) if (list.length < MAX) list.push(`${a.ip}:${p.port}`);
    }
  }
  return withMore(list, count);
}

export const endpointsPrinter: KindPrinter<Endpoints> = {
  kind: 'Endpoints',
  columns: [nameColumn(), column('Endpoints', 'Endpoints of the Service', formatEndpoints), ageColumn()],
};

/** `listWithMoreString`: `<unset>` for an empty list. */
function listWithMore(list: string[], count: number): string {
  if (count > MAX) return `${list.join(',')} + ${count - MAX} more...`;
  return list.length ? list.join(',') : '<unset>';
}

export const endpointSlicePrinter: KindPrinter<EndpointSlice> = {
  kind: 'EndpointSlice',
  columns: [
    nameColumn(),
    column('AddressType', 'The IP protocol for this slice', (s) => s.addressType ?? ''),
    column('Ports', 'The ports in this slice', (s) => {
      const ports = s.ports ?? [];
      return listWithMore(ports.slice(0, MAX).map((p) => (p.port !== undefined ? String(p.port) : p.name || '*')), ports.length);
    }),
    column('Endpoints', 'The addresses in this slice', (s) => {
      const all = (s.endpoints ?? []).flatMap((e) => e.addresses ?? []);
      return listWithMore(all.slice(0, MAX), all.length);
    }),
    ageColumn(),
  ],
};
