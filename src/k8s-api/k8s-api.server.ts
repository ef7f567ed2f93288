import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createServer, Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { dataDir } from '../game/auth/server-secret';
import { K8sAttemptsService } from './k8s-attempts.service';
import { K8sRouter } from './k8s-router';
import { K8sTls, loadOrCreateTls } from './tls';

/** Where the per-attempt Kubernetes API listens and how kubeconfigs name it. */
export interface K8sApiConfig {
  /** CRASHLOOP_K8S_PORT (default 6443; 0 = any free port). */
  port: number;
  /** CRASHLOOP_K8S_HOSTNAME: the host name kubeconfigs use (default localhost); also in the certificate. */
  hostname: string;
}

export function k8sApiConfigFromEnv(env: NodeJS.ProcessEnv = process.env): K8sApiConfig {
  const port = Number(env.CRASHLOOP_K8S_PORT ?? 6443);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`CRASHLOOP_K8S_PORT must be a port number, not "${env.CRASHLOOP_K8S_PORT}"`);
  return { port, hostname: env.CRASHLOOP_K8S_HOSTNAME || 'localhost' };
}

/** The HTTPS listener of the per-attempt Kubernetes API, next to the game's HTTP port. */
@Injectable()
export class K8sApiServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(K8sApiServer.name);
  private readonly config = k8sApiConfigFromEnv();
  private server?: Server;
  private tlsMaterial?: K8sTls;

  constructor(private readonly attempts: K8sAttemptsService) {}

  async onApplicationBootstrap(): Promise<void> {
    const tls = this.tls;
    const router = new K8sRouter(this.attempts, () => `${this.config.hostname}:${this.port}`);
    const server = createServer({ cert: tls.cert, key: tls.key }, (req, res) => void router.handle(req, res));
    server.on('upgrade', (req, socket, head) => void router.upgrade(req, socket, head));
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.config.port, () => resolve());
    });
    this.server = server;
    this.logger.log(`Kubernetes API listening on https://${this.config.hostname}:${this.port}/k8s/<attemptId>`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get tls(): K8sTls {
    this.tlsMaterial ??= loadOrCreateTls(dataDir(), [this.config.hostname]);
    return this.tlsMaterial;
  }

  /** The port actually listened on (differs from the configured one when that is 0). */
  get port(): number {
    return (this.server?.address() as AddressInfo | null)?.port ?? this.config.port;
  }

  /** `https://HOST:PORT/k8s/<attemptId>` */
  serverUrl(attemptId: string): string {
    return `https://${this.config.hostname}:${this.port}/k8s/${attemptId}`;
  }
}
