import { Injectable } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client';
import { PrismaService } from './prisma.service';

export interface QuizLeaderboardRow {
  playerId: string;
  playerName: string;
  score: number;
  answerMs: number;
  correctAnswers: number;
  finishedAt: Date;
}

interface RawRow {
  playerId: string;
  playerName: string;
  score: number | bigint;
  answerMs: number | bigint;
  correctAnswers: number | bigint;
  finishedAt: string | number | Date;
  total: number | bigint;
}

/**
 * The quiz board: each account's best finished round (higher score, then the earlier finish), ranked the
 * same way; optionally only rounds finished in one ISO week. Guests are left out until they claim an account.
 */
@Injectable()
export class QuizLeaderboardRepository {
  constructor(private readonly prisma: PrismaService) {}

  async page(week: string | null, limit: number, offset: number): Promise<{ total: number; rows: QuizLeaderboardRow[] }> {
    const where = Prisma.join(
      [
        Prisma.sql`r."state" = 'finished'`,
        Prisma.sql`r."playerId" IN (SELECT "id" FROM "Player" WHERE "guest" = 0)`,
        ...(week === null ? [] : [Prisma.sql`r."week" = ${week}`]),
      ],
      ' AND ',
    );
    const rows = await this.prisma.$queryRaw<RawRow[]>`
      WITH best AS (
        SELECT r."id", r."playerId", r."score", r."answerMs", r."finishedAt",
               ROW_NUMBER() OVER (PARTITION BY r."playerId" ORDER BY r."score" DESC, r."finishedAt" ASC) AS rn
        FROM "QuizRound" r
        WHERE ${where}
      )
      SELECT p."id" AS "playerId", p."name" AS "playerName", b."score" AS "score", b."answerMs" AS "answerMs",
             (SELECT COUNT(*) FROM "QuizRoundAnswer" a WHERE a."roundId" = b."id" AND a."correct" = 1) AS "correctAnswers",
             b."finishedAt" AS "finishedAt", COUNT(*) OVER () AS "total"
      FROM best b JOIN "Player" p ON p."id" = b."playerId"
      WHERE b.rn = 1
      ORDER BY b."score" DESC, b."finishedAt" ASC, p."name" ASC
      LIMIT ${limit} OFFSET ${offset}`;
    const total = rows.length > 0 ? Number(rows[0].total) : offset === 0 ? 0 : await this.countPlayers(where);
    return {
      total,
      rows: rows.map((r) => ({
        playerId: r.playerId,
        playerName: r.playerName,
        score: Number(r.score),
        answerMs: Number(r.answerMs),
        correctAnswers: Number(r.correctAnswers),
        finishedAt: new Date(r.finishedAt),
      })),
    };
  }

  private async countPlayers(where: Prisma.Sql): Promise<number> {
    const [row] = await this.prisma.$queryRaw<Array<{ n: number | bigint }>>`SELECT COUNT(DISTINCT r."playerId") AS "n" FROM "QuizRound" r WHERE ${where}`;
    return Number(row?.n ?? 0);
  }
}
