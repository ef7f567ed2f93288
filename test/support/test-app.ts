import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import type { AddressInfo } from 'node:net';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/game/bootstrap/configure-app';
import { SCENARIO_CATALOG } from '../../src/game/scenarios/scenario-catalog.provider';
import type { ScenarioCatalogApi } from '../../src/scenarios/session.types';

export interface TestApp {
  app: NestExpressApplication;
  /** http://127.0.0.1:<port>; empty when not listening. */
  url: string;
}

export interface TestAppOptions {
  databaseUrl: string;
  /** Only for service tests; e2e tests use the real catalogue. */
  catalog?: ScenarioCatalogApi;
  /** Listen on an ephemeral port (default true). */
  listen?: boolean;
  /** Extra environment (e.g. ticker settings), applied before the app is built. */
  env?: Record<string, string>;
}

/** Fast ticker: 1.5 virtual seconds every 50 ms, so reconciliation moves on quickly but without timed assertions. */
export const FAST_TICKER = { CRASHLOOP_TICK_MS: '50', CRASHLOOP_TICK_SPEED: '30' };
/** A ticker that never fires during a test: the test drives the clock through AttemptTickerService.tickAll(). */
export const MANUAL_TICKER = { CRASHLOOP_TICK_MS: '3600000', CRASHLOOP_TICK_SPEED: '1', CRASHLOOP_SNAPSHOT_MS: '3600000' };

export async function startTestApp(options: TestAppOptions): Promise<TestApp> {
  // Providers read configuration from the environment when they are created; the extra variables
  // are taken back once the app is up, so they do not leak into the next test of the file.
  const extra = options.env ?? {};
  const saved = Object.fromEntries([...Object.keys(extra), 'CRASHLOOP_K8S_PORT'].map((key) => [key, process.env[key]]));
  // The per-attempt Kubernetes API listens on a free port, so parallel test apps never collide on 6443.
  Object.assign(process.env, { DATABASE_URL: options.databaseUrl, ...FAST_TICKER, CRASHLOOP_K8S_PORT: '0', ...extra });
  try {
    return await createTestApp(options);
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

async function createTestApp(options: TestAppOptions): Promise<TestApp> {
  let builder = Test.createTestingModule({ imports: [AppModule] });
  if (options.catalog) builder = builder.overrideProvider(SCENARIO_CATALOG).useValue(options.catalog);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: ['error'] });
  configureApp(app);
  if (options.listen === false) {
    await app.init();
    return { app, url: '' };
  }
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}` };
}
