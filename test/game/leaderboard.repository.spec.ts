/** Leaderboard ranking rules, on rows seeded straight into a real temporary SQLite file. */
import { randomUUID } from 'node:crypto';
import { type LeaderboardFilter, LeaderboardRepository } from '../../src/game/persistence/leaderboard.repository';
import { PrismaService } from '../../src/game/persistence/prisma.service';
import { createFakeCatalog } from '../support/fake-catalog';
import { MANUAL_TICKER, startTestApp, type TestApp } from '../support/test-app';
import { freshDatabaseUrl } from '../support/test-database';

describe('LeaderboardRepository (real SQLite)', () => {
  let testApp: TestApp;
  let prisma: PrismaService;
  const players = new Map<string, string>();

  interface Extra {
    track?: string;
    week?: string;
    eventId?: string;
    guest?: boolean;
  }

  async function solved(name: string, scenarioId: string, score: number, solveMs: number, finishedAt: string, extra: Extra = {}): Promise<void> {
    let playerId = players.get(name);
    if (!playerId) {
      playerId = randomUUID();
      players.set(name, playerId);
      await prisma.player.create({ data: { id: playerId, name, passwordHash: 'x', guest: extra.guest ?? false } });
    }
    if (extra.eventId && !(await prisma.event.findUnique({ where: { id: extra.eventId } }))) {
      await prisma.event.create({
        data: { id: extra.eventId, name: 'race', code: extra.eventId, scenarioIds: '[]', seed: 1, startsAt: new Date(), endsAt: new Date(), createdById: playerId },
      });
    }
    await prisma.attempt.create({
      data: {
        id: randomUUID(),
        playerId,
        scenarioId,
        seed: 1,
        state: 'solved',
        score,
        solveMs,
        finishedAt: new Date(finishedAt),
        track: extra.track ?? 'fundamentals',
        week: extra.week ?? '2026-W01',
        eventId: extra.eventId ?? null,
      },
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

  const board = (filter: Partial<LeaderboardFilter> = {}): LeaderboardFilter => ({ scenarioId: null, track: null, week: null, eventId: null, ...filter });

  const summarize = (rows: Array<{ playerName: string; score: number; solveMs: number }>): string[] =>
    rows.map((r) => `${r.playerName}:${r.score}:${r.solveMs}`);

  it('ranks best-per-player within a scenario: score, then faster solve, then earlier finish', async () => {
    const page = await testApp.app.get(LeaderboardRepository).page(board({ scenarioId: 's1' }), 10, 0);
    expect(page.total).toBe(3);
    expect(summarize(page.rows)).toEqual(['ann:90:50000', 'bob:90:60000', 'cat:90:60000']);
  });

  it('sums each player\'s best per scenario for the overall board', async () => {
    const page = await testApp.app.get(LeaderboardRepository).page(board(), 10, 0);
    expect(summarize(page.rows)).toEqual(['bob:140:90000', 'ann:90:50000', 'cat:90:60000']);
    expect(page.rows[0].solvedScenarios).toBe(2);
    expect(page.rows[0].finishedAt.toISOString()).toBe('2026-01-02T10:00:00.000Z');
  });

  it('pages with limit and offset and reports the total', async () => {
    const repo = testApp.app.get(LeaderboardRepository);
    const second = await repo.page(board(), 1, 1);
    expect(second.total).toBe(3);
    expect(summarize(second.rows)).toEqual(['ann:90:50000']);
    const past = await repo.page(board(), 5, 10);
    expect(past).toEqual({ total: 3, rows: [] });
  });

  it('filters by track and ISO week; guests and event attempts stay off the public boards', async () => {
    await solved('dan', 's1', 99, 1_000, '2026-01-05T10:00:00Z', { track: 'networking', week: '2026-W02' });
    await solved('gus', 's1', 100, 1_000, '2026-01-05T10:00:00Z', { guest: true });
    await solved('eve', 's1', 70, 1_000, '2026-01-05T10:00:00Z', { eventId: 'ev1' });
    await solved('ann', 's1', 95, 1_000, '2026-01-05T10:00:00Z', { eventId: 'ev1' });
    const repo = testApp.app.get(LeaderboardRepository);
    expect(summarize((await repo.page(board({ track: 'networking' }), 10, 0)).rows)).toEqual(['dan:99:1000']);
    expect(summarize((await repo.page(board({ week: '2026-W02' }), 10, 0)).rows)).toEqual(['dan:99:1000']);
    expect(summarize((await repo.page(board({ track: 'fundamentals', scenarioId: 's1' }), 10, 0)).rows)).toEqual(['ann:90:50000', 'bob:90:60000', 'cat:90:60000']);
    expect(summarize((await repo.page(board({ eventId: 'ev1' }), 10, 0)).rows)).toEqual(['ann:95:1000', 'eve:70:1000']);
    const global = await repo.page(board({ scenarioId: 's1' }), 10, 0);
    expect(summarize(global.rows)).toEqual(['dan:99:1000', 'ann:90:50000', 'bob:90:60000', 'cat:90:60000']);
    expect(await repo.page(board({ track: 'nope' }), 10, 5)).toEqual({ total: 0, rows: [] });
  });
});
