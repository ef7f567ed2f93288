import { KeyedMutex } from './keyed-mutex';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('KeyedMutex', () => {
  it('runs work for one key one at a time, and different keys side by side', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    const job = (key: string, name: string) =>
      mutex.run(key, async () => {
        log.push(`${name} start`);
        await tick();
        log.push(`${name} end`);
      });
    await Promise.all([job('a', 'a1'), job('a', 'a2'), job('b', 'b1')]);
    expect(log.indexOf('a2 start')).toBeGreaterThan(log.indexOf('a1 end'));
    expect(log.indexOf('b1 start')).toBeLessThan(log.indexOf('a1 end'));
  });

  it('runAll waits for every key it takes, and holds them all while it works', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    let releaseB!: () => void;
    const holdingB = mutex.run('b', () => new Promise<void>((resolve) => (releaseB = resolve)).then(() => void log.push('b released')));
    const all = mutex.runAll(['a', 'b', 'c'], async () => void log.push('all ran'));
    const laterA = mutex.run('a', async () => void log.push('a after all'));
    await tick();
    expect(log).toEqual([]);
    releaseB();
    await Promise.all([holdingB, all, laterA]);
    expect(log).toEqual(['b released', 'all ran', 'a after all']);
  });
});
