import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { PrismaService } from './prisma.service';

export interface CommandLogEntry {
  attemptId: string;
  seq: number;
  command: string;
  stdout: string;
  stderr: string;
  exitCode: number;
  virtualMs: number;
  /** The last timeline entry recorded before the command ran: places it among the cluster's changes. */
  timelineSeq: number;
}

/** A batch is written this long after its first entry, or at once when it holds this many (one JSON parameter: a bigger batch costs less per row). */
export const COMMAND_LOG_FLUSH_MS = 50;
export const COMMAND_LOG_BATCH = 500;

/**
 * The command log, written in batches: one SQLite transaction per command was most of the server's CPU
 * under load. Entries wait at most COMMAND_LOG_FLUSH_MS in memory; every read flushes first, an attempt
 * that ends flushes before its final state is stored, and shutdown flushes before the database closes.
 */
@Injectable()
export class CommandLogsRepository implements BeforeApplicationShutdown {
  private readonly logger = new Logger(CommandLogsRepository.name);
  private pending: QueuedEntry[] = [];
  private timer?: NodeJS.Timeout;
  /** The flush in progress; flushes run one after another so entries land in order. */
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly prisma: PrismaService) {}

  /** Queues an entry (kept as it is: the caller hands it over); it is stored within COMMAND_LOG_FLUSH_MS (see flush()). */
  append(entry: CommandLogEntry): void {
    this.pending.push({ entry, createdAt: storedNow() });
    if (this.pending.length >= COMMAND_LOG_BATCH) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), COMMAND_LOG_FLUSH_MS);
  }

  /** Writes every queued entry (one transaction); resolves once they, and any earlier batch, are stored. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    if (batch.length > 0) this.writing = this.writing.then(() => this.write(batch));
    return this.writing;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.flush();
  }

  /** The next sequence number for an attempt (continues across restarts). */
  async nextSeq(attemptId: string): Promise<number> {
    await this.flush();
    const last = await this.prisma.commandLog.findFirst({
      where: { attemptId },
      orderBy: { seq: 'desc' },
      select: { seq: true },
    });
    return last ? last.seq + 1 : 1;
  }

  async listForAttempt(attemptId: string): Promise<CommandLogEntry[]> {
    await this.flush();
    return this.prisma.commandLog.findMany({
      where: { attemptId },
      orderBy: { seq: 'asc' },
      select: { attemptId: true, seq: true, command: true, stdout: true, stderr: true, exitCode: true, virtualMs: true, timelineSeq: true },
    });
  }

  private async write(batch: QueuedEntry[]): Promise<void> {
    try {
      // The whole batch is one JSON parameter that SQLite unpacks itself (json_each): per-parameter work in
      // Prisma's raw-query path made 9 parameters a row cost twice the insert (and createMany ~15x more).
      await this.prisma.$executeRawUnsafe(INSERT_JSON, JSON.stringify(batch.map(columnsOf)));
    } catch {
      // One bad entry (say, of an attempt deleted meanwhile) must not cost the others theirs: retry one by one.
      for (const entry of batch) {
        try {
          await this.prisma.commandLog.create({ data: { ...entry.entry, createdAt: new Date(entry.createdAt) } });
        } catch (err) {
          // Reported, not thrown: a failed entry must not block later batches nor reject every caller's flush.
          this.logger.error(`command log entry ${entry.entry.attemptId}#${entry.entry.seq} not stored`, err instanceof Error ? err.stack : String(err));
        }
      }
    }
  }
}

/** An entry as queued: the caller's object (not copied) and when it was logged, as stored (see storedNow). */
interface QueuedEntry {
  entry: CommandLogEntry;
  createdAt: string;
}

let lastNow = { ms: NaN, text: '' };
/** Now as Prisma's SQLite adapter stores a DateTime (iso8601 with +00:00); formatted once per millisecond. */
function storedNow(): string {
  const ms = Date.now();
  if (ms !== lastNow.ms) lastNow = { ms, text: new Date(ms).toISOString().replace('Z', '+00:00') };
  return lastNow.text;
}

/** One row per element of the JSON array bound to `?`; `->>` gives SQL integers for JSON numbers and text for strings. */
const INSERT_JSON =
  'INSERT INTO "CommandLog" ("attemptId", "seq", "command", "stdout", "stderr", "exitCode", "virtualMs", "timelineSeq", "createdAt") ' +
  "SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6, value->>7, value->>8 FROM json_each(?)";

function columnsOf({ entry: e, createdAt }: QueuedEntry): unknown[] {
  return [e.attemptId, e.seq, e.command, e.stdout, e.stderr, e.exitCode, e.virtualMs, e.timelineSeq, createdAt];
}
