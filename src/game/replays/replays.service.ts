import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/players.service';
import { hasRole } from '../auth/roles';
import { GameError } from '../errors/game-error';
import { AttemptRegistry } from '../attempts/attempt.registry';
import { AttemptsRepository } from '../persistence/attempts.repository';
import { CommandLogsRepository } from '../persistence/command-logs.repository';
import { TimelineRepository } from '../persistence/timeline.repository';
import type { BestReplaysResponse, ReplayView } from '../protocol/messages';
import { ScenariosService } from '../scenarios/scenarios.service';
import { AttemptTimelineService } from './attempt-timeline.service';
import { mergeReplayTimeline } from './replay-timeline';

const BEST_REPLAYS = 10;

/**
 * Replays: every command, its output and the virtual time it ran at, merged with the cluster's timeline. Who may watch which:
 * one's own attempts always; other players' solved attempts once one has solved that scenario oneself;
 * instructors and admins any attempt.
 */
@Injectable()
export class ReplaysService {
  constructor(
    private readonly attempts: AttemptsRepository,
    private readonly logs: CommandLogsRepository,
    private readonly scenarios: ScenariosService,
    private readonly timeline: TimelineRepository,
    private readonly liveTimeline: AttemptTimelineService,
    private readonly registry: AttemptRegistry,
  ) {}

  async replay(viewer: Principal, attemptId: string): Promise<ReplayView> {
    const attempt = await this.attempts.findById(attemptId);
    if (!attempt || !(await this.mayReplay(viewer, attempt))) throw GameError.attemptNotFound(attemptId);
    // A running attempt's latest cluster changes are still in its session: store them first.
    const live = this.registry.get(attemptId);
    if (live && !live.closing) await this.liveTimeline.flush(live);
    const commands = (await this.logs.listForAttempt(attemptId)).map(({ attemptId: _, ...command }) => command);
    const entries = await this.timeline.listForAttempt(attemptId);
    return {
      attemptId,
      playerId: attempt.playerId,
      playerName: attempt.playerName,
      scenarioId: attempt.scenarioId,
      state: attempt.state,
      score: attempt.score,
      solveSeconds: attempt.solveMs === null ? null : Math.floor(attempt.solveMs / 1000),
      commands: commands.map(({ timelineSeq: _, ...command }) => command),
      timeline: mergeReplayTimeline(entries, commands),
    };
  }

  /** The best solved attempts of a scenario, to replay; only once the viewer solved it (instructors always). */
  async best(viewer: Principal, scenarioId: string): Promise<BestReplaysResponse> {
    this.scenarios.requireExists(scenarioId);
    if (!hasRole(viewer.role, 'instructor') && !(await this.attempts.hasSolved(viewer.playerId, scenarioId))) {
      throw GameError.forbidden(`solve "${scenarioId}" first to watch how others solved it`);
    }
    const best = await this.attempts.bestSolved(scenarioId, BEST_REPLAYS);
    return {
      scenarioId,
      attempts: best.map((b) => ({ attemptId: b.attemptId, playerName: b.playerName, score: b.score, solveSeconds: Math.floor(b.solveMs / 1000) })),
    };
  }

  private async mayReplay(viewer: Principal, attempt: { playerId: string; scenarioId: string; state: string }): Promise<boolean> {
    if (attempt.playerId === viewer.playerId || hasRole(viewer.role, 'instructor')) return true;
    return attempt.state === 'solved' && (await this.attempts.hasSolved(viewer.playerId, attempt.scenarioId));
  }
}
