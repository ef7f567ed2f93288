import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';

/** Session tokens revoked one at a time (logout), by their `jti`, until they would have expired anyway. */
@Injectable()
export class RevokedTokensRepository {
  constructor(private readonly prisma: PrismaService) {}

  async revoke(jti: string, playerId: string, expiresAt: Date): Promise<void> {
    await this.prisma.revokedToken.upsert({ where: { jti }, create: { jti, playerId, expiresAt }, update: {} });
  }

  async isRevoked(jti: string): Promise<boolean> {
    return (await this.prisma.revokedToken.count({ where: { jti } })) > 0;
  }

  /** Rows of tokens past their expiry are dead weight: an expired token is refused by its signature check. */
  async purgeExpired(now: Date): Promise<void> {
    await this.prisma.revokedToken.deleteMany({ where: { expiresAt: { lt: now } } });
  }
}
