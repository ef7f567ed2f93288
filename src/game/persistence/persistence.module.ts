import { Global, Module } from '@nestjs/common';
import { AttemptsRepository } from './attempts.repository';
import { CommandLogsRepository } from './command-logs.repository';
import { LeaderboardRepository } from './leaderboard.repository';
import { PlayersRepository } from './players.repository';
import { PrismaService } from './prisma.service';

/** The one global Prisma module: one PrismaClient, and the repositories that are the only users of it. */
@Global()
@Module({
  providers: [PrismaService, PlayersRepository, AttemptsRepository, CommandLogsRepository, LeaderboardRepository],
  exports: [PlayersRepository, AttemptsRepository, CommandLogsRepository, LeaderboardRepository],
})
export class PersistenceModule {}
