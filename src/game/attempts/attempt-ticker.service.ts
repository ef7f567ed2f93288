import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AttemptProgressService } from './attempt-progress.service';
import { AttemptRegistry } from './attempt.registry';
import { GAME_CONFIG, GameConfig } from './game-config';

/**
 * Advances every live attempt's virtual clock (tickMs × tickSpeed per tick) and snapshots them
 * periodically and at shutdown, so a restarted server resumes where players left off.
 */
@Injectable()
export class AttemptTickerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AttemptTickerService.name);
  private tickTimer?: NodeJS.Timeout;
  private snapshotTimer?: NodeJS.Timeout;
  /** The running tick or snapshot pass; a new pass is skipped while one runs. */
  private running?: Promise<void>;

  constructor(
    @Inject(GAME_CONFIG) private readonly config: GameConfig,
    private readonly registry: AttemptRegistry,
    private readonly progress: AttemptProgressService,
  ) {}

  onApplicationBootstrap(): void {
    this.tickTimer = setInterval(() => this.runExclusive(() => this.tickAll()), this.config.tickMs);
    this.snapshotTimer = setInterval(() => this.runExclusive(() => this.progress.snapshotAll()), this.config.snapshotMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.tickTimer);
    clearInterval(this.snapshotTimer);
    await this.running;
    await this.progress.snapshotAll();
  }

  /** One tick of every live attempt; public for service tests that drive the clock by hand. */
  async tickAll(virtualMs = this.config.tickMs * this.config.tickSpeed): Promise<void> {
    for (const live of this.registry.all()) {
      if (live.closing) continue;
      try {
        live.session.tick(virtualMs);
        await this.progress.afterChange(live);
      } catch (err) {
        // One broken scenario must not stop the clock of every other attempt.
        this.logger.error(`tick of attempt ${live.id} failed`, err instanceof Error ? err.stack : String(err));
      }
    }
  }

  private runExclusive(pass: () => Promise<void>): void {
    if (this.running) return;
    this.running = pass()
      .catch((err: unknown) => this.logger.error('ticker pass failed', err instanceof Error ? err.stack : String(err)))
      .finally(() => {
        this.running = undefined;
      });
  }
}
