import { Injectable } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client';
import { PrismaService } from './prisma.service';

export interface LeaderboardRow {
  playerId: string;
  playerName: string;
  score: number;
  solveMs: number;
  solvedScenarios: number;
  finishedAt: Date;
}

export interface LeaderboardPage {
  total: number;
  rows: LeaderboardRow[];
}

interface RawRow {
  playerId: string;
  playerName: string;
  score: number | bigint;
  solveMs: number | bigint;
  solvedScenarios: number | bigint;
  finishedAt: string | number | Date;
  total: number | bigint;
}

/**
 * Each player's best solved attempt per scenario (higher score, then faster solve, then earlier finish),
 * summed over scenarios unless one is given; ranked by score, then total solve time, then the time the
 * last counted attempt finished. Done in SQL so a page never loads every attempt.
 */
@Injectable()
export class LeaderboardRepository {
  constructor(private readonly prisma: PrismaService) {}

  async page(scenarioId: string | null, limit: number, offset: number): Promise<LeaderboardPage> {
    const scenarioFilter = scenarioId === null ? Prisma.empty : Prisma.sql`AND a."scenarioId" = ${scenarioId}`;
    const rows = await this.prisma.$queryRaw<RawRow[]>`
      WITH best AS (
        SELECT a."playerId", a."scenarioId", a."score", a."solveMs", a."finishedAt",
               ROW_NUMBER() OVER (
                 PARTITION BY a."playerId", a."scenarioId"
                 ORDER BY a."score" DESC, a."solveMs" ASC, a."finishedAt" ASC
               ) AS rn
        FROM "Attempt" a
        WHERE a."state" = 'solved' AND a."score" IS NOT NULL ${scenarioFilter}
      )
      SELECT p."id" AS "playerId", p."name" AS "playerName",
             SUM(b."score") AS "score", SUM(b."solveMs") AS "solveMs",
             COUNT(*) AS "solvedScenarios", MAX(b."finishedAt") AS "finishedAt",
             COUNT(*) OVER () AS "total"
      FROM best b JOIN "Player" p ON p."id" = b."playerId"
      WHERE b.rn = 1
      GROUP BY p."id", p."name"
      ORDER BY "score" DESC, "solveMs" ASC, "finishedAt" ASC, p."name" ASC
      LIMIT ${limit} OFFSET ${offset}`;
    const total = rows.length > 0 ? Number(rows[0].total) : await this.countPlayers(scenarioId);
    return {
      total,
      rows: rows.map((r) => ({
        playerId: r.playerId,
        playerName: r.playerName,
        score: Number(r.score),
        solveMs: Number(r.solveMs),
        solvedScenarios: Number(r.solvedScenarios),
        finishedAt: new Date(r.finishedAt),
      })),
    };
  }

  /** Only needed when the page is past the end (no row carries the window total). */
  private async countPlayers(scenarioId: string | null): Promise<number> {
    const groups = await this.prisma.attempt.groupBy({
      by: ['playerId'],
      where: { state: 'solved', score: { not: null }, ...(scenarioId === null ? {} : { scenarioId }) },
    });
    return groups.length;
  }
}
