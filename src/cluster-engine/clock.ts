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

/**
 * Date.parse, remembered: objects carry the same few (interned) timestamps, and parsing them was the slow part
 * of printing ages and checking readiness on every command. NaN for text that is not a date. Bounded.
 */
const parsed = new Map<string, number>();
const MAX_PARSED = 4096;

export function parseIsoMs(iso: string): number {
  let t = parsed.get(iso);
  if (t === undefined) {
    if (parsed.size >= MAX_PARSED) parsed.clear();
    t = Date.parse(iso);
    parsed.set(iso, t);
  }
  return t;
}

export function parseTime(iso: string | undefined | null): number | undefined {
  if (!iso) return undefined;
  const t = parseIsoMs(iso);
  return Number.isNaN(t) ? undefined : t;
}
