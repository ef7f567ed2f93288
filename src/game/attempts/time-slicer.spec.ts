import { TimeSlicer } from './time-slicer';

describe('TimeSlicer', () => {
  it('lets queued I/O callbacks run between slices of a long pass', async () => {
    const slicer = new TimeSlicer(1);
    let ranDuringPass = false;
    setImmediate(() => (ranDuringPass = true));
    const until = performance.now() + 5;
    while (performance.now() < until) await slicer.pause(); // one long pass, in units of work
    expect(ranDuringPass).toBe(true);
  });

  it('does not yield while the slice has time left', async () => {
    const slicer = new TimeSlicer(60_000);
    let ran = false;
    setImmediate(() => (ran = true));
    for (let i = 0; i < 1000; i++) await slicer.pause();
    expect(ran).toBe(false);
  });
});
