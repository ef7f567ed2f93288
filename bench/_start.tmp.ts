import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { benchCatalog, syntheticId } from './lib/synthetic';

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'crashloop-st-'));
  const databaseUrl = `file:${join(dir, 'bench.db')}`;
  execFileSync(process.execPath, ['scripts/prisma-offline.mjs', 'migrate-deploy'], { cwd: resolve(__dirname, '..'), env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: 'pipe' });
  Object.assign(process.env, { DATABASE_URL: databaseUrl, CRASHLOOP_TICK_MS: '1000', CRASHLOOP_TICK_SPEED: '1', CRASHLOOP_CLIENT_DIR: join(dir, 'no-client') });
  const { AppModule } = await import('../src/app.module');
  const { SCENARIO_CATALOG } = await import('../src/game/scenarios/scenario-catalog.provider');
  const { Test } = await import('@nestjs/testing');
  const { AttemptsService } = await import('../src/game/attempts/attempts.service');
  const { AttemptsRepository } = await import('../src/game/persistence/attempts.repository');
  const { PlayersService } = await import('../src/game/auth/players.service');
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).overrideProvider(SCENARIO_CATALOG).useValue(benchCatalog()).compile();
  const app = moduleRef.createNestApplication({ logger: ['error'] });
  await app.init();
  const gcs: string[] = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.duration > 3) gcs.push(`${(e as any).detail?.kind ?? ''}:${e.duration.toFixed(0)}ms@${e.startTime.toFixed(0)}`); }).observe({ entryTypes: ['gc'] });
  const attempts = app.get(AttemptsService);
  const repo = app.get(AttemptsRepository);
  const phases: Record<string, number> = {};
  const wrap = (obj: any, name: string, label: string) => {
    const orig = obj[name].bind(obj);
    obj[name] = async (...a: unknown[]) => { const t = performance.now(); try { return await orig(...a); } finally { phases[label] = (phases[label] ?? 0) + performance.now() - t; } };
  };
  wrap(repo, 'create', 'db.create');
  wrap(repo, 'markAbandoned', 'db.abandon');
  const s = await app.get(PlayersService).guest();
  const player = { playerId: s.playerId, name: s.name, role: s.role, guest: s.guest };
  for (const size of [5, 50]) {
    const rows: string[] = [];
    for (let r = 0; r < 30; r++) {
      for (const k of Object.keys(phases)) delete phases[k];
      gcs.length = 0;
      const t0 = performance.now();
      const v = await attempts.start(player, syntheticId(size));
      const t1 = performance.now();
      await attempts.runCommand(player.playerId, v.attemptId, 'kubectl get pods');
      const t2 = performance.now();
      await attempts.abandon(player.playerId, v.attemptId);
      const t3 = performance.now();
      rows.push(`${(t2 - t0).toFixed(1)}ms [start ${(t1 - t0).toFixed(1)} (db ${phases['db.create']?.toFixed(1)}) cmd ${(t2 - t1).toFixed(1)}] abandon ${(t3 - t2).toFixed(1)} (db ${phases['db.abandon']?.toFixed(1)}) ${gcs.join(' ')}`);
      await new Promise((r2) => setTimeout(r2, 20));
    }
    console.log(`size ${size}\n  ${rows.join('\n  ')}`);
  }
  await app.close();
}
main().catch((e) => { console.error(e); process.exit(1); });
