import { humanDuration, timestampSince, timestampUntil } from './human-duration';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const Y = 365 * D;

describe('humanDuration (duration_test.go vectors)', () => {
  it.each([
    [1 * S, '1s'],
    [70 * S, '70s'],
    [190 * S, '3m10s'],
    [10 * M + 1 * S, '10m'],
    [70 * M, '70m'],
    [3 * H, '3h'],
    [47 * H, '47h'],
    [49 * H, '2d1h'],
    [8 * D + 2 * H, '8d'],
    [367 * D, '367d'],
    [2 * Y + 25 * H, '2y1d'],
    [8 * Y + 2 * H, '8y'],
  ])('%d ms prints %s', (ms, out) => {
    expect(humanDuration(ms)).toBe(out);
  });

  it.each([
    [119 * S, '119s'],
    [2 * M, '2m'],
    [2 * M + 1 * S, '2m1s'],
    [9 * M + 59 * S, '9m59s'],
    [179 * M, '179m'],
    [3 * H + 1 * M, '3h1m'],
    [7 * H + 59 * M, '7h59m'],
    [8 * H, '8h'],
    [2 * D, '2d'],
    [7 * D + 23 * H, '7d23h'],
    [2 * Y, '2y'],
    [0, '0s'],
    [-1500, '0s'],
    [-2500, '<invalid>'],
  ])('boundary %d ms prints %s', (ms, out) => {
    expect(humanDuration(ms)).toBe(out);
  });

  it('prints <unknown> for a zero timestamp and measures from now otherwise', () => {
    const now = Date.parse('2025-01-15T09:05:00Z');
    expect(timestampSince(undefined, now)).toBe('<unknown>');
    expect(timestampSince(null, now)).toBe('<unknown>');
    expect(timestampSince('2025-01-15T09:00:00Z', now)).toBe('5m');
    expect(timestampUntil('2025-01-15T09:05:12Z', now)).toBe('12s');
  });
});
