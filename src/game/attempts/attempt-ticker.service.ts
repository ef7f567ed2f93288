import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AttemptProgressService } from './attempt-progress.service';
import { AttemptRegistry } from './attempt.registry';
import { GAME_CONFIG, GameConfig } from './game-config';
import { TimeSlicer } from './time-slicer';

/** How often the snapshot pass looks for attempts whose snapshot is due. */
const SNAPSHOT_CHECK_MS = 1000;

/**
 * Advances every live attempt's virtual clock (tickMs × tickSpeed per tick) and snapshots them when
 * due and at shutdown, so a restarted server resumes where players left off. Both passes run in slices
 * (TimeSlicer), so commands are answered between them.
 */
@Injectable()
export class AttemptTickerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AttemptTickerService.name);
  private tickTimer?: NodeJS.Timeout;
  private snapshotTimer?: NodeJS.Timeout;
  /** The running tick pass and snapshot pass; a pass is skipped while the previous one of its kind runs. */
  private ticking?: Promise<void>;
  private snapshotting?: Promise<void>;

  constructor(
    @Inject(GAME_CONFIG) private readonly config: GameConfig,
    private readonly registry: AttemptRegistry,
    private readonly progress: AttemptProgressService,
  ) {}

  onApplicationBootstrap(): void {
    this.tickTimer = setInterval(() => (this.ticking ??= this.pass(() => this.tickAll(), () => (this.ticking = undefined))), this.config.tickMs);
    // Each attempt comes due on its own schedule (see snapshotStale); checking every second spreads the writes.
    const checkMs = Math.min(this.config.snapshotMs, SNAPSHOT_CHECK_MS);
    this.snapshotTimer = setInterval(() => (this.snapshotting ??= this.pass(() => this.progress.snapshotStale(), () => (this.snapshotting = undefined))), checkMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.tickTimer);
    clearInterval(this.snapshotTimer);
    await Promise.all([this.ticking, this.snapshotting]);
    await this.progress.snapshotAll();
  }

  /** One tick of every live attempt; public for service tests that drive the clock by hand. */
  async tickAll(virtualMs = this.config.tickMs * this.config.tickSpeed): Promise<void> {
    const slicer = new TimeSlicer();
    for (const live of this.registry.all()) {
      if (live.closing) continue;
      try {
        live.session.tick(virtualMs);
        await this.progress.afterChange(live);
      } catch (err) {
        // One broken scenario must not stop the clock of every other attempt.
        this.logger.error(`tick of attempt ${live.id} failed`, err instanceof Error ? err.stack : String(err));
      }
      await slicer.pause();
    }
  }

  private pass(run: () => Promise<void>, done: () => void): Promise<void> {
    return run()
      .catch((err: unknown) => this.logger.error('ticker pass failed', err instanceof Error ? err.stack : String(err)))
      .finally(done);
  }
}
