import { Injectable } from '@nestjs/common';
import type { TimelineEntry } from '../../scenarios/session.types';
import { PrismaService } from './prisma.service';

/** An attempt's cluster timeline: one row per entry, the entry itself as JSON; written in batches. */
@Injectable()
export class TimelineRepository {
  constructor(private readonly prisma: PrismaService) {}

  async append(attemptId: string, entries: TimelineEntry[]): Promise<void> {
    // Multi-row INSERTs, as the command log's: createMany's query compiler cost more than SQLite's writes.
    for (let i = 0; i < entries.length; i += BATCH) {
      const batch = entries.slice(i, i + BATCH);
      const values = batch.flatMap(({ seq, atMs, kind, ...rest }) => [attemptId, seq, atMs, kind, JSON.stringify(rest)]);
      await this.prisma.$executeRawUnsafe(`${INSERT} ${batch.map(() => ROW).join(',')}`, ...values);
    }
  }

  /** The `seq` of the last stored entry (0 for none): where a revived session's timeline goes on from. */
  async lastSeq(attemptId: string): Promise<number> {
    const last = await this.prisma.timelineEntry.findFirst({ where: { attemptId }, orderBy: { seq: 'desc' }, select: { seq: true } });
    return last?.seq ?? 0;
  }

  async listForAttempt(attemptId: string): Promise<TimelineEntry[]> {
    const rows = await this.prisma.timelineEntry.findMany({ where: { attemptId }, orderBy: { seq: 'asc' }, select: { seq: true, atMs: true, kind: true, data: true } });
    return rows.map((r) => ({ ...(JSON.parse(r.data) as object), seq: r.seq, atMs: r.atMs, kind: r.kind }) as TimelineEntry);
  }
}

/** Rows per INSERT: 5 parameters each, well under SQLite's limit of 32,766. */
const BATCH = 500;
const INSERT = 'INSERT INTO "TimelineEntry" ("attemptId", "seq", "atMs", "kind", "data") VALUES';
const ROW = '(?, ?, ?, ?, ?)';
