import { Injectable } from '@nestjs/common';
import type { TimelineEntry } from '../../scenarios/session.types';
import { PrismaService } from './prisma.service';

/** An attempt's cluster timeline: one row per entry, the entry itself as JSON; written in batches. */
@Injectable()
export class TimelineRepository {
  constructor(private readonly prisma: PrismaService) {}

  async append(attemptId: string, entries: TimelineEntry[]): Promise<void> {
    await this.appendMany([{ attemptId, entries }]);
  }

  /** Several attempts' entries in one statement (the snapshot pass stores a batch of attempts at once). */
  async appendMany(batches: Array<{ attemptId: string; entries: TimelineEntry[] }>): Promise<void> {
    const rows = batches.flatMap(({ attemptId, entries }) => entries.map(({ seq, atMs, kind, ...rest }) => [attemptId, seq, atMs, kind, JSON.stringify(rest)]));
    if (rows.length === 0) return;
    // One JSON parameter that SQLite unpacks (json_each), as the command log's: createMany's query compiler,
    // or a parameter per column, cost more than SQLite's writes.
    await this.prisma.$executeRawUnsafe(INSERT_JSON, JSON.stringify(rows));
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

const INSERT_JSON =
  'INSERT INTO "TimelineEntry" ("attemptId", "seq", "atMs", "kind", "data") SELECT value->>0, value->>1, value->>2, value->>3, value->>4 FROM json_each(?)';
