/** Leaderboard ranking rules, on rows seeded straight into a real temporary SQLite file. */
import { randomUUID } from 'node:crypto';
import { LeaderboardRepository } from '../../src/game/persistence/leaderboard.repository';
import { PrismaService } from '../../src/game/persistence/prisma.service';
import { createFakeCatalog } from '../support/fake-catalog';
import { MANUAL_TICKER, startTestApp, type TestApp } from '../support/test-app';
import { freshDatabaseUrl } from '../support/test-database';

describe('LeaderboardRepository (real SQLite)', () => {
  let testApp: TestApp;
  let prisma: PrismaService;
  const players = new Map<string, string>();

  async function solved(name: string, scenarioId: string, score: number, solveMs: number, finishedAt: string): Promise<void> {
    let playerId = players.get(name);
    if (!playerId) {
      playerId = randomUUID();
      players.set(name, playerId);
      await prisma.player.create({ data: { id: playerId, name, tokenHash: 'x' } });
    }
    await prisma.attempt.create({
      data: { id: randomUUID(), playerId, scenarioId, seed: 1, state: 'solved', score, solveMs, finishedAt: new Date(finishedAt) },
    });
  }

  beforeEach(async () => {
    testApp = await startTestApp({ databaseUrl: freshDatabaseUrl(), catalog: createFakeCatalog(), listen: false, env: MANUAL_TICKER });
    prisma = testApp.app.get(PrismaService);
    players.clear();
    // s1: ann's best is 90 (her 80 does not count); bob ties ann at 90 but was slower; cat ties bob's time but finished later.
    await solved('ann', 's1', 80, 10_000, '2026-01-01T10:00:00Z');
    await solved('ann', 's1', 90, 50_000, '2026-01-01T11:00:00Z');
    await solved('bob', 's1', 90, 60_000, '2026-01-01T09:00:00Z');
    await solved('cat', 's1', 90, 60_000, '2026-01-01T12:00:00Z');
    // s2: only bob.
    await solved('bob', 's2', 50, 30_000, '2026-01-02T10:00:00Z');
    // Not counted: active and abandoned attempts.
    await prisma.attempt.create({ data: { id: randomUUID(), playerId: players.get('ann')!, scenarioId: 's2', seed: 1, state: 'active' } });
  });

  afterEach(async () => {
    await testApp.app.close();
  });

  const summarize = (rows: Array<{ playerName: string; score: number; solveMs: number }>): string[] =>
    rows.map((r) => `${r.playerName}:${r.score}:${r.solveMs}`);

  it('ranks best-per-player within a scenario: score, then faster solve, then earlier finish', async () => {
    const page = await testApp.app.get(LeaderboardRepository).page('s1', 10, 0);
    expect(page.total).toBe(3);
    expect(summarize(page.rows)).toEqual(['ann:90:50000', 'bob:90:60000', 'cat:90:60000']);
  });

  it('sums each player\'s best per scenario for the overall board', async () => {
    const page = await testApp.app.get(LeaderboardRepository).page(null, 10, 0);
    expect(summarize(page.rows)).toEqual(['bob:140:90000', 'ann:90:50000', 'cat:90:60000']);
    expect(page.rows[0].solvedScenarios).toBe(2);
    expect(page.rows[0].finishedAt.toISOString()).toBe('2026-01-02T10:00:00.000Z');
  });

  it('pages with limit and offset and reports the total', async () => {
    const repo = testApp.app.get(LeaderboardRepository);
    const second = await repo.page(null, 1, 1);
    expect(second.total).toBe(3);
    expect(summarize(second.rows)).toEqual(['ann:90:50000']);
    const past = await repo.page(null, 5, 10);
    expect(past).toEqual({ total: 3, rows: [] });
  });
});
