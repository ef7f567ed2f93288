import { parseIsoMs, parseTime, toIso } from './clock';

describe('parseIsoMs / parseTime (remembered Date.parse)', () => {
  it('answers as Date.parse, for any number of distinct timestamps (the memory is bounded, not the answers)', () => {
    const base = Date.parse('2025-01-15T09:00:00Z');
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 10_000; i += 7) {
        const text = toIso(base + i * 1000);
        expect(parseIsoMs(text)).toBe(Date.parse(text));
      }
    }
    expect(parseIsoMs('2025-01-15T09:00:05.123456Z')).toBe(Date.parse('2025-01-15T09:00:05.123456Z'));
  });

  it('gives NaN (parseTime: undefined) for text that is no time, every time', () => {
    expect(parseIsoMs('not a time')).toBeNaN();
    expect(parseIsoMs('not a time')).toBeNaN();
    expect(parseTime('not a time')).toBeUndefined();
    expect(parseTime('')).toBeUndefined();
    expect(parseTime(undefined)).toBeUndefined();
    expect(parseTime('2025-01-15T09:00:00Z')).toBe(Date.parse('2025-01-15T09:00:00Z'));
  });
});
