import { Global, Module } from '@nestjs/common';
import { AnswersRepository } from './answers.repository';
import { AttemptsRepository } from './attempts.repository';
import { BestResultsRepository } from './best-results.repository';
import { AuthoredScenariosRepository } from './authored-scenarios.repository';
import { CommandLogsRepository } from './command-logs.repository';
import { EventsRepository } from './events.repository';
import { K8sTokensRepository } from './k8s-tokens.repository';
import { LeaderboardRepository } from './leaderboard.repository';
import { PlayersRepository } from './players.repository';
import { PrismaService } from './prisma.service';
import { QuizLeaderboardRepository } from './quiz-leaderboard.repository';
import { QuizRoundsRepository } from './quiz-rounds.repository';
import { RevokedTokensRepository } from './revoked-tokens.repository';
import { TimelineRepository } from './timeline.repository';

const repositories = [
  PlayersRepository,
  AttemptsRepository,
  CommandLogsRepository,
  LeaderboardRepository,
  EventsRepository,
  AnswersRepository,
  RevokedTokensRepository,
  TimelineRepository,
  QuizRoundsRepository,
  QuizLeaderboardRepository,
  AuthoredScenariosRepository,
  K8sTokensRepository,
  BestResultsRepository,
];

/** The one global Prisma module: one PrismaClient, and the repositories that are the only users of it. */
@Global()
@Module({
  providers: [PrismaService, ...repositories],
  exports: repositories,
})
export class PersistenceModule {}
