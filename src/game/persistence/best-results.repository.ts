import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';

export interface BestResult {
  score: number;
  solveSeconds: number;
}

/** A player's best solved attempt per scenario, for the catalogue. */
@Injectable()
export class BestResultsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Best first as on the boards: higher score, then faster solve, then the earlier finish; event attempts count too. */
  async bestByScenario(playerId: string): Promise<Map<string, BestResult>> {
    const rows = await this.prisma.attempt.findMany({
      where: { playerId, state: 'solved', score: { not: null } },
      orderBy: [{ score: 'desc' }, { solveMs: 'asc' }, { finishedAt: 'asc' }],
      select: { scenarioId: true, score: true, solveMs: true },
    });
    const best = new Map<string, BestResult>();
    for (const row of rows) {
      if (!best.has(row.scenarioId)) best.set(row.scenarioId, { score: row.score ?? 0, solveSeconds: Math.floor((row.solveMs ?? 0) / 1000) });
    }
    return best;
  }
}
