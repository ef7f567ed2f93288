import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';
import { isUniqueViolation } from './unique-violation';

export interface PlayerRecord {
  id: string;
  name: string;
  passwordHash: string | null;
  role: string;
  guest: boolean;
  /** Tokens carrying an older generation are revoked. */
  tokenGeneration: number;
}

const select = { id: true, name: true, passwordHash: true, role: true, guest: true, tokenGeneration: true } as const;

@Injectable()
export class PlayersRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Returns null when the name is already taken. */
  async create(player: Omit<PlayerRecord, 'tokenGeneration'>): Promise<PlayerRecord | null> {
    return nullIfNameTaken(() => this.prisma.player.create({ data: player, select }));
  }

  findByName(name: string): Promise<PlayerRecord | null> {
    return this.prisma.player.findUnique({ where: { name }, select });
  }

  findById(id: string): Promise<PlayerRecord | null> {
    return this.prisma.player.findUnique({ where: { id }, select });
  }

  countAccounts(): Promise<number> {
    return this.prisma.player.count({ where: { guest: false } });
  }

  /** Turns a guest into an account, keeping its id and so its attempts; null when the name is taken. */
  async claim(id: string, update: { name: string; passwordHash: string; role: string }): Promise<PlayerRecord | null> {
    return nullIfNameTaken(() => this.prisma.player.update({ where: { id }, data: { ...update, guest: false }, select }));
  }

  async setRole(name: string, role: string): Promise<PlayerRecord | null> {
    const found = await this.findByName(name);
    if (!found) return null;
    return this.prisma.player.update({ where: { id: found.id }, data: { role }, select });
  }

  /** Revokes every token issued so far; returns the new generation, or null for an unknown player. */
  async bumpTokenGeneration(id: string): Promise<number | null> {
    const updated = await this.prisma.player.updateMany({ where: { id }, data: { tokenGeneration: { increment: 1 } } });
    if (updated.count === 0) return null;
    return (await this.findById(id))?.tokenGeneration ?? null;
  }

  /** A new password, and every token issued before it revoked, in one write. */
  changePassword(id: string, passwordHash: string): Promise<PlayerRecord> {
    return this.prisma.player.update({ where: { id }, data: { passwordHash, tokenGeneration: { increment: 1 } }, select });
  }

  async names(ids: string[]): Promise<Map<string, string>> {
    const rows = await this.prisma.player.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}

async function nullIfNameTaken<T>(work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (err) {
    if (isUniqueViolation(err)) return null;
    throw err;
  }
}
