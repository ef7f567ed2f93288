/** The HTTP API: scenario list and leaderboard query validation. Real app, real catalogue. */
import type { LeaderboardResponse, ScenarioListResponse, SessionResponse } from '../../src/game/protocol/messages';
import { BUILT_IN_SCENARIO_IDS } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { freshDatabaseUrl } from '../support/test-database';

describe('e2e: HTTP API', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ databaseUrl: freshDatabaseUrl() });
  });

  afterAll(async () => {
    await testApp.app.close();
  });

  it('lists the built-in scenarios', async () => {
    const res = await fetch(`${testApp.url}/api/scenarios`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as ScenarioListResponse;
    expect(body.scenarios.map((s) => s.id)).toEqual(expect.arrayContaining(BUILT_IN_SCENARIO_IDS));
    for (const s of body.scenarios) {
      expect(s).toEqual(expect.objectContaining({ title: expect.any(String), points: expect.any(Number), parSeconds: expect.any(Number) }));
    }
  });

  it('serves an empty leaderboard with defaults', async () => {
    const res = await fetch(`${testApp.url}/api/leaderboard`);
    expect(res.status).toBe(200);
    expect((await res.json()) as LeaderboardResponse).toEqual({ board: 'scenarios', scenarioId: null, track: null, week: null, eventId: null, limit: 20, offset: 0, total: 0, entries: [] });
  });

  it.each([
    ['?limit=0', 400, /limit must not be less than 1/],
    ['?limit=101', 400, /limit must not be greater than 100/],
    ['?limit=abc', 400, /limit must be a whole number/],
    ['?offset=-1', 400, /offset must not be less than 0/],
    ['?offset=1.5', 400, /offset must be a whole number/],
    ['?sort=score', 400, /property sort should not exist/],
    ['?scenarioId=', 400, /scenarioId should not be empty/],
    ['?scenarioId=nope', 404, /^scenario "nope" not found$/],
  ])('rejects %s with %i and a clear message', async (query, status, message) => {
    const res = await fetch(`${testApp.url}/api/leaderboard${query}`);
    expect(res.status).toBe(status);
    const body = (await res.json()) as { message: string | string[] };
    const text = Array.isArray(body.message) ? body.message.join('; ') : body.message;
    expect(text).toMatch(message);
  });

  it('registers and logs in over HTTP, and guards instructor endpoints with the bearer token', async () => {
    const post = (path: string, body: unknown, token?: string): Promise<Response> =>
      fetch(`${testApp.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
    const first = await post('/api/auth/register', { name: 'http_admin', password: 'password-1' });
    expect(first.status).toBe(201);
    const admin = (await first.json()) as SessionResponse;
    expect(admin).toMatchObject({ name: 'http_admin', role: 'admin', guest: false, token: expect.any(String) });
    expect((await post('/api/auth/register', { name: 'http_admin', password: 'password-1' })).status).toBe(409);
    expect((await post('/api/auth/register', { name: 'x', password: 'p' })).status).toBe(400);
    expect((await post('/api/auth/login', { name: 'http_admin', password: 'wrong-password' })).status).toBe(401);
    const login = (await (await post('/api/auth/login', { name: 'http_admin', password: 'password-1' })).json()) as SessionResponse;
    expect(login.playerId).toBe(admin.playerId);

    const event = { name: 'Lab', scenarioIds: ['imagepull-wrong-tag'], startsAt: '2026-01-01T00:00:00Z', endsAt: '2099-01-01T00:00:00Z' };
    expect((await post('/api/events', event, login.token)).status).toBe(201);
    expect((await post('/api/events', { ...event, scenarioIds: ['nope'] }, login.token)).status).toBe(404);
    expect((await post('/api/events', { ...event, endsAt: '2025-01-01T00:00:00Z' }, login.token)).status).toBe(400);
    const learner = (await (await post('/api/auth/register', { name: 'http_learner', password: 'password-1' })).json()) as SessionResponse;
    expect(learner.role).toBe('learner');
    const forbidden = await post('/api/events', event, learner.token);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toEqual({ statusCode: 403, error: 'FORBIDDEN', message: 'this needs the instructor role' });
  });
});
