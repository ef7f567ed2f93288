import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';

export type AttemptState = 'active' | 'solved' | 'abandoned';

export interface AttemptRecord {
  id: string;
  playerId: string;
  scenarioId: string;
  seed: number;
  state: AttemptState;
  snapshot: string | null;
  score: number | null;
}

export interface SolvedAttemptUpdate {
  score: number;
  breakdown: string;
  solveMs: number;
  snapshot: string;
  virtualMs: number;
  hintsUsed: number;
  hintPoints: number;
}

const recordSelect = {
  id: true,
  playerId: true,
  scenarioId: true,
  seed: true,
  state: true,
  snapshot: true,
  score: true,
} as const;

@Injectable()
export class AttemptsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async create(attempt: { id: string; playerId: string; scenarioId: string; seed: number; snapshot: string }): Promise<void> {
    await this.prisma.attempt.create({ data: { ...attempt, state: 'active' } });
  }

  async findById(id: string): Promise<AttemptRecord | null> {
    const row = await this.prisma.attempt.findUnique({ where: { id }, select: recordSelect });
    return row ? toRecord(row) : null;
  }

  async findActive(playerId: string, scenarioId: string): Promise<AttemptRecord | null> {
    const row = await this.prisma.attempt.findFirst({
      where: { playerId, scenarioId, state: 'active' },
      orderBy: { startedAt: 'desc' },
      select: recordSelect,
    });
    return row ? toRecord(row) : null;
  }

  async saveSnapshot(id: string, snapshot: string, virtualMs: number, hints: { hintsUsed: number; hintPoints: number }): Promise<void> {
    await this.prisma.attempt.updateMany({
      where: { id, state: 'active' },
      data: { snapshot, virtualMs, ...hints },
    });
  }

  async markSolved(id: string, update: SolvedAttemptUpdate): Promise<void> {
    await this.prisma.attempt.update({
      where: { id },
      data: { ...update, state: 'solved', finishedAt: new Date() },
    });
  }

  async markAbandoned(id: string, snapshot: string, virtualMs: number): Promise<void> {
    await this.prisma.attempt.update({
      where: { id },
      data: { snapshot, virtualMs, state: 'abandoned', finishedAt: new Date() },
    });
  }
}

function toRecord(row: { state: string } & Omit<AttemptRecord, 'state'>): AttemptRecord {
  return { ...row, state: row.state as AttemptState };
}
