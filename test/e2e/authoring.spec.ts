/**
 * Instructors author scenarios end to end: real HTTP and the real socket, a real SQLite file, the
 * validator running in its worker thread, and learners playing what was published.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  Ack,
  AttemptSolvedPush,
  AttemptView,
  AuthoredScenarioView,
  AuthoringGetResponse,
  AuthoringListResponse,
  AuthoringReport,
  AuthoringSaveResponse,
  AuthoringScenarioResponse,
  AuthoringValidateResponse,
  AuthoringVersionsResponse,
  CommandResult,
  LeaderboardResponse,
  ScenarioListResponse,
  SessionResponse,
} from '../../src/game/protocol/messages';
import { register, setRole } from '../support/accounts';
import { http, type HttpResult } from '../support/http';
import { call, connect, nextPush, sendWithin, type TestSocket } from '../support/socket-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { freshDatabaseUrl } from '../support/test-database';

const VALID = readFileSync(join(__dirname, '..', 'fixtures', 'authoring', 'valid.scenario.yaml'), 'utf8');
const ID = 'authored-wrong-tag';
/** Same scenario, but the reference solution sets a tag the registry does not have: never solved. */
const WRONG_SOLUTION = VALID.replace('web=nginx:1.27\n', 'web=nginx:1.26\n');
const SOLVED_STEP = 'solved by the reference solution within the par time';
/** Validation can wait for the worker thread to start (ts-node compiles the engine): beyond the usual ack timeout. */
const SLOW_ACK_MS = 60_000;

/** Socket requests whose answer may take a validation's time. */
const slowSend = <T>(socket: TestSocket, event: string, payload: unknown): Promise<Ack<T>> => sendWithin<T>(SLOW_ACK_MS, socket, event, payload);
const slowCall = <T>(socket: TestSocket, event: string, payload: unknown): Promise<T> => call<T>(socket, event, payload, SLOW_ACK_MS);

