/**
 * client-go's `flowcontrol.Backoff`, with the kubelet's constants: 10 s initial, doubling, 300 s cap.
 * An entry untouched for 2 × max (10 min) is forgotten, so a container that ran that long starts again at 10 s.
 */
export const INITIAL_BACKOFF_MS = 10_000;
export const MAX_BACKOFF_MS = 300_000;

export interface BackoffEntry {
  backoffMs: number;
  lastUpdateMs: number;
}

export type BackoffTable = Record<string, BackoffEntry>;

function expired(entry: BackoffEntry, eventMs: number): boolean {
  return eventMs - entry.lastUpdateMs > 2 * MAX_BACKOFF_MS;
}

/** Records a failure at `eventMs`: a new (or expired) entry starts at 10 s, otherwise the delay doubles up to the cap. */
export function backoffNext(table: BackoffTable, key: string, eventMs: number): void {
  const entry = table[key];
  if (!entry || expired(entry, eventMs)) table[key] = { backoffMs: INITIAL_BACKOFF_MS, lastUpdateMs: eventMs };
  else table[key] = { backoffMs: Math.min(entry.backoffMs * 2, MAX_BACKOFF_MS), lastUpdateMs: eventMs };
}

/** `IsInBackOffSince`: still waiting out the delay counted from `eventMs` (a container's finish time). */
export function inBackoffSince(table: BackoffTable, key: string, eventMs: number, nowMs: number): boolean {
  const entry = table[key];
  if (!entry || expired(entry, eventMs)) return false;
  return nowMs - eventMs < entry.backoffMs;
}

/** `IsInBackOffSinceUpdate`: still waiting out the delay counted from the last failure (image pulls). */
export function inBackoffSinceUpdate(table: BackoffTable, key: string, nowMs: number): boolean {
  const entry = table[key];
  if (!entry || expired(entry, nowMs)) return false;
  return nowMs - entry.lastUpdateMs < entry.backoffMs;
}

/** Go's `time.Duration.String()` for whole seconds: `10s`, `1m20s`, `5m0s`. */
export function goDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  if (total < 60) return `${total}s`;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}h${m}m${s}s` : `${m}m${s}s`;
}
