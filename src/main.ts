import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './game/bootstrap/configure-app';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule);
  configureApp(app);
  const port = Number(process.env.PORT ?? 3000);
  await app.listen(port);
  new Logger('Bootstrap').log(`CrashLoop listening on http://localhost:${port}`);
}

bootstrap().catch((err: unknown) => {
  new Logger('Bootstrap').error('failed to start', err instanceof Error ? err.stack : String(err));
  process.exit(1);
});
