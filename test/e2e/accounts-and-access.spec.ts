/**
 * Accounts end to end: an attempt survives a restart mid-attempt and is solved afterwards with its
 * virtual time counted across the restart; a learner's token cannot touch another learner's attempt
 * nor call instructor endpoints; guests stay off the board until they claim an account; the command
 * rate limit answers RATE_LIMITED. Real app, real catalogue, real SQLite, clock driven by hand.
 */
import type { AckErrorCode, AttemptSolvedPush, DiagnosisResult, LeaderboardChangedPush, AttemptView, BestReplaysResponse, CommandResult, EventView, LeaderboardResponse, ReplayView, SessionResponse } from '../../src/game/protocol/messages';
import { connectAs, register, setRole, TEST_PASSWORD } from '../support/accounts';
import { IMAGEPULL_FIX } from '../support/fixtures';
import { call, collect, connect, poll, send, type TestSocket } from '../support/socket-client';
import { AppHarness } from '../support/app-harness';
import { http as httpTo } from '../support/http';
import { MANUAL_TICKER } from '../support/test-app';
import { freshDatabaseUrl } from '../support/test-database';
import { tick, tickUntilSolved } from '../support/ticks';

const SCENARIO = 'imagepull-wrong-tag';

describe('e2e: accounts, isolation, restarts and limits', () => {
  const h = new AppHarness();



  afterEach(() => h.close());

  async function expectError(socket: TestSocket, code: AckErrorCode, event: string, payload: unknown): Promise<void> {
    const ack = await send(socket, event, payload);
    expect(ack).toMatchObject({ ok: false, error: { code } });
  }

  const http = (method: string, path: string, token?: string, body?: unknown) => httpTo<{ error?: string; message?: string }>(h.app!.url, method, path, token, body);

  it('keeps an attempt across a restart mid-attempt and counts its virtual time across it', async () => {
    const databaseUrl = freshDatabaseUrl();
    await h.start({ databaseUrl, env: MANUAL_TICKER });
    const first = await h.open();
    const session = await register(first, 'carol');
    const attempt = await call<AttemptView>(first, 'attempt:start', { scenarioId: SCENARIO });
    await tick(h.app!, 20);
    const pods = await call<CommandResult>(first, 'command:run', { attemptId: attempt.attemptId, command: 'kubectl get pods' });
    expect(pods.stdout).toMatch(/^web\s+0\/1\s+(ImagePullBackOff|ErrImagePull)\s/m);

    await h.close(); // flushes the snapshot
    await h.start({ databaseUrl, env: MANUAL_TICKER });

    // The same session token still signs in at the handshake (the secret persists in the data dir).
    const again = await h.open(session.token);
    const resumed = await call<AttemptView>(again, 'attempt:resume', { attemptId: attempt.attemptId });
    // The wall-clock time of the restart is not counted: the virtual clock continues where it stopped.
    expect(resumed.progress.elapsedMs).toBe(20_000);
    const solved = collect<AttemptSolvedPush>(again, 'attempt:solved');
    const fix = await call<CommandResult>(again, 'command:run', { attemptId: attempt.attemptId, command: IMAGEPULL_FIX });
    expect(fix.exitCode).toBe(0);
    await tickUntilSolved(h.app!, attempt.attemptId);
    const [result] = await poll(async () => (solved.length > 0 ? solved : undefined));
    // Fixed at 20 s of virtual time; the new image pulls and the pod turns Ready a few virtual seconds later.
    expect(result.solveSeconds).toBeGreaterThanOrEqual(20);
    expect(result.solveSeconds).toBeLessThan(20 + 60);
    expect(result.breakdown.overParPenalty).toBe(0);

    const replay = await call<ReplayView>(again, 'attempt:replay', { attemptId: attempt.attemptId });
    expect(replay.commands.map((c) => [c.seq, c.virtualMs])).toEqual([
      [1, 20_000],
      [2, 20_000],
    ]);
    const board = (await (await fetch(`${h.app!.url}/api/leaderboard?scenarioId=${SCENARIO}`)).json()) as LeaderboardResponse;
    expect(board.entries).toEqual([expect.objectContaining({ playerName: 'carol', score: result.score, solveSeconds: result.solveSeconds })]);

    // The diagnosis is graded apart from the repair, also after it: the solved attempt is re-scored.
    expect(result.breakdown.diagnosisPoints).toBe(0);
    const watcher = await h.open();
    const pushes = collect<LeaderboardChangedPush>(watcher, 'leaderboard:changed');
    await call(watcher, 'leaderboard:subscribe', { scenarioId: SCENARIO });
    const diagnosis = { attemptId: attempt.attemptId, object: 'pod/web', reason: 'ImagePullBackOff', cause: 'wrong-tag' };
    expect(await call<DiagnosisResult>(again, 'diagnosis:submit', diagnosis)).toMatchObject({ correct: true, points: 30, wrongGuesses: 0 });
    expect(await call<DiagnosisResult>(again, 'diagnosis:submit', diagnosis)).toMatchObject({ correct: true, points: 30 }); // counts once
    const [pushed] = await poll(async () => (pushes.length > 0 ? pushes : undefined));
    expect(pushed.entries).toEqual([expect.objectContaining({ playerName: 'carol', score: result.score + 30 })]);
    expect((await call<ReplayView>(again, 'attempt:replay', { attemptId: attempt.attemptId })).score).toBe(result.score + 30);
  });

  it('never lets a learner start, read or command another learner\'s attempt, nor call instructor endpoints', async () => {
    await h.start({ databaseUrl: freshDatabaseUrl(), env: MANUAL_TICKER });
    const admin = await connectAs(h.app!.url, 'root');
    h.adopt(admin.socket);
    const alice = await connectAs(h.app!.url, 'alice');
    const bob = await connectAs(h.app!.url, 'bob');
    h.adopt(alice.socket, bob.socket);
    expect([admin.session.role, alice.session.role, bob.session.role]).toEqual(['admin', 'learner', 'learner']);

    const now = Date.now();
    const eventBody = { name: 'Cohort', scenarioIds: [SCENARIO], startsAt: new Date(now - 1000).toISOString(), endsAt: new Date(now + 3_600_000).toISOString() };
    const created = await http('POST', '/api/events', admin.session.token, eventBody);
    expect(created.status).toBe(201);
    const event = created.body as unknown as EventView;
    await call(alice.socket, 'event:join', { code: event.code });
    const { attemptId } = await call<AttemptView>(alice.socket, 'attempt:start', { scenarioId: SCENARIO, eventId: event.eventId });

    // Bob, with his own valid token: nothing of Alice's attempt is his to read or drive.
    await expectError(bob.socket, 'ATTEMPT_NOT_FOUND', 'attempt:resume', { attemptId });
    await expectError(bob.socket, 'ATTEMPT_NOT_FOUND', 'command:run', { attemptId, command: 'kubectl delete pod web' });
    await expectError(bob.socket, 'ATTEMPT_NOT_FOUND', 'attempt:replay', { attemptId });
    await expectError(bob.socket, 'ATTEMPT_NOT_FOUND', 'hint:take', { attemptId, index: 0 });
    await expectError(bob.socket, 'ATTEMPT_NOT_FOUND', 'attempt:abandon', { attemptId });
    await expectError(bob.socket, 'ATTEMPT_NOT_FOUND', 'command:interrupt', { attemptId, streamId: 'w1' });
    await expectError(bob.socket, 'ATTEMPT_NOT_FOUND', 'diagnosis:submit', { attemptId, object: 'pod/web', reason: 'ImagePullBackOff', cause: 'wrong-tag' });
    await expectError(bob.socket, 'ATTEMPT_NOT_FOUND', 'quiz:list', { attemptId });
    // Nor start in an event he has not joined (that would share Alice's seed and board).
    await expectError(bob.socket, 'EVENT_NOT_FOUND', 'attempt:start', { scenarioId: SCENARIO, eventId: event.eventId });
    // Instructor-only socket messages and HTTP endpoints.
    await expectError(bob.socket, 'FORBIDDEN', 'event:watch', { eventId: event.eventId });
    expect(await http('POST', '/api/events', bob.session.token, eventBody)).toMatchObject({ status: 403, body: { error: 'FORBIDDEN' } });
    expect(await http('GET', `/api/events/${event.eventId}`, bob.session.token)).toMatchObject({ status: 403 });
    expect(await http('PUT', '/api/admin/players/bob/role', bob.session.token, { role: 'admin' })).toMatchObject({ status: 403 });
    expect(await http('POST', '/api/admin/players/alice/revoke', bob.session.token)).toMatchObject({ status: 403 });
    expect(await http('POST', '/api/events', undefined, eventBody)).toMatchObject({ status: 401, body: { error: 'UNAUTHENTICATED' } });
    expect(await http('POST', '/api/events', `${bob.session.token}x`, eventBody)).toMatchObject({ status: 401 });
    // A forged or tampered token does not even connect.
    await expect(connect(h.app!.url, { token: 'eyJzdWIiOiJ4IiwiZXhwIjo5OTk5OTk5OTk5OTk5fQ.AAAA' })).rejects.toThrow(/invalid session token/);
    // An instructor who did not create the event does not see it either; an admin does.
    await setRole(h.app!.url, admin.session.token, 'bob', 'instructor');
    const bobInstructor = await h.open(bob.session.token);
    await expectError(bobInstructor, 'EVENT_NOT_FOUND', 'event:watch', { eventId: event.eventId });
    expect(await http('GET', `/api/events/${event.eventId}`, admin.session.token)).toMatchObject({ status: 200 });
    expect((await http('GET', '/api/events', admin.session.token)).body).toEqual([event]);
    expect((await http('GET', '/api/events', bob.session.token)).body).toEqual([]);
    // Replays over HTTP follow the socket's rules: Alice's own, an instructor's any, not a learner's.
    expect(await http('GET', `/api/attempts/${attemptId}/replay`, alice.session.token)).toMatchObject({ status: 200, body: { attemptId, playerName: 'alice' } });
    expect(await http('GET', `/api/attempts/${attemptId}/replay`, admin.session.token)).toMatchObject({ status: 200 });
    const carl = await connectAs(h.app!.url, 'carl');
    h.adopt(carl.socket);
    expect(await http('GET', `/api/attempts/${attemptId}/replay`, carl.session.token)).toMatchObject({ status: 404, body: { error: 'ATTEMPT_NOT_FOUND' } });
    expect(await http('GET', `/api/attempts/${attemptId}/replay`)).toMatchObject({ status: 401 });

    // Events open and close on time, and hold only their own scenarios.
    const later = await http('POST', '/api/events', admin.session.token, { ...eventBody, startsAt: new Date(now + 3_600_000).toISOString(), endsAt: new Date(now + 7_200_000).toISOString() });
    const future = later.body as unknown as EventView;
    await call(alice.socket, 'event:join', { code: future.code });
    await expectError(alice.socket, 'EVENT_NOT_OPEN', 'attempt:start', { scenarioId: SCENARIO, eventId: future.eventId });
    await expectError(alice.socket, 'BAD_REQUEST', 'attempt:start', { scenarioId: 'crashloop-missing-env', eventId: event.eventId });
    await expectError(alice.socket, 'EVENT_NOT_FOUND', 'event:join', { code: 'ZZZZZZ' });

    // Alice's attempt is untouched.
    const pods = await call<CommandResult>(alice.socket, 'command:run', { attemptId, command: 'kubectl get pods' });
    expect(pods.stdout).toMatch(/^web\s/m);
  });

  it('keeps guests off the public board until they claim an account, keeping their attempts', async () => {
    await h.start({ databaseUrl: freshDatabaseUrl(), env: MANUAL_TICKER });
    await connectAs(h.app!.url, 'root').then((a) => h.adopt(a.socket));
    const socket = await h.open();
    const guest = await call<SessionResponse>(socket, 'player:guest', {});
    expect(guest).toMatchObject({ guest: true, role: 'learner' });
    const { attemptId } = await call<AttemptView>(socket, 'attempt:start', { scenarioId: SCENARIO });
    await tick(h.app!, 5);
    await call(socket, 'command:run', { attemptId, command: IMAGEPULL_FIX });
    await tickUntilSolved(h.app!, attemptId);
    const empty = (await (await fetch(`${h.app!.url}/api/leaderboard`)).json()) as LeaderboardResponse;
    expect(empty.total).toBe(0);
    // A guest can replay its own attempt, and, having solved, see the best attempts.
    expect((await call<ReplayView>(socket, 'attempt:replay', { attemptId })).state).toBe('solved');
    expect((await call<BestReplaysResponse>(socket, 'attempt:best', { scenarioId: SCENARIO })).attempts).toEqual([
      expect.objectContaining({ attemptId, playerName: guest.name }),
    ]);

    const watcher = await h.open();
    const pushes = collect<LeaderboardChangedPush>(watcher, 'leaderboard:changed');
    await call(watcher, 'leaderboard:subscribe', {});
    const claimed = await call<SessionResponse>(socket, 'player:claim', { name: 'gina', password: TEST_PASSWORD });
    const [pushed] = await poll(async () => (pushes.length > 0 ? pushes : undefined));
    expect(pushed.entries.map((e) => e.playerName)).toEqual(['gina']);
    expect(claimed).toMatchObject({ playerId: guest.playerId, name: 'gina', guest: false });
    const board = (await (await fetch(`${h.app!.url}/api/leaderboard`)).json()) as LeaderboardResponse;
    expect(board.entries).toEqual([expect.objectContaining({ playerId: guest.playerId, playerName: 'gina' })]);
    // The old guest token names the same player, now an account.
    const viaOldToken = await h.open(guest.token);
    expect((await call<ReplayView>(viaOldToken, 'attempt:replay', { attemptId })).playerName).toBe('gina');
    // A learner who has not solved the scenario cannot browse others' replays.
    const other = await connectAs(h.app!.url, 'olga');
    h.adopt(other.socket);
    await expectError(other.socket, 'FORBIDDEN', 'attempt:best', { scenarioId: SCENARIO });
    await expectError(other.socket, 'ATTEMPT_NOT_FOUND', 'attempt:replay', { attemptId });
  });

  it('limits the command rate per connection with RATE_LIMITED', async () => {
    await h.start({
      databaseUrl: freshDatabaseUrl(),
      env: { ...MANUAL_TICKER, CRASHLOOP_COMMAND_RATE: '0.001', CRASHLOOP_COMMAND_BURST: '3', CRASHLOOP_AUTH_RATE: '0.001', CRASHLOOP_AUTH_BURST: '3' },
    });
    const socket = await h.open();
    await register(socket, 'rita');
    const { attemptId } = await call<AttemptView>(socket, 'attempt:start', { scenarioId: SCENARIO });
    const acks = await Promise.all(Array.from({ length: 6 }, () => send(socket, 'command:run', { attemptId, command: 'kubectl get pods' })));
    expect(acks.filter((a) => a.ok)).toHaveLength(3);
    const limited = acks.filter((a) => !a.ok);
    expect(limited).toHaveLength(3);
    expect(limited[0]).toEqual({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringMatching(/too many commands/) } });
    // Other messages still work, and another connection has its own budget.
    expect((await call<AttemptView>(socket, 'attempt:resume', { attemptId })).attemptId).toBe(attemptId);
    const session = await call<SessionResponse>(socket, 'player:login', { name: 'rita', password: TEST_PASSWORD });
    const second = await h.open(session.token);

    // Sign-ins (each a scrypt derivation) have their own budget: password guessing is cut short.
    const guesses = await Promise.all(Array.from({ length: 4 }, (_, i) => send(socket, 'player:login', { name: 'rita', password: `guess-${i}-xx` })));
    expect(guesses.map((g) => (g.ok ? 'ok' : g.error.code)).sort()).toEqual(['INVALID_CREDENTIALS', 'RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED']);
    expect((await call<CommandResult>(second, 'command:run', { attemptId, command: 'kubectl get pods' })).exitCode).toBe(0);
  });
});
