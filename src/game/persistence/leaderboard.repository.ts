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

/** Filters that combine; null means "any". */
export interface LeaderboardFilter {
  scenarioId: string | null;
  track: string | null;
  week: string | null;
  eventId: string | null;
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
 * Guests count only on event boards (they are in the room; the public boards are for accounts).
 */
@Injectable()
export class LeaderboardRepository {
  constructor(private readonly prisma: PrismaService) {}

  async page(filter: LeaderboardFilter, limit: number, offset: number): Promise<LeaderboardPage> {
    const scenarioFilter = Prisma.join(
      [
        Prisma.sql`a."state" = 'solved' AND a."score" IS NOT NULL`,
        filter.scenarioId === null ? Prisma.empty : Prisma.sql`a."scenarioId" = ${filter.scenarioId}`,
        filter.track === null ? Prisma.empty : Prisma.sql`a."track" = ${filter.track}`,
        filter.week === null ? Prisma.empty : Prisma.sql`a."week" = ${filter.week}`,
        filter.eventId === null
          ? Prisma.sql`a."eventId" IS NULL AND a."playerId" IN (SELECT "id" FROM "Player" WHERE "guest" = 0)`
          : Prisma.sql`a."eventId" = ${filter.eventId}`,
      ].filter((part) => part !== Prisma.empty),
      ' AND ',
    );
    const rows = await this.prisma.$queryRaw<RawRow[]>`
      WITH best AS (
        SELECT a."playerId", a."scenarioId", a."score", a."solveMs", a."finishedAt",
               ROW_NUMBER() OVER (
                 PARTITION BY a."playerId", a."scenarioId"
                 ORDER BY a."score" DESC, a."solveMs" ASC, a."finishedAt" ASC
               ) AS rn
        FROM "Attempt" a
        WHERE ${scenarioFilter}
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
    const total = rows.length > 0 ? Number(rows[0].total) : offset === 0 ? 0 : await this.countPlayers(scenarioFilter);
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
  private async countPlayers(where: Prisma.Sql): Promise<number> {
    const [row] = await this.prisma.$queryRaw<Array<{ n: number | bigint }>>`
      SELECT COUNT(DISTINCT a."playerId") AS "n" FROM "Attempt" a WHERE ${where}`;
    return Number(row?.n ?? 0);
  }
}
