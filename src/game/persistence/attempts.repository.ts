import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';

export type AttemptState = 'active' | 'solved' | 'abandoned';

export interface AttemptRecord {
  id: string;
  playerId: string;
  playerName: string;
  scenarioId: string;
  /** the authored scenario's pinned version; null for a built-in scenario */
  scenarioVersion: number | null;
  track: string;
  eventId: string | null;
  seed: number;
  state: AttemptState;
  snapshot: string | null;
  /** virtual ms of the stored snapshot */
  virtualMs: number;
  score: number | null;
  solveMs: number | null;
}

export interface SolvedAttemptUpdate {
  score: number;
  breakdown: string;
  solveMs: number;
  snapshot: string;
  virtualMs: number;
  hintsUsed: number;
  hintPoints: number;
  diagnosisPoints: number;
  quizPoints: number;
  week: string;
  finishedAt: Date;
}

export interface SolvedAttemptSummary {
  attemptId: string;
  playerName: string;
  score: number;
  solveMs: number;
}

/** What the attempt row keeps up to date beside its snapshot. */
export interface SnapshotTotals {
  hintsUsed: number;
  hintPoints: number;
  diagnosisPoints: number;
  quizPoints: number;
}

const UPDATE_SNAPSHOTS_JSON =
  'UPDATE "Attempt" SET "snapshot" = j.value->>1, "virtualMs" = j.value->>2, "hintsUsed" = j.value->>3, "hintPoints" = j.value->>4, ' +
  '"diagnosisPoints" = j.value->>5, "quizPoints" = j.value->>6 FROM json_each(?) AS j WHERE "Attempt"."id" = j.value->>0 AND "Attempt"."state" = \'active\'';

const recordSelect = {
  id: true,
  playerId: true,
  player: { select: { name: true } },
  scenarioId: true,
  scenarioVersion: true,
  track: true,
  eventId: true,
  seed: true,
  state: true,
  snapshot: true,
  virtualMs: true,
  score: true,
  solveMs: true,
} as const;

@Injectable()
export class AttemptsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** A new attempt, without a snapshot: until its first one it is rebuilt from (scenario, version, seed). */
  async create(attempt: { id: string; playerId: string; scenarioId: string; scenarioVersion: number | null; track: string; eventId: string | null; seed: number }): Promise<void> {
    await this.prisma.attempt.create({ data: { ...attempt, snapshot: null, state: 'active' } });
  }

  async findById(id: string): Promise<AttemptRecord | null> {
    const row = await this.prisma.attempt.findUnique({ where: { id }, select: recordSelect });
    return row ? toRecord(row) : null;
  }

  async findActive(playerId: string, scenarioId: string, eventId: string | null): Promise<AttemptRecord | null> {
    const row = await this.prisma.attempt.findFirst({
      where: { playerId, scenarioId, eventId, state: 'active' },
      orderBy: { startedAt: 'desc' },
      select: recordSelect,
    });
    return row ? toRecord(row) : null;
  }

  async hasSolved(playerId: string, scenarioId: string): Promise<boolean> {
    return (await this.prisma.attempt.count({ where: { playerId, scenarioId, state: 'solved' } })) > 0;
  }

  /** The best solved attempt of each player for a scenario, best first. */
  async bestSolved(scenarioId: string, limit: number): Promise<SolvedAttemptSummary[]> {
    const rows = await this.prisma.attempt.findMany({
      where: { scenarioId, state: 'solved', score: { not: null } },
      orderBy: [{ score: 'desc' }, { solveMs: 'asc' }, { finishedAt: 'asc' }],
      select: { id: true, playerId: true, score: true, solveMs: true, player: { select: { name: true } } },
      take: limit * 10,
    });
    const seen = new Set<string>();
    const best: SolvedAttemptSummary[] = [];
    for (const row of rows) {
      if (seen.has(row.playerId)) continue;
      seen.add(row.playerId);
      best.push({ attemptId: row.id, playerName: row.player.name, score: row.score ?? 0, solveMs: row.solveMs ?? 0 });
      if (best.length === limit) break;
    }
    return best;
  }

  /**
   * Several active attempts' snapshots in one statement: the periodic pass writes one per live attempt, and
   * a Prisma call cost more than SQLite's write of a (now few-KB) snapshot.
   */
  async saveSnapshots(rows: Array<{ id: string; snapshot: string; virtualMs: number } & SnapshotTotals>): Promise<void> {
    if (rows.length === 0) return;
    const values = rows.map((r) => [r.id, r.snapshot, r.virtualMs, r.hintsUsed, r.hintPoints, r.diagnosisPoints, r.quizPoints]);
    await this.prisma.$executeRawUnsafe(UPDATE_SNAPSHOTS_JSON, JSON.stringify(values));
  }

  async markSolved(id: string, update: SolvedAttemptUpdate): Promise<void> {
    await this.prisma.attempt.update({
      where: { id },
      data: { ...update, state: 'solved' },
    });
  }

  /** What re-scoring a solved attempt needs. */
  async findSolvedScore(id: string): Promise<{ breakdown: string; week: string | null } | null> {
    const row = await this.prisma.attempt.findFirst({ where: { id, state: 'solved' }, select: { breakdown: true, week: true } });
    return row && row.breakdown !== null ? { breakdown: row.breakdown, week: row.week } : null;
  }

  /** A solved attempt's score changed (a diagnosis named after the repair). */
  async rescore(id: string, update: { score: number; breakdown: string; diagnosisPoints: number; snapshot: string }): Promise<void> {
    await this.prisma.attempt.updateMany({ where: { id, state: 'solved' }, data: update });
  }

  async markAbandoned(id: string, snapshot: string, virtualMs: number): Promise<void> {
    await this.prisma.attempt.update({
      where: { id },
      data: { snapshot, virtualMs, state: 'abandoned', finishedAt: new Date() },
    });
  }
}

type Row = Omit<AttemptRecord, 'state' | 'playerName'> & { state: string; player: { name: string } };

function toRecord({ player, ...row }: Row): AttemptRecord {
  return { ...row, playerName: player.name, state: row.state as AttemptState };
}
