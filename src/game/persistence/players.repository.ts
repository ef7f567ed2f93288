import { Injectable } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client';
import { PrismaService } from './prisma.service';

export interface PlayerRecord {
  id: string;
  name: string;
  tokenHash: string;
}

@Injectable()
export class PlayersRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Returns null when the name is already taken. */
  async create(player: PlayerRecord): Promise<PlayerRecord | null> {
    try {
      return await this.prisma.player.create({ data: player, select: { id: true, name: true, tokenHash: true } });
    } catch (err) {
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') return null;
      throw err;
    }
  }

  findByName(name: string): Promise<PlayerRecord | null> {
    return this.prisma.player.findUnique({ where: { name }, select: { id: true, name: true, tokenHash: true } });
  }

  findById(id: string): Promise<PlayerRecord | null> {
    return this.prisma.player.findUnique({ where: { id }, select: { id: true, name: true, tokenHash: true } });
  }
}
