import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';
import { isUniqueViolation } from './unique-violation';

export interface EventRecord {
  id: string;
  name: string;
  code: string;
  scenarioIds: string[];
  seed: number;
  startsAt: Date;
  endsAt: Date;
  createdById: string;
}

const select = { id: true, name: true, code: true, scenarioIds: true, seed: true, startsAt: true, endsAt: true, createdById: true } as const;

@Injectable()
export class EventsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Returns null when the join code is already in use. */
  async create(event: EventRecord): Promise<EventRecord | null> {
    try {
      const row = await this.prisma.event.create({ data: { ...event, scenarioIds: JSON.stringify(event.scenarioIds) }, select });
      return toRecord(row);
    } catch (err) {
      if (isUniqueViolation(err)) return null;
      throw err;
    }
  }

  async findById(id: string): Promise<EventRecord | null> {
    const row = await this.prisma.event.findUnique({ where: { id }, select });
    return row ? toRecord(row) : null;
  }

  async findByCode(code: string): Promise<EventRecord | null> {
    const row = await this.prisma.event.findUnique({ where: { code }, select });
    return row ? toRecord(row) : null;
  }

  /** Newest first; all events when `createdById` is null. */
  async list(createdById: string | null): Promise<EventRecord[]> {
    const rows = await this.prisma.event.findMany({
      where: createdById === null ? {} : { createdById },
      orderBy: { startsAt: 'desc' },
      take: 200,
      select,
    });
    return rows.map(toRecord);
  }

  async addMember(eventId: string, playerId: string): Promise<void> {
    await this.prisma.eventMember.upsert({
      where: { eventId_playerId: { eventId, playerId } },
      create: { eventId, playerId },
      update: {},
    });
  }

  async isMember(eventId: string, playerId: string): Promise<boolean> {
    return (await this.prisma.eventMember.count({ where: { eventId, playerId } })) > 0;
  }

  async members(eventId: string): Promise<Array<{ playerId: string; name: string }>> {
    const rows = await this.prisma.eventMember.findMany({
      where: { eventId },
      orderBy: { joinedAt: 'asc' },
      select: { playerId: true, player: { select: { name: true } } },
    });
    return rows.map((r) => ({ playerId: r.playerId, name: r.player.name }));
  }
}

function toRecord(row: Omit<EventRecord, 'scenarioIds'> & { scenarioIds: string }): EventRecord {
  return { ...row, scenarioIds: JSON.parse(row.scenarioIds) as string[] };
}
