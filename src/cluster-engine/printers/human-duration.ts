import { parseIsoMs } from '../clock';

/**
 * `duration.HumanDuration` from apimachinery: the AGE / LAST SEEN / "(5m ago)" format.
 * Go truncates `d.Seconds()` toward zero, so -1.5s is still "0s" and only below -1s is it "<invalid>".
 */
export function humanDuration(ms: number): string {
  const s = Math.trunc(ms / 1000);
  if (s < -1) return '<invalid>';
  if (s < 0) return '0s';
  if (s < 120) return `${s}s`;
  const minutes = Math.trunc(ms / 60_000);
  if (minutes < 10) {
    const rest = s % 60;
    return rest === 0 ? `${minutes}m` : `${minutes}m${rest}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(ms / 3_600_000);
  if (hours < 8) {
    const rest = minutes % 60;
    return rest === 0 ? `${hours}h` : `${hours}h${rest}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const rest = hours % 24;
    return rest === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${rest}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const days = Math.trunc(hours / 24) % 365;
    const years = Math.trunc(hours / 24 / 365);
    return days === 0 ? `${years}y` : `${years}y${days}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** `translateTimestampSince`: `<unknown>` for a zero (absent) timestamp, else the age at `nowMs`. */
export function timestampSince(iso: string | null | undefined, nowMs: number): string {
  if (!iso) return '<unknown>';
  const t = parseIsoMs(iso);
  if (Number.isNaN(t)) return '<unknown>';
  return humanDuration(nowMs - t);
}

/** `translateTimestampUntil`: how long until `iso` (describe's `Terminating (lasts 12s)`). */
export function timestampUntil(iso: string | null | undefined, nowMs: number): string {
  if (!iso) return '<unknown>';
  const t = parseIsoMs(iso);
  if (Number.isNaN(t)) return '<unknown>';
  return humanDuration(t - nowMs);
}
