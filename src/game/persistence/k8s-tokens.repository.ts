import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';

/** Bearer tokens of the per-attempt Kubernetes API, stored as SHA-256 hashes (see src/k8s-api). */
@Injectable()
export class K8sTokensRepository {
  constructor(private readonly prisma: PrismaService) {}

  async add(tokenHash: string, attemptId: string): Promise<void> {
    await this.prisma.k8sToken.create({ data: { tokenHash, attemptId } });
  }

  /** The attempt (and its player) a token hash opens, or undefined. */
  async find(tokenHash: string): Promise<{ attemptId: string; playerId: string } | undefined> {
    const row = await this.prisma.k8sToken.findUnique({ where: { tokenHash }, select: { attemptId: true, attempt: { select: { playerId: true } } } });
    return row ? { attemptId: row.attemptId, playerId: row.attempt.playerId } : undefined;
  }
}
