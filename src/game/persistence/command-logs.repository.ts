import { Injectable } from '@nestjs/common';
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

@Injectable()
export class CommandLogsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async append(entry: CommandLogEntry): Promise<void> {
    await this.prisma.commandLog.create({ data: entry });
  }

  /** The next sequence number for an attempt (continues across restarts). */
  async nextSeq(attemptId: string): Promise<number> {
    const last = await this.prisma.commandLog.findFirst({
      where: { attemptId },
      orderBy: { seq: 'desc' },
      select: { seq: true },
    });
    return last ? last.seq + 1 : 1;
  }

  listForAttempt(attemptId: string): Promise<CommandLogEntry[]> {
    return this.prisma.commandLog.findMany({
      where: { attemptId },
      orderBy: { seq: 'asc' },
      select: { attemptId: true, seq: true, command: true, stdout: true, stderr: true, exitCode: true, virtualMs: true, timelineSeq: true },
    });
  }
}
