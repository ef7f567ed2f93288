import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/players.service';
import { hasRole } from '../auth/roles';
import { GameError } from '../errors/game-error';
import { AttemptsRepository } from '../persistence/attempts.repository';
import { CommandLogsRepository } from '../persistence/command-logs.repository';
import type { BestReplaysResponse, ReplayView } from '../protocol/messages';
import { ScenariosService } from '../scenarios/scenarios.service';

const BEST_REPLAYS = 10;

/**
 * Replays: every command, its output and the virtual time it ran at. Who may watch which:
 * one's own attempts always; other players' solved attempts once one has solved that scenario oneself;
 * instructors and admins any attempt.
 */
@Injectable()
export class ReplaysService {
  constructor(
    private readonly attempts: AttemptsRepository,
    private readonly logs: CommandLogsRepository,
    private readonly scenarios: ScenariosService,
  ) {}

  async replay(viewer: Principal, attemptId: string): Promise<ReplayView> {
    const attempt = await this.attempts.findById(attemptId);
    if (!attempt || !(await this.mayReplay(viewer, attempt))) throw GameError.attemptNotFound(attemptId);
    const commands = await this.logs.listForAttempt(attemptId);
    return {
      attemptId,
      playerId: attempt.playerId,
      playerName: attempt.playerName,
      scenarioId: attempt.scenarioId,
      state: attempt.state,
      score: attempt.score,
      solveSeconds: attempt.solveMs === null ? null : Math.floor(attempt.solveMs / 1000),
      commands: commands.map(({ attemptId: _, ...command }) => command),
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