describe('e2e: instructors author, version and publish scenarios', () => {
  let testApp: TestApp;
  let databaseUrl: string;
  const sockets: TestSocket[] = [];
  const tokens: Record<'admin' | 'teacher' | 'rival' | 'learner' | 'learner2', string> = { admin: '', teacher: '', rival: '', learner: '', learner2: '' };

  async function open(token?: string): Promise<TestSocket> {
    const socket = await connect(testApp.url, token ? { token } : undefined);
    sockets.push(socket);
    return socket;
  }

  const api = <T>(method: string, path: string, who?: keyof typeof tokens, body?: unknown): Promise<HttpResult<T>> =>
    http<T>(testApp.url, method, path, who ? tokens[who] : undefined, body);

  beforeAll(async () => {
    databaseUrl = freshDatabaseUrl();
    testApp = await startTestApp({ databaseUrl });
    const signup = await open();
    const sessions: Record<string, SessionResponse> = {};
    for (const name of ['admin', 'teacher', 'rival', 'learner', 'learner2'] as const) {
      const socket = name === 'admin' ? signup : await open();
      sessions[name] = await register(socket, name === 'admin' ? 'root_admin' : name);
      tokens[name] = sessions[name].token;
    }
    expect(sessions.admin.role).toBe('admin');
    await setRole(testApp.url, tokens.admin, 'teacher', 'instructor');
    await setRole(testApp.url, tokens.admin, 'rival', 'instructor');
  }, 60_000);

  afterAll(async () => {
    for (const socket of sockets.splice(0)) socket.close();
    await testApp.app.close();
  });

  it('reports a wrong reference solution by its failing step, and malformed YAML with line numbers (nothing stored)', async () => {
    const broken = await api<AuthoringReport>('POST', '/api/authoring/validate', 'teacher', { yaml: WRONG_SOLUTION });
    expect(broken.status).toBe(200);
    expect(broken.body).toMatchObject({ ok: false, scenarioId: ID, errors: [] });
    const failed = broken.body.steps.filter((s) => !s.ok);
    expect(failed).toEqual([{ name: SOLVED_STEP, ok: false, detail: expect.stringContaining('not solved') }]);
    expect(broken.body.steps.filter((s) => s.ok).map((s) => s.name)).toContain('broken at start');

    const malformed = 'id: half-written\ntitle: A scenario\ncluster:\n  nodes: [ { name: node01 }\nobjectives: "unterminated\n';
    const teacher = await open(tokens.teacher);
    const { report } = await slowCall<AuthoringValidateResponse>(teacher, 'authoring:validate', { yaml: malformed });
    expect(report.ok).toBe(false);
    expect(report.steps).toEqual([]);
    expect(report.errors.length).toBeGreaterThanOrEqual(2);
    for (const error of report.errors) expect(error).toEqual({ line: expect.any(Number), message: expect.stringMatching(/^YAML: /) });
    expect(report.errors.map((e) => e.line)).toEqual(expect.arrayContaining([5]));

    const badFields = VALID.replace('difficulty: beginner', 'difficulty: legendary').replace('parSeconds: 90', 'parSeconds: 5');
    const fields = await api<AuthoringReport>('POST', '/api/authoring/validate', 'teacher', { yaml: badFields });
    expect(fields.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 6, path: 'difficulty' }),
        expect.objectContaining({ line: 10, path: 'parSeconds', message: 'parSeconds must not be less than 30' }),
      ]),
    );

    const mine = await api<AuthoringListResponse>('GET', '/api/authoring/scenarios', 'teacher');
    expect(mine.body.scenarios).toEqual([]);
  });

  it('keeps learners out (403) and anonymous callers (401) of every authoring endpoint, over HTTP and the socket', async () => {
    const routes: Array<[string, string, unknown?]> = [
      ['POST', '/api/authoring/validate', { yaml: VALID }],
      ['GET', '/api/authoring/scenarios'],
      ['POST', '/api/authoring/scenarios', { yaml: VALID }],
      ['PUT', `/api/authoring/scenarios/${ID}`, { yaml: VALID }],
      ['POST', `/api/authoring/scenarios/${ID}/publish`, {}],
      ['POST', `/api/authoring/scenarios/${ID}/unpublish`, {}],
      ['GET', `/api/authoring/scenarios/${ID}/versions`],
      ['GET', `/api/authoring/scenarios/${ID}/versions/1`],
    ];
    for (const [method, path, body] of routes) {
      const learner = await api<{ error: string }>(method, path, 'learner', body);
      expect({ method, path, status: learner.status, error: learner.body.error }).toEqual({ method, path, status: 403, error: 'FORBIDDEN' });
      const anonymous = await api<{ error: string }>(method, path, undefined, body);
      expect({ method, path, status: anonymous.status }).toEqual({ method, path, status: 401 });
    }
    const learner = await open(tokens.learner);
    const requests: Array<[string, unknown]> = [
      ['authoring:validate', { yaml: VALID }],
      ['authoring:save', { yaml: VALID }],
      ['authoring:publish', { scenarioId: ID }],
      ['authoring:unpublish', { scenarioId: ID }],
      ['authoring:list', {}],
      ['authoring:get', { scenarioId: ID }],
    ];
    const anonymous = await open();
    for (const [event, payload] of requests) {
      const ack = await slowSend(learner, event, payload);
      expect({ event, ack }).toEqual({ event, ack: { ok: false, error: { code: 'FORBIDDEN', message: 'authoring scenarios needs the instructor role' } } });
      const anon = await slowSend(anonymous, event, payload);
      expect({ event, code: anon.ok ? 'ok' : anon.error.code }).toEqual({ event, code: 'UNAUTHENTICATED' });
    }
  });

  it('stores an invalid upload with its report, refuses to publish it, then publishes a fixed version that learners play', async () => {
    const created = await api<AuthoringSaveResponse>('POST', '/api/authoring/scenarios', 'teacher', { yaml: WRONG_SOLUTION });
    expect(created.status).toBe(201);
    expect(created.body.report.ok).toBe(false);
    expect(created.body.scenario).toMatchObject({ id: ID, title: 'The tag that never was', ownerName: 'teacher', latestVersion: 1, ok: false, status: 'draft' });
    expect(created.body.scenario.publishedVersion).toBeUndefined();
    expect(created.body.scenario.reportSummary).toContain(SOLVED_STEP);

    const refused = await api<{ error: string; message: string; report: AuthoringReport }>('POST', `/api/authoring/scenarios/${ID}/publish`, 'teacher', {});
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ error: 'SCENARIO_INVALID', message: expect.stringContaining('version 1') });
    expect(refused.body.report.steps.filter((s) => !s.ok).map((s) => s.name)).toEqual([SOLVED_STEP]);
    const teacher = await open(tokens.teacher);
    const refusedOverSocket = await slowSend(teacher, 'authoring:publish', { scenarioId: ID, version: 1 });
    expect(refusedOverSocket).toMatchObject({ ok: false, error: { code: 'SCENARIO_INVALID', report: { ok: false } } });

    // A second POST of the same id is a clash; the fix is a new version (PUT), which must keep the id.
    expect((await api('POST', '/api/authoring/scenarios', 'teacher', { yaml: VALID })).status).toBe(409);
    const renamed = await api<{ message: string }>('PUT', `/api/authoring/scenarios/${ID}`, 'teacher', { yaml: VALID.replace(`id: ${ID}`, 'id: another-id') });
    expect(renamed.status).toBe(400);
    expect(renamed.body.message).toContain('does not match');
    const fixed = await api<AuthoringSaveResponse>('PUT', `/api/authoring/scenarios/${ID}`, 'teacher', { yaml: VALID });
    expect(fixed.status).toBe(200);
    expect(fixed.body.report.ok).toBe(true);
    expect(fixed.body.scenario).toMatchObject({ latestVersion: 2, ok: true, status: 'draft', reportSummary: `${fixed.body.report.steps.length}/${fixed.body.report.steps.length} checks passed` });

    // Learners see nothing before publication.
    const learner = await open(tokens.learner);
    const before = await call<ScenarioListResponse>(learner, 'scenario:list');
    expect(before.scenarios.map((s) => s.id)).not.toContain(ID);
    expect(await slowSend(learner, 'attempt:start', { scenarioId: ID })).toMatchObject({ ok: false, error: { code: 'SCENARIO_NOT_FOUND' } });

    const published = await slowCall<AuthoringScenarioResponse>(teacher, 'authoring:publish', { scenarioId: ID });
    expect(published.scenario).toMatchObject({ id: ID, latestVersion: 2, publishedVersion: 2, status: 'published' });

    const listed = await call<ScenarioListResponse>(learner, 'scenario:list');
    const entry = listed.scenarios.find((s) => s.id === ID);
    expect(entry).toMatchObject({ title: 'The tag that never was', authoredBy: 'teacher', track: 'pods-never-start', trackTitle: 'Pods that never start', points: 50 });
    expect(listed.scenarios.find((s) => s.id === 'imagepull-wrong-tag')?.authoredBy).toBeUndefined();
    const overHttp = await api<ScenarioListResponse>('GET', '/api/scenarios');
    expect(overHttp.body.scenarios.find((s) => s.id === ID)).toMatchObject({ authoredBy: 'teacher' });

    // Played exactly like a built-in scenario, leaderboard included.
    const attempt = await slowCall<AttemptView>(learner, 'attempt:start', { scenarioId: ID });
    expect(attempt.scenario.id).toBe(ID);
    const pods = await call<CommandResult>(learner, 'command:run', { attemptId: attempt.attemptId, command: 'kubectl get pods' });
    expect(pods.stdout).toMatch(/^web\s+0\/1\s/m);
    const solved = nextPush<AttemptSolvedPush>(learner, 'attempt:solved', (p) => p.attemptId === attempt.attemptId);
    const fix = await call<CommandResult>(learner, 'command:run', { attemptId: attempt.attemptId, command: 'kubectl set image pod/web web=nginx:1.27' });
    expect(fix).toMatchObject({ exitCode: 0, stdout: 'pod/web image updated\n' });
    expect((await solved).score).toBeGreaterThan(0);
    const board = await api<LeaderboardResponse>('GET', `/api/leaderboard?scenarioId=${ID}`);
    expect(board.body.entries).toEqual([expect.objectContaining({ playerName: 'learner', rank: 1 })]);
  });

  it('lets no other instructor change, publish or read it; an admin may', async () => {
    const rival = await open(tokens.rival);
    const put = await api<{ error: string; message: string }>('PUT', `/api/authoring/scenarios/${ID}`, 'rival', { yaml: VALID });
    expect(put.status).toBe(403);
    expect(put.body.message).toContain('belongs to teacher');
    expect((await api('POST', `/api/authoring/scenarios/${ID}/publish`, 'rival', {})).status).toBe(403);
    expect((await api('POST', `/api/authoring/scenarios/${ID}/unpublish`, 'rival', {})).status).toBe(403);
    expect((await api('GET', `/api/authoring/scenarios/${ID}/versions/1`, 'rival')).status).toBe(403);
    const created = await api<{ error: string; message: string }>('POST', '/api/authoring/scenarios', 'rival', { yaml: VALID });
    expect(created).toEqual({ status: 409, body: expect.objectContaining({ error: 'SCENARIO_ID_TAKEN', message: expect.stringContaining('taken by teacher') }) });
    expect(await slowSend(rival, 'authoring:save', { yaml: VALID })).toMatchObject({ ok: false, error: { code: 'SCENARIO_ID_TAKEN' } });
    expect(await call<AuthoringListResponse>(rival, 'authoring:list', {})).toEqual({ scenarios: [] });

    // A built-in scenario's id is not free either.
    const builtIn = await api<{ error: string; message: string }>('POST', '/api/authoring/scenarios', 'rival', { yaml: VALID.replace(`id: ${ID}`, 'id: imagepull-wrong-tag') });
    expect(builtIn.status).toBe(409);
    expect(builtIn.body.message).toContain('built-in');

    const all = await api<AuthoringListResponse>('GET', '/api/authoring/scenarios', 'admin');
    expect(all.body.scenarios.map((s) => [s.id, s.ownerName])).toEqual([[ID, 'teacher']]);
    const versions = await api<AuthoringVersionsResponse>('GET', `/api/authoring/scenarios/${ID}/versions`, 'admin');
    expect(versions.body.versions.map((v) => [v.version, v.ok, Boolean(v.publishedAt)])).toEqual([
      [1, false, false],
      [2, true, true],
    ]);
  });

  it('refuses uploads over 256 KiB and bad requests with clear errors', async () => {
    const huge = `${VALID}\n# ${'x'.repeat(300 * 1024)}\n`;
    const tooBig = await api<{ error: string; message: string }>('POST', '/api/authoring/validate', 'teacher', { yaml: huge });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body).toMatchObject({ error: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/at most 256 KiB/) });
    expect((await api('POST', '/api/authoring/validate', 'teacher', { yaml: 42 })).status).toBe(400);
    expect((await api('POST', `/api/authoring/scenarios/${ID}/publish`, 'teacher', { version: 0 })).status).toBe(400);
    expect((await api('POST', `/api/authoring/scenarios/${ID}/publish`, 'teacher', { version: 9 })).status).toBe(404);
    expect((await api('GET', `/api/authoring/scenarios/${ID}/versions/x`, 'teacher')).status).toBe(400);
    expect((await api('GET', '/api/authoring/scenarios/no-such-scenario/versions', 'teacher')).status).toBe(404);
    const noId = await api<{ error: string; report: AuthoringReport }>('POST', '/api/authoring/scenarios', 'teacher', { yaml: 'title: [oops\n' });
    expect(noId.status).toBe(422);
    expect(noId.body.report.errors[0]).toMatchObject({ line: expect.any(Number) });
  });

  it('pins running attempts to their version, and keeps scenarios, versions and publication across a restart', async () => {
    const teacher = await open(tokens.teacher);
    const learner2 = await open(tokens.learner2);
    const v2Attempt = await slowCall<AttemptView>(learner2, 'attempt:start', { scenarioId: ID });
    expect(v2Attempt.scenario.title).toBe('The tag that never was');

    const v3Yaml = VALID.replace('title: The tag that never was', 'title: The tag that never was, revised');
    const saved = await slowCall<AuthoringSaveResponse>(teacher, 'authoring:save', { yaml: v3Yaml });
    expect(saved.scenario).toMatchObject({ latestVersion: 3, publishedVersion: 2, ok: true });
    await slowCall<AuthoringScenarioResponse>(teacher, 'authoring:publish', { scenarioId: ID, version: 3 });

    const resumed = await call<AttemptView>(learner2, 'attempt:resume', { attemptId: v2Attempt.attemptId });
    expect(resumed.scenario.title).toBe('The tag that never was');

    for (const socket of sockets.splice(0)) socket.close();
    await testApp.app.close();
    testApp = await startTestApp({ databaseUrl });

    const again = await open(tokens.learner2);
    const catalogue = await call<ScenarioListResponse>(again, 'scenario:list');
    expect(catalogue.scenarios.find((s) => s.id === ID)).toMatchObject({ title: 'The tag that never was, revised', authoredBy: 'teacher' });
    const afterRestart = await call<AttemptView>(again, 'attempt:resume', { attemptId: v2Attempt.attemptId });
    expect(afterRestart.scenario.title).toBe('The tag that never was');
    expect((await call<CommandResult>(again, 'command:run', { attemptId: v2Attempt.attemptId, command: 'kubectl get pods' })).stdout).toContain('web');

    // A learner who starts now gets version 3.
    const fresh = await open(tokens.learner);
    const v3Attempt = await slowCall<AttemptView>(fresh, 'attempt:start', { scenarioId: ID });
    expect(v3Attempt.scenario.title).toBe('The tag that never was, revised');

    const teacherAgain = await open(tokens.teacher);
    const list = await call<AuthoringListResponse>(teacherAgain, 'authoring:list', {});
    expect(list.scenarios).toEqual([expect.objectContaining<Partial<AuthoredScenarioView>>({ id: ID, latestVersion: 3, publishedVersion: 3, status: 'published' })]);
    const v1 = await call<AuthoringGetResponse>(teacherAgain, 'authoring:get', { scenarioId: ID, version: 1 });
    expect(v1).toMatchObject({ version: 1, yaml: WRONG_SOLUTION, report: { ok: false } });

    // Unpublishing takes it out of the catalogue; the running attempt still plays on.
    await call<AuthoringScenarioResponse>(teacherAgain, 'authoring:unpublish', { scenarioId: ID });
    expect((await call<ScenarioListResponse>(again, 'scenario:list')).scenarios.map((s) => s.id)).not.toContain(ID);
    expect((await call<CommandResult>(again, 'command:run', { attemptId: v2Attempt.attemptId, command: 'kubectl get pods' })).exitCode).toBe(0);
  });
});
