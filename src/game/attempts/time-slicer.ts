import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * A pass over every live attempt (ticks, snapshots) runs for tens of milliseconds per thousand attempts:
 * it hands the event loop back every `budgetMs`, so a player's command waits for one slice, never a whole pass.
 */
export class TimeSlicer {
  private sliceStart: number;

  constructor(
    private readonly budgetMs = 4,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.sliceStart = now();
  }

  /** Call between two units of work; resolves at once while the slice has time left. */
  async pause(): Promise<void> {
    if (this.now() - this.sliceStart < this.budgetMs) return;
    await nextTurn();
    this.sliceStart = this.now();
  }
}
