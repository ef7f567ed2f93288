import { OverlayMap } from './overlay-map';

describe('OverlayMap (own entries over a shared base)', () => {
  it('reads through to the base, writes and deletes only its own entries', () => {
    const base = new Map([['a', 1], ['b', 2]]);
    const m = new OverlayMap(base);
    const other = new OverlayMap(base);
    expect([m.get('a'), m.has('b'), m.isShared('a')]).toEqual([1, true, true]);
    m.set('a', 10).set('c', 3);
    expect(m.delete('b')).toBe(true);
    expect(m.delete('b')).toBe(false);
    expect(m.delete('zz')).toBe(false);
    expect([m.get('a'), m.get('b'), m.has('b'), m.get('c'), m.isShared('a')]).toEqual([10, undefined, false, 3, false]);
    expect(m.entries()).toEqual([['a', 10], ['c', 3]]);
    expect(m.values()).toEqual([10, 3]);
    m.set('b', 20);
    expect(m.entries()).toEqual([['a', 10], ['c', 3], ['b', 20]]);
    expect([...base]).toEqual([['a', 1], ['b', 2]]);
    expect(other.entries()).toEqual([['a', 1], ['b', 2]]);
  });

  it('is a plain map without a base', () => {
    const m = new OverlayMap<string, number>();
    m.set('x', 1);
    expect(m.delete('x')).toBe(true);
    expect([m.has('x'), m.entries()]).toEqual([false, []]);
  });
});
