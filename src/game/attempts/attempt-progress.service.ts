import { Inject, Injectable, Logger } from '@nestjs/common';
import type { SessionProgress } from '../../scenarios/session.types';
import { isoWeek } from '../leaderboard/leaderboard-board';
import { LeaderboardService } from '../leaderboard/leaderboard.service';
import { AttemptsRepository } from '../persistence/attempts.repository';
import { PlayersRepository } from '../persistence/players.repository';
import { AttemptTimelineService } from '../replays/attempt-timeline.service';
import { computeScore } from '../scoring/score';
import { ClusterViewService } from '../cluster-view/cluster-view.service';
import { PushService } from '../transport/push.service';
import { AttemptJournal } from './attempt-journal.service';
import { AttemptRegistry } from './attempt.registry';
import { GAME_CONFIG, type GameConfig } from './game-config';
import type { LiveAttempt } from './live-attempt';
import { TimeSlicer } from './time-slicer';

/** How many snapshot intervals an attempt no player touched waits between snapshots. */
export const IDLE_SNAPSHOT_FACTOR = 20;
/** Attempts stored per pair of statements in the periodic pass. */
const SNAPSHOT_BATCH = 50;

/** After anything moved an attempt on: push changed progress, finish solved attempts, write snapshots. */
@Injectable()
export class AttemptProgressService {
  private readonly logger = new Logger(AttemptProgressService.name);

  constructor(
    private readonly registry: AttemptRegistry,
    private readonly attempts: AttemptsRepository,
    private readonly players: PlayersRepository,
    private readonly journal: AttemptJournal,
    private readonly leaderboard: LeaderboardService,
    private readonly push: PushService,
    private readonly clusterViews: ClusterViewService,
    private readonly timeline: AttemptTimelineService,
    @Inject(GAME_CONFIG) private readonly config: GameConfig,
  ) {}

  async afterChange(live: LiveAttempt): Promise<void> {
    if (live.closing) return;
    for (const out of live.session.readStreams()) this.push.commandOutput({ attemptId: live.id, ...out });
    this.clusterViews.pushIfChanged(live);
    const progress = live.session.progress();
    this.pushIfChanged(live, progress);
    if (progress.solved) await this.solve(live, progress);
    else if (progress.elapsedMs >= this.config.attemptLimitMs) await this.expire(live, progress);
  }

  async snapshot(live: LiveAttempt): Promise<void> {
    await this.snapshotBatch([live]);
  }

  /**
   * The periodic pass: an attempt a player changed is saved once its snapshot is `snapshotMs` old; one where
   * only the clock moved, every IDLE_SNAPSHOT_FACTOR × snapshotMs (a restart then only replays some reconciliation).
   * Attempts come due at their own times, so the writes spread over the interval instead of arriving together.
   */
  async snapshotStale(now = Date.now()): Promise<void> {
    await this.snapshotEach((live) => now - live.savedAt >= this.config.snapshotMs * (live.unsavedInput ? 1 : IDLE_SNAPSHOT_FACTOR));
  }

  /**
   * At shutdown: every attempt, so a restart resumes exactly where each one was. Self-contained snapshots,
   * since the server that restores them may be an upgrade whose scenario warm-ups differ.
   */
  async snapshotAll(): Promise<void> {
    await this.snapshotEach(() => true, true);
  }

  private async snapshotEach(due: (live: LiveAttempt) => boolean, selfContained = false): Promise<void> {
    const slicer = new TimeSlicer();
    let batch: LiveAttempt[] = [];
    for (const live of this.registry.all()) {
      if (live.closing || !due(live)) continue;
      batch.push(live);
      if (batch.length < SNAPSHOT_BATCH) continue;
      await this.snapshotBatch(batch, { slicer, selfContained });
      batch = [];
    }
    await this.snapshotBatch(batch, { slicer, selfContained });
  }

