import { parseGoDuration as parseUnsigned } from '../../cluster-engine/api/go-duration';

/** Go's `time.ParseDuration` (what pflag's DurationVar uses): `300ms`, `5s`, `1h30m`, `-2m`; undefined when invalid. */
export function parseGoDuration(text: string): number | undefined {
  const sign = text[0] === '-' || text[0] === '+' ? text[0] : '';
  const ms = parseUnsigned(text.slice(sign.length));
  return ms && sign === '-' ? -ms : ms;
}

/** pflag's message for a duration flag that does not parse. */
export function invalidDuration(flag: string, value: string): string {
  return `invalid argument "${value}" for "${flag}" flag: time: invalid duration "${value}"`;
}

/** Go's `time.Duration.String()` for a whole number of milliseconds: `45s`, `5m30s`, `1h2m3.5s`, `250ms`. */
export function goDurationString(ms: number): string {
  if (ms === 0) return '0s';
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  if (rest < 1000) return `${sign}${rest}ms`;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = (rest / 1000).toFixed(3).replace(/\.?0+$/, '');
  return `${sign}${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${s}s`;
}
