import { TimeSlicer } from './time-slicer';

describe('TimeSlicer', () => {
  let clock: number;
  const slicer = () => new TimeSlicer(4, () => clock);
  /** Whether a callback queued on the event loop before the pause ran by the time it resolved. */
  async function loopRanDuring(pause: () => Promise<void>): Promise<boolean> {
    let ran = false;
    setImmediate(() => (ran = true));
    await pause();
    return ran;
  }

  beforeEach(() => (clock = 1000));

  it('keeps the loop while the slice has time left', async () => {
    const s = slicer();
    clock += 3.9;
    expect(await loopRanDuring(() => s.pause())).toBe(false);
  });

  it('hands the loop back once the slice is spent, then starts a new slice', async () => {
    const s = slicer();
    clock += 4;
    expect(await loopRanDuring(() => s.pause())).toBe(true);
    clock += 1;
    expect(await loopRanDuring(() => s.pause())).toBe(false);
  });
});