  /** Stores the attempts' timelines, then their snapshots: two statements for the whole batch. */
  private async snapshotBatch(batch: LiveAttempt[], { slicer, selfContained = false }: { slicer?: TimeSlicer; selfContained?: boolean } = {}): Promise<void> {
    const lives = batch.filter((live) => !live.closing);
    if (lives.length === 0) return;
    try {
      for (const live of lives) {
        // Cleared before the writes: input that arrives while they run marks the attempt again.
        live.unsavedInput = false;
        live.savedAt = Date.now();
      }
      await this.timeline.flushMany(lives);
      const rows = [];
      for (const live of lives) {
        if (live.closing) continue; // finished meanwhile: its final state is written by solve or abandon
        const progress = live.session.progress();
        rows.push({ id: live.id, snapshot: JSON.stringify(live.session.snapshot({ selfContained })), virtualMs: progress.elapsedMs, ...totals(live, progress) });
        await slicer?.pause();
      }
      await this.attempts.saveSnapshots(rows);
    } catch (err) {
      for (const live of lives) live.unsavedInput = true; // tried again at the next pass
      if (!slicer) throw err; // a single snapshot (a hint, an answer) reports to its caller
      this.logger.error(`snapshot of attempts ${lives.map((l) => l.id).join(', ')} failed`, err instanceof Error ? err.stack : String(err));
    }
  }

  private pushIfChanged(live: LiveAttempt, progress: SessionProgress): void {
    const key = progressKey(progress);
    if (key === live.lastProgressKey) return;
    live.lastProgressKey = key;
    this.push.attemptProgress({ attemptId: live.id, progress });
    if (live.eventId !== null) {
      this.push.eventMemberProgress({
        eventId: live.eventId,
        attemptId: live.id,
        playerId: live.playerId,
        playerName: live.playerName,
        scenarioId: live.scenarioId,
        progress,
      });
    }
  }

  /** Past the time limit unsolved: abandoned, like a player's own abandon. */
  private async expire(live: LiveAttempt, progress: SessionProgress): Promise<void> {
    live.closing = true;
    try {
      await this.journal.flushFinal(live);
      await this.attempts.markAbandoned(live.id, JSON.stringify(live.session.snapshot()), progress.elapsedMs);
    } finally {
      this.registry.remove(live.id);
    }
    this.push.attemptExpired({ attemptId: live.id, scenarioId: live.scenarioId, elapsedMs: progress.elapsedMs });
  }

  private async solve(live: LiveAttempt, progress: SessionProgress): Promise<void> {
    live.closing = true;
    const { summary } = live.session;
    const sums = totals(live, progress);
    const breakdown = computeScore({
      points: summary.points,
      difficulty: summary.difficulty,
      parSeconds: summary.parSeconds,
      solvedAtMs: progress.solvedAtMs ?? progress.elapsedMs,
      hintCosts: sums.hintPoints,
      guardRailPenalties: progress.violations.reduce((sum, v) => sum + v.penalty, 0),
      diagnosisPoints: sums.diagnosisPoints,
      quizPoints: sums.quizPoints,
    });
    const finishedAt = new Date();
    const week = isoWeek(finishedAt);
    try {
      await this.journal.flushFinal(live);
      await this.attempts.markSolved(live.id, {
        score: breakdown.score,
        breakdown: JSON.stringify(breakdown),
        solveMs: Math.max(0, progress.solvedAtMs ?? progress.elapsedMs),
        snapshot: JSON.stringify(live.session.snapshot()),
        virtualMs: progress.elapsedMs,
        week,
        finishedAt,
        ...sums,
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
    const player = await this.players.findById(live.playerId);
    await this.leaderboard.solved({ scenarioId: live.scenarioId, track: live.track, week, eventId: live.eventId, guest: player?.guest ?? true });
  }
}

/** Progress "changed" when an objective, a violation, the diagnosis, the quiz or the solved flag changed, not merely the clock. */
export function progressKey(progress: SessionProgress): string {
  return JSON.stringify([
    progress.objectives.map((o) => [o.id, o.met, o.whyNot ?? null]),
    progress.allMet,
    progress.violations.map((v) => v.id),
    progress.solved,
    progress.diagnosis,
    progress.quizPoints,
  ]);
}

function totals(live: LiveAttempt, progress: SessionProgress): { hintsUsed: number; hintPoints: number; diagnosisPoints: number; quizPoints: number } {
  const taken = live.session.hints().filter((h) => h.text !== undefined);
  return {
    hintsUsed: taken.length,
    hintPoints: taken.reduce((sum, h) => sum + h.cost, 0),
    diagnosisPoints: progress.diagnosis.points,
    quizPoints: progress.quizPoints,
  };
}
