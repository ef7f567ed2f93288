/**
 * The engine's only notion of time: a virtual clock advanced by `Cluster.tick`.
 * Times on objects are RFC 3339 strings with second precision, as the API server writes them.
 */
export const DEFAULT_EPOCH = '2025-01-15T09:00:00Z';

export class VirtualClock {
  constructor(private ms: number) {}

  static at(iso: string): VirtualClock {
    return new VirtualClock(Date.parse(iso));
  }

  nowMs(): number {
    return this.ms;
  }

  /** RFC 3339, whole seconds (`2025-01-15T09:00:05Z`), as `metav1.Time` serialises. */
  nowIso(): string {
    return toIso(this.ms);
  }

  /** RFC 3339 with microseconds, as `metav1.MicroTime` (event `eventTime`) serialises. */
  nowMicroIso(): string {
    return new Date(this.ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
  }

  advance(ms: number): void {
    this.ms += ms;
  }
}

/** The last second formatted: most calls in a step ask for the same one, and reusing the string saves heap. */
let lastIso = { sec: NaN, iso: '' };

export function toIso(ms: number): string {
  const sec = Math.floor(ms / 1000);
  if (sec !== lastIso.sec) lastIso = { sec, iso: new Date(sec * 1000).toISOString().replace('.000Z', 'Z') };
  return lastIso.iso;
}

export function parseTime(iso: string | undefined | null): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : t;
}
