import { Logger, ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { GameErrorHttpFilter } from '../transport/game-error.http-filter';

/** Built client: client/dist at the project root (this file sits at {src,dist}/game/bootstrap/). */
export function clientDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.CRASHLOOP_CLIENT_DIR ?? resolve(__dirname, '..', '..', '..', 'client', 'dist');
}

/** Everything main.ts and the e2e tests must set up identically on a created app. */
export function configureApp(app: NestExpressApplication): void {
  // stopAtFirstError: "limit=x" reports "limit must be a whole number", not also its range.
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: true }));
  app.useGlobalFilters(new GameErrorHttpFilter());
  // Scenario uploads are up to 256 KiB of YAML inside JSON (AuthoringService says so past that); express's default is 100 KB.
  app.useBodyParser('json', { limit: '1mb' });
  app.enableShutdownHooks();
  const dir = clientDir();
  if (existsSync(dir)) {
    app.useStaticAssets(dir);
  } else {
    new Logger('Bootstrap').warn(`no built client at ${dir}; run "npm run build" to serve the web client`);
  }
}
