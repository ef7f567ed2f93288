/**
 * The real game server (Nest + socket.io + SQLite) on 127.0.0.1 with the built-in scenarios plus the
 * synthetic bench scenarios, a fresh migrated database in a temp folder, and the real-time ticker.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { selfDestructAfter } from './lib/child';
import { benchCatalog } from './lib/synthetic';

selfDestructAfter(Number(process.argv[2] ?? 300_000));

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'crashloop-bench-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true })); // also on the self-destruct path
  const databaseUrl = `file:${join(dir, 'bench.db')}`;
  const root = resolve(__dirname, '..');
  execFileSync(process.execPath, ['scripts/prisma-offline.mjs', 'migrate-deploy'], { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: 'pipe' });
  // The Kubernetes API listens on a free port: two benchmark servers (or a running game server) never collide on 6443.
  Object.assign(process.env, { DATABASE_URL: databaseUrl, CRASHLOOP_TICK_MS: '1000', CRASHLOOP_TICK_SPEED: '1', CRASHLOOP_CLIENT_DIR: join(dir, 'no-client'), CRASHLOOP_K8S_PORT: '0' });
  // Imported after the environment is set: providers read it when they are created.
  const { AppModule } = await import('../src/app.module');
  const { configureApp } = await import('../src/game/bootstrap/configure-app');
  const { SCENARIO_CATALOG } = await import('../src/game/scenarios/scenario-catalog.provider');
  const { Test } = await import('@nestjs/testing');
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).overrideProvider(SCENARIO_CATALOG).useValue(benchCatalog()).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: ['error'] });
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  process.send!({ type: 'ready', url: `http://127.0.0.1:${port}` });
  // How long callbacks waited for the event loop: every command's latency includes it.
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  let gc = { count: 0, totalMs: 0, maxMs: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gc = { count: gc.count + 1, totalMs: gc.totalMs + e.duration, maxMs: Math.max(gc.maxMs, e.duration) };
  }).observe({ entryTypes: ['gc'] });
  process.on('message', (m: { type: string }) => {
    if (m.type === 'usage') {
      const loop = { p99Ms: loopDelay.percentile(99) / 1e6, maxMs: loopDelay.max / 1e6, gcMs: gc.totalMs, gcMaxMs: gc.maxMs };
      (globalThis as { gc?: () => void }).gc?.(); // forked with --expose-gc: the heap figure is live data only
      const memory = process.memoryUsage();
      // Reset once the forced collection's own pause has been recorded, so it is not counted in the next interval.
      setTimeout(() => {
        loopDelay.reset();
        gc = { count: 0, totalMs: 0, maxMs: 0 };
        process.send!({ type: 'usage', cpu: process.cpuUsage(), memory, loop });
      }, 50);
    }
    if (m.type === 'stop') {
      const t = setTimeout(() => process.exit(0), 5_000);
      app.close().finally(() => {
        clearTimeout(t);
        process.exit(0);
      });
    }
  });
}

main().catch((err: unknown) => {
  process.send?.({ type: 'error', message: err instanceof Error ? err.stack : String(err) });
  process.exit(1);
});
