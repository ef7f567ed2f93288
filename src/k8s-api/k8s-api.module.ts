import { Module } from '@nestjs/common';
import { GameModule } from '../game/game.module';
import { K8sApiServer } from './k8s-api.server';
import { K8sAttemptsService } from './k8s-attempts.service';
import { KubeconfigController } from './kubeconfig.controller';

/** The per-attempt Kubernetes API for the learner's real kubectl (HTTPS on CRASHLOOP_K8S_PORT, routes /k8s/<attemptId>/…). */
@Module({
  imports: [GameModule],
  controllers: [KubeconfigController],
  providers: [K8sAttemptsService, K8sApiServer],
})
export class K8sApiModule {}
