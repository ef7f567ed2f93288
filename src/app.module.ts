import { Module } from '@nestjs/common';
import { GameModule } from './game/game.module';
import { K8sApiModule } from './k8s-api/k8s-api.module';

@Module({ imports: [GameModule, K8sApiModule] })
export class AppModule {}
