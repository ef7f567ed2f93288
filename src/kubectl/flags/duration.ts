/** Go's `time.ParseDuration` (what pflag's DurationVar uses): `300ms`, `5s`, `1h30m`, `-2m`; undefined when invalid. */
const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

export function parseGoDuration(text: string): number | undefined {
  const m = text.match(/^([+-]?)(.*)$/)!;
  const body = m[2];
  if (body === '0') return 0;
  if (!body) return undefined;
  let ms = 0;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/gy;
  let at = 0;
  for (let part = re.exec(body); part; part = re.exec(body)) {
    ms += Number(part[1]) * UNITS[part[2]];
    at = re.lastIndex;
  }
  if (at !== body.length) return undefined;
  return m[1] === '-' ? -ms : ms;
}

/** pflag's message for a duration flag that does not parse. */
export function invalidDuration(flag: string, value: string): string {
  return `invalid argument "${value}" for "${flag}" flag: time: invalid duration "${value}"`;
}
