/**
 * Kubernetes resource quantities: `500m`, `2`, `0.5` (cpu) and `128Mi`, `1G`, `1e3` (memory).
 * CPU is handled in millicores, everything else in base units (bytes, counts).
 */
const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

const QUANTITY = /^([+-]?[0-9.]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/;

/** The quantity's value in base units, or undefined when it does not parse. */
export function parseQuantity(q: string | number | undefined): number | undefined {
  if (q === undefined) return undefined;
  if (typeof q === 'number') return q;
  const m = q.trim().match(QUANTITY);
  if (!m || m[1] === '.' || (m[1].match(/\./g) ?? []).length > 1) return undefined;
  const n = Number(m[1]);
  const suffix = m[2] ?? '';
  if (suffix in BINARY) return n * BINARY[suffix];
  if (suffix in DECIMAL) return n * DECIMAL[suffix];
  return n * 10 ** Number(suffix.slice(1));
}

export function isValidQuantity(q: unknown): boolean {
  return (typeof q === 'string' || typeof q === 'number') && parseQuantity(q) !== undefined && parseQuantity(q)! >= 0;
}

/** Millicores for cpu, base units for anything else; 0 when absent. */
export function resourceValue(resource: string, q: string | undefined): number {
  const v = parseQuantity(q) ?? 0;
  return resource === 'cpu' ? Math.round(v * 1000) : Math.round(v);
}

/** Formats millicores as kubectl shows them: `100m`, `1`, `1500m`. */
export function formatMilliCpu(milli: number): string {
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

/** Formats bytes in the largest binary unit that divides them exactly (`128Mi`, `1Gi`, `1000`). */
export function formatBytes(bytes: number): string {
  for (const unit of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']) {
    if (bytes !== 0 && bytes % BINARY[unit] === 0) return `${bytes / BINARY[unit]}${unit}`;
  }
  return String(bytes);
}
