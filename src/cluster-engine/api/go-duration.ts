/** Go's `time.ParseDuration` for flag values such as `30s`, `2m`, `1h30m`, `1.5s` (a bare `0` too); undefined when invalid. */
export function parseGoDuration(text: string): number | undefined {
  if (text === '0') return 0;
  const unit: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/y;
  let ms = 0;
  let at = 0;
  while (at < text.length) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) return undefined;
    ms += Number.parseFloat(m[1]) * unit[m[2]];
    at = re.lastIndex;
  }
  return text.length ? ms : undefined;
}
