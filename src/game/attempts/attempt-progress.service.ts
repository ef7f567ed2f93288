import { Injectable, Logger } from '@nestjs/common';
import type { SessionProgress } from '../../scenarios/session.types';
import { AttemptsRepository } from '../persistence/attempts.repository';
import { computeScore } from '../scoring/score';
import { PushService } from '../transport/push.service';
import { AttemptRegistry } from './attempt.registry';
import type { LiveAttempt } from './live-attempt';

/** After anything moved an attempt on: push changed progress, finish solved attempts, write snapshots. */
@Injectable()
export class AttemptProgressService {
  private readonly logger = new Logger(AttemptProgressService.name);

  constructor(
    private readonly registry: AttemptRegistry,
    private readonly attempts: AttemptsRepository,
    private readonly push: PushService,
  ) {}

  async afterChange(live: LiveAttempt): Promise<void> {
    if (live.closing) return;
    const progress = live.session.progress();
    this.pushIfChanged(live, progress);
    if (progress.solved) await this.solve(live, progress);
  }

  async snapshot(live: LiveAttempt): Promise<void> {
    if (live.closing) return;
    await this.attempts.saveSnapshot(live.id, JSON.stringify(live.session.snapshot()), live.session.progress().elapsedMs, hintTotals(live));
  }

  async snapshotAll(): Promise<void> {
    for (const live of this.registry.all()) {
      try {
        await this.snapshot(live);
      } catch (err) {
        this.logger.error(`snapshot of attempt ${live.id} failed`, err instanceof Error ? err.stack : String(err));
      }
    }
  }

  private pushIfChanged(live: LiveAttempt, progress: SessionProgress): void {
    const key = progressKey(progress);
    if (key === live.lastProgressKey) return;
    live.lastProgressKey = key;
    this.push.attemptProgress({ attemptId: live.id, progress });
  }

  private async solve(live: LiveAttempt, progress: SessionProgress): Promise<void> {
    live.closing = true;
    const { summary } = live.session;
    const hints = hintTotals(live);
    const breakdown = computeScore({
      points: summary.points,
      parSeconds: summary.parSeconds,
      solvedAtMs: progress.solvedAtMs ?? progress.elapsedMs,
      hintCosts: hints.hintPoints,
      guardRailPenalties: progress.violations.reduce((sum, v) => sum + v.penalty, 0),
    });
    try {
      await this.attempts.markSolved(live.id, {
        score: breakdown.score,
        breakdown: JSON.stringify(breakdown),
        solveMs: Math.max(0, progress.solvedAtMs ?? progress.elapsedMs),
        snapshot: JSON.stringify(live.session.snapshot()),
        virtualMs: progress.elapsedMs,
        ...hints,
      });
    } finally {
      this.registry.remove(live.id);
    }
    this.push.attemptSolved({
      attemptId: live.id,
      scenarioId: live.scenarioId,
      score: breakdown.score,
      solveSeconds: breakdown.solveSeconds,
      breakdown,
      debrief: live.session.debrief(),
    });
    this.push.leaderboardChanged({ scenarioId: live.scenarioId });
  }
}

/** Progress "changed" when an objective, a violation or the solved flag changed, not merely the clock. */
export function progressKey(progress: SessionProgress): string {
  return JSON.stringify([
    progress.objectives.map((o) => [o.id, o.met, o.whyNot ?? null]),
    progress.allMet,
    progress.violations.map((v) => v.id),
    progress.solved,
  ]);
}

function hintTotals(live: LiveAttempt): { hintsUsed: number; hintPoints: number } {
  const taken = live.session.hints().filter((h) => h.text !== undefined);
  return { hintsUsed: taken.length, hintPoints: taken.reduce((sum, h) => sum + h.cost, 0) };
}
