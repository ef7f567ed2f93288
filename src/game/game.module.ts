import { Module } from '@nestjs/common';
import { AdminController } from './admin/admin.controller';
import { AttemptJournal } from './attempts/attempt-journal.service';
import { AttemptLoader } from './attempts/attempt-loader.service';
import { AttemptProgressService } from './attempts/attempt-progress.service';
import { AttemptRegistry } from './attempts/attempt.registry';
import { AttemptTickerService } from './attempts/attempt-ticker.service';
import { AttemptsService } from './attempts/attempts.service';
import { SolvedDiagnosisService } from './attempts/solved-diagnosis.service';
import { GAME_CONFIG, gameConfigFromEnv } from './attempts/game-config';
import { AuthoredScenarios } from './authoring/authored-scenarios.registry';
import { AuthoringController } from './authoring/authoring.controller';
import { AuthoringService } from './authoring/authoring.service';
import { ValidationPool } from './authoring/validation-pool.service';
import { AuthController } from './auth/auth.controller';
import { HttpAuthGuard } from './auth/http-auth.guard';
import { PlayersService } from './auth/players.service';
import { SessionRevocationService } from './auth/session-revocation.service';
import { loadServerSecret, SERVER_SECRET } from './auth/server-secret';
import { EventsController } from './events/events.controller';
import { EventsService } from './events/events.service';
import { ClusterViewService } from './cluster-view/cluster-view.service';
import { PlayerCatalogueService } from './scenarios/player-catalogue.service';
import { GameGateway } from './game.gateway';
import { LeaderboardController } from './leaderboard/leaderboard.controller';
import { LeaderboardService } from './leaderboard/leaderboard.service';
import { PersistenceModule } from './persistence/persistence.module';
import { ReplaysController } from './replays/replays.controller';
import { ReplaysService } from './replays/replays.service';
import { AttemptTimelineService } from './replays/attempt-timeline.service';
import { scenarioCatalogProvider, scenarioTextLoaderProvider } from './scenarios/scenario-catalog.provider';
import { ScenariosController } from './scenarios/scenarios.controller';
import { ScenariosService } from './scenarios/scenarios.service';
import { PushService } from './transport/push.service';
import { QuizClock, quizBankProvider } from './quiz/quiz-bank.provider';
import { QuizController } from './quiz/quiz.controller';
import { QuizGateway } from './quiz/quiz.gateway';
import { QuizRoundsService } from './quiz/quiz-rounds.service';

@Module({
  imports: [PersistenceModule],
  controllers: [AuthController, ScenariosController, LeaderboardController, EventsController, AdminController, ReplaysController, QuizController, AuthoringController],
  providers: [
    scenarioTextLoaderProvider,
    AuthoredScenarios,
    scenarioCatalogProvider,
    ValidationPool,
    AuthoringService,
    { provide: GAME_CONFIG, useFactory: () => gameConfigFromEnv() },
    { provide: SERVER_SECRET, useFactory: () => loadServerSecret() },
    PlayersService,
    SessionRevocationService,
    HttpAuthGuard,
    ScenariosService,
    LeaderboardService,
    EventsService,
    ReplaysService,
    AttemptTimelineService,
    AttemptRegistry,
    AttemptJournal,
    AttemptLoader,
    AttemptProgressService,
    AttemptsService,
    SolvedDiagnosisService,
    AttemptTickerService,
    PushService,
    ClusterViewService,
    PlayerCatalogueService,
    GameGateway,
    quizBankProvider,
    QuizClock,
    QuizRoundsService,
    QuizGateway,
  ],
  // For the per-attempt Kubernetes API (src/k8s-api).
  exports: [AttemptJournal, AttemptLoader, AttemptProgressService, AttemptTimelineService, PushService, PlayersService, HttpAuthGuard],
})
export class GameModule {}
