import { Controller, Get, Header, Param, UseGuards } from '@nestjs/common';
import { stringify } from 'yaml';
import { CurrentPrincipal, HttpAuthGuard } from '../game/auth/http-auth.guard';
import type { Principal } from '../game/auth/players.service';
import { K8sApiServer } from './k8s-api.server';
import { K8sAttemptsService } from './k8s-attempts.service';

/** `GET /api/attempts/:attemptId/kubeconfig` (owner only): a kubeconfig with a fresh token for the attempt's own API. */
@Controller('api/attempts')
@UseGuards(HttpAuthGuard)
export class KubeconfigController {
  constructor(
    private readonly server: K8sApiServer,
    private readonly attempts: K8sAttemptsService,
  ) {}

  @Get(':attemptId/kubeconfig')
  @Header('Content-Type', 'application/yaml; charset=utf-8')
  async kubeconfig(@CurrentPrincipal() principal: Principal, @Param('attemptId') attemptId: string): Promise<string> {
    const token = await this.attempts.issueToken(principal.playerId, attemptId);
    const name = `crashloop-${attemptId.slice(0, 8)}`;
    return stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name, cluster: { server: this.server.serverUrl(attemptId), 'certificate-authority-data': Buffer.from(this.server.tls.caCert).toString('base64') } }],
      users: [{ name, user: { token } }],
      contexts: [{ name, context: { cluster: name, user: name, namespace: 'default' } }],
      'current-context': name,
      preferences: {},
    });
  }
}
