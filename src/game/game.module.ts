import { Module } from '@nestjs/common';
import { AttemptLoader } from './attempts/attempt-loader.service';
import { AttemptProgressService } from './attempts/attempt-progress.service';
import { AttemptRegistry } from './attempts/attempt.registry';
import { AttemptTickerService } from './attempts/attempt-ticker.service';
import { AttemptsService } from './attempts/attempts.service';
import { GAME_CONFIG, gameConfigFromEnv } from './attempts/game-config';
import { GameGateway } from './game.gateway';
import { LeaderboardController } from './leaderboard/leaderboard.controller';
import { LeaderboardService } from './leaderboard/leaderboard.service';
import { PersistenceModule } from './persistence/persistence.module';
import { PlayersService } from './players/players.service';
import { scenarioCatalogProvider } from './scenarios/scenario-catalog.provider';
import { ScenariosController } from './scenarios/scenarios.controller';
import { ScenariosService } from './scenarios/scenarios.service';
import { PushService } from './transport/push.service';

@Module({
  imports: [PersistenceModule],
  controllers: [ScenariosController, LeaderboardController],
  providers: [
    scenarioCatalogProvider,
    { provide: GAME_CONFIG, useFactory: () => gameConfigFromEnv() },
    PlayersService,
    ScenariosService,
    LeaderboardService,
    AttemptRegistry,
    AttemptLoader,
    AttemptProgressService,
    AttemptsService,
    AttemptTickerService,
    PushService,
    GameGateway,
  ],
})
export class GameModule {}
