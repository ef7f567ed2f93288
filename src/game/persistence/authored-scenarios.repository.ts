import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';
import { isUniqueViolation } from './unique-violation';

export interface AuthoredScenarioRecord {
  id: string;
  ownerId: string;
  ownerName: string;
  publishedVersion: number | null;
  updatedAt: Date;
  /** the highest version number */
  latest: AuthoredVersionRecord;
}

export interface AuthoredVersionRecord {
  scenarioId: string;
  version: number;
  title: string;
  /** AuthoringReport as JSON */
  report: string;
  ok: boolean;
  createdAt: Date;
  publishedAt: Date | null;
}

export interface AuthoredVersionText extends AuthoredVersionRecord {
  yaml: string;
}

/** A version learners can play (or an attempt is pinned to): ever published, and valid when it was. */
export interface PlayableVersion {
  scenarioId: string;
  version: number;
  yaml: string;
  ownerName: string;
}

const versionSelect = { scenarioId: true, version: true, title: true, report: true, ok: true, createdAt: true, publishedAt: true } as const;
const scenarioSelect = {
  id: true,
  ownerId: true,
  owner: { select: { name: true } },
  publishedVersion: true,
  updatedAt: true,
  versions: { select: versionSelect, orderBy: { version: 'desc' }, take: 1 },
} as const;

type ScenarioRow = {
  id: string;
  ownerId: string;
  owner: { name: string };
  publishedVersion: number | null;
  updatedAt: Date;
  versions: AuthoredVersionRecord[];
};

/** Instructors' scenarios and every version they uploaded. */
@Injectable()
export class AuthoredScenariosRepository {
  constructor(private readonly prisma: PrismaService) {}

  async find(id: string): Promise<AuthoredScenarioRecord | null> {
    const row = await this.prisma.authoredScenario.findUnique({ where: { id }, select: scenarioSelect });
    return row ? toRecord(row) : null;
  }

  /** Every scenario of one owner, or of everyone (ownerId null), most recently changed first. */
  async list(ownerId: string | null): Promise<AuthoredScenarioRecord[]> {
    const rows = await this.prisma.authoredScenario.findMany({
      where: ownerId === null ? {} : { ownerId },
      orderBy: { updatedAt: 'desc' },
      select: scenarioSelect,
    });
    return rows.map(toRecord);
  }

  /** A new scenario with its version 1; false if the id was taken meanwhile. */
  async create(id: string, ownerId: string, version: { yaml: string; title: string; report: string; ok: boolean }): Promise<boolean> {
    try {
      await this.prisma.authoredScenario.create({ data: { id, ownerId, versions: { create: { version: 1, ...version } } } });
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }

  /** Appends the next version; callers serialise per scenario id. */
  async addVersion(id: string, version: { yaml: string; title: string; report: string; ok: boolean }): Promise<number> {
    return this.prisma.$transaction(async (tx) => {
      const last = await tx.authoredScenarioVersion.findFirst({ where: { scenarioId: id }, orderBy: { version: 'desc' }, select: { version: true } });
      const next = (last?.version ?? 0) + 1;
      await tx.authoredScenarioVersion.create({ data: { scenarioId: id, version: next, ...version } });
      await tx.authoredScenario.update({ where: { id }, data: { updatedAt: new Date() } });
      return next;
    });
  }

  versions(id: string): Promise<AuthoredVersionRecord[]> {
    return this.prisma.authoredScenarioVersion.findMany({ where: { scenarioId: id }, orderBy: { version: 'asc' }, select: versionSelect });
  }

  version(id: string, version: number): Promise<AuthoredVersionText | null> {
    return this.prisma.authoredScenarioVersion.findUnique({
      where: { scenarioId_version: { scenarioId: id, version } },
      select: { ...versionSelect, yaml: true },
    });
  }

  /** Makes `version` the one new attempts play; the first publication of a version is remembered. */
  async publish(id: string, version: number): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.authoredScenarioVersion.updateMany({ where: { scenarioId: id, version, publishedAt: null }, data: { publishedAt: new Date() } }),
      this.prisma.authoredScenario.update({ where: { id }, data: { publishedVersion: version } }),
    ]);
  }

  async unpublish(id: string): Promise<void> {
    await this.prisma.authoredScenario.update({ where: { id }, data: { publishedVersion: null } });
  }

  /** Versions that were ever published: the server keeps them playable so pinned attempts restore. */
  async playable(): Promise<Array<PlayableVersion & { published: boolean }>> {
    const rows = await this.prisma.authoredScenarioVersion.findMany({
      where: { publishedAt: { not: null }, ok: true },
      orderBy: [{ scenarioId: 'asc' }, { version: 'asc' }],
      select: { scenarioId: true, version: true, yaml: true, scenario: { select: { publishedVersion: true, owner: { select: { name: true } } } } },
    });
    return rows.map((r) => ({
      scenarioId: r.scenarioId,
      version: r.version,
      yaml: r.yaml,
      ownerName: r.scenario.owner.name,
      published: r.scenario.publishedVersion === r.version,
    }));
  }
}

function toRecord(row: ScenarioRow): AuthoredScenarioRecord {
  const latest = row.versions[0];
  if (!latest) throw new Error(`authored scenario ${row.id} has no version`);
  return { id: row.id, ownerId: row.ownerId, ownerName: row.owner.name, publishedVersion: row.publishedVersion, updatedAt: row.updatedAt, latest };
}
