/** RFC 3339 with nanoseconds, as `kubectl logs --timestamps` prints them. */
export function toIsoNano(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}
