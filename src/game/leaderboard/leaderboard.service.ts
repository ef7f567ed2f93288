import { Injectable } from '@nestjs/common';
import { LeaderboardRepository } from '../persistence/leaderboard.repository';
import type { LeaderboardResponse } from '../protocol/messages';
import { ScenariosService } from '../scenarios/scenarios.service';

@Injectable()
export class LeaderboardService {
  constructor(
    private readonly leaderboard: LeaderboardRepository,
    private readonly scenarios: ScenariosService,
  ) {}

  async page(scenarioId: string | null, limit: number, offset: number): Promise<LeaderboardResponse> {
    if (scenarioId !== null) this.scenarios.requireExists(scenarioId);
    const { total, rows } = await this.leaderboard.page(scenarioId, limit, offset);
    return {
      scenarioId,
      limit,
      offset,
      total,
      entries: rows.map((row, i) => ({
        rank: offset + i + 1,
        playerId: row.playerId,
        playerName: row.playerName,
        score: row.score,
        solveSeconds: Math.floor(row.solveMs / 1000),
        solvedScenarios: row.solvedScenarios,
        finishedAt: row.finishedAt.toISOString(),
      })),
    };
  }
}
