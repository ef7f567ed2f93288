/**
 * Malformed and unauthorised socket messages get clear `{ ok: false, error }` acks, and the
 * server keeps serving the same connection afterwards. Real app, real catalogue.
 */
import type { AckErrorCode, AttemptView, CommandResult } from '../../src/game/protocol/messages';
import { register, TEST_PASSWORD } from '../support/accounts';
import { call, connect, send, type TestSocket } from '../support/socket-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { freshDatabaseUrl } from '../support/test-database';

describe('e2e: protocol errors and isolation', () => {
  let testApp: TestApp;
  const sockets: TestSocket[] = [];

  async function open(): Promise<TestSocket> {
    const socket = await connect(testApp.url);
    sockets.push(socket);
    return socket;
  }

  async function expectError(socket: TestSocket, code: AckErrorCode, message: RegExp, event: string, ...args: unknown[]): Promise<void> {
    const ack = await send(socket, event, ...args);
    expect(ack).toEqual({ ok: false, error: { code, message: expect.stringMatching(message) } });
    if (!ack.ok) {
      expect(ack.error.message).not.toMatch(/Internal server error|\n\s+at /);
    }
  }

  beforeEach(async () => {
    testApp = await startTestApp({ databaseUrl: freshDatabaseUrl() });
  });

  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.close();
    await testApp.app.close();
  });

  it('answers malformed messages with clear errors and keeps serving', async () => {
    const socket = await open();

    await expectError(socket, 'BAD_REQUEST', /name must be a string/, 'player:register', { password: TEST_PASSWORD });
    await expectError(socket, 'BAD_REQUEST', /name must be longer than or equal to 3 characters/, 'player:register', { name: 'ab', password: TEST_PASSWORD });
    await expectError(socket, 'BAD_REQUEST', /name may only contain letters, digits/, 'player:register', { name: 'bad name!', password: TEST_PASSWORD });
    await expectError(socket, 'BAD_REQUEST', /property admin should not exist/, 'player:register', { name: 'mallory', password: TEST_PASSWORD, admin: true });
    await expectError(socket, 'BAD_REQUEST', /password must be at least 8 characters/, 'player:register', { name: 'mallory', password: 'short' });
    await expectError(socket, 'BAD_REQUEST', /expected a JSON object .* got a string/, 'player:register', 'garbage');
    await expectError(socket, 'BAD_REQUEST', /expected a JSON object .* got a number/, 'player:register', 42);
    await expectError(socket, 'BAD_REQUEST', /expected a JSON object .* got null/, 'player:register', null);
    await expectError(socket, 'BAD_REQUEST', /expected a JSON object .* got nothing/, 'player:register');
    await expectError(socket, 'BAD_REQUEST', /expected a JSON object .* got several arguments/, 'player:register', { name: 'x' }, { name: 'y' });
    await expectError(socket, 'UNAUTHENTICATED', /sign in first/, 'attempt:start', { scenarioId: 'imagepull-wrong-tag' });
    await expectError(socket, 'INVALID_CREDENTIALS', /wrong password/, 'player:login', { name: 'nobody', password: TEST_PASSWORD });

    await register(socket, 'dave');
    await expectError(socket, 'NAME_TAKEN', /"dave" is already taken/, 'player:register', { name: 'dave', password: TEST_PASSWORD });
    await expectError(socket, 'BAD_REQUEST', /scenarioId must be a string/, 'attempt:start', { scenarioId: 7 });
    await expectError(socket, 'SCENARIO_NOT_FOUND', /^scenario "x" not found$/, 'attempt:start', { scenarioId: 'x' });

    const { attemptId } = await call<AttemptView>(socket, 'attempt:start', { scenarioId: 'imagepull-wrong-tag' });
    await expectError(socket, 'BAD_REQUEST', /command must be a string/, 'command:run', { attemptId });
    await expectError(socket, 'BAD_REQUEST', /command must be a string/, 'command:run', { attemptId, command: ['kubectl'] });
    await expectError(socket, 'BAD_REQUEST', /attemptId must be a string/, 'command:run', { command: 'kubectl get pods' });
    await expectError(socket, 'BAD_REQUEST', /command must be at most 65536 characters/, 'command:run', { attemptId, command: 'x'.repeat(64 * 1024 + 1) });
    await expectError(socket, 'ATTEMPT_NOT_FOUND', /attempt "nope" not found/, 'command:run', { attemptId: 'nope', command: 'kubectl get pods' });
    await expectError(socket, 'BAD_REQUEST', /index must be an integer number/, 'hint:take', { attemptId, index: '0' });
    await expectError(socket, 'BAD_REQUEST', /index must not be less than 0/, 'hint:take', { attemptId, index: -1 });
    await expectError(socket, 'HINT_NOT_FOUND', /hint 99 does not exist/, 'hint:take', { attemptId, index: 99 });

    // An unknown event is ignored by socket.io; nothing breaks.
    (socket as unknown as { emit(event: string, payload: unknown): void }).emit('no:such-event', { x: 1 });

    expect(socket.connected).toBe(true);
    const result = await call<CommandResult>(socket, 'command:run', { attemptId, command: 'kubectl get pods' });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('web');

    // Malformed YAML through apply answers as kubectl does, and changes nothing.
    const badYaml = await call<CommandResult>(socket, 'command:run', { attemptId, command: 'kubectl apply -f - <<EOF\nkind: Pod\nmetadata: [oops\nEOF' });
    expect(badYaml.exitCode).toBe(1);
    expect(badYaml.stderr).toMatch(/^error: error parsing STDIN: error converting YAML to JSON: yaml: line \d+: /);
    const unchanged = await call<CommandResult>(socket, 'command:run', { attemptId, command: 'kubectl get pods -o name' });
    expect(unchanged.stdout).toBe('pod/web\n');

    // A typo is a normal result (stderr and exit code), not an error ack.
    const typo = await call<CommandResult>(socket, 'command:run', { attemptId, command: 'kubectl get podz' });
    expect(typo.exitCode).not.toBe(0);
    expect(typo.stderr.length).toBeGreaterThan(0);
  });

  it('never lets another player use someone else\'s attempt', async () => {
    const alice = await open();
    const bob = await open();
    await register(alice, 'alice');
    await register(bob, 'bob');
    const { attemptId } = await call<AttemptView>(alice, 'attempt:start', { scenarioId: 'imagepull-wrong-tag' });

    const notFound = new RegExp(`attempt "${attemptId}" not found`);
    await expectError(bob, 'ATTEMPT_NOT_FOUND', notFound, 'command:run', { attemptId, command: 'kubectl delete pod web' });
    await expectError(bob, 'ATTEMPT_NOT_FOUND', notFound, 'attempt:resume', { attemptId });
    await expectError(bob, 'ATTEMPT_NOT_FOUND', notFound, 'hint:take', { attemptId, index: 0 });
    await expectError(bob, 'ATTEMPT_NOT_FOUND', notFound, 'attempt:abandon', { attemptId });
    await expectError(bob, 'ATTEMPT_NOT_FOUND', notFound, 'attempt:replay', { attemptId });
    await expectError(bob, 'ATTEMPT_NOT_FOUND', notFound, 'diagnosis:submit', { attemptId, object: 'pod/web', reason: 'ImagePullBackOff', cause: 'wrong-tag' });
    await expectError(bob, 'ATTEMPT_NOT_FOUND', notFound, 'quiz:list', { attemptId });
    await expectError(bob, 'ATTEMPT_NOT_FOUND', notFound, 'quiz:answer', { attemptId, questionId: 'q', choices: [0] });

    // Bob's own attempt of the same scenario is a different cluster.
    const own = await call<AttemptView>(bob, 'attempt:start', { scenarioId: 'imagepull-wrong-tag' });
    expect(own.attemptId).not.toBe(attemptId);

    const pods = await call<CommandResult>(alice, 'command:run', { attemptId, command: 'kubectl get pods' });
    expect(pods.stdout).toMatch(/^web\s/m);
  });

  it('abandons an attempt; it then accepts no commands and a new start is a new attempt', async () => {
    const socket = await open();
    await register(socket, 'erin');
    const { attemptId } = await call<AttemptView>(socket, 'attempt:start', { scenarioId: 'imagepull-wrong-tag' });
    expect(await call(socket, 'attempt:abandon', { attemptId })).toEqual({ attemptId });
    await expectError(socket, 'ATTEMPT_NOT_ACTIVE', /is abandoned/, 'command:run', { attemptId, command: 'kubectl get pods' });
    const next = await call<AttemptView>(socket, 'attempt:start', { scenarioId: 'imagepull-wrong-tag' });
    expect(next).toMatchObject({ resumed: false });
    expect(next.attemptId).not.toBe(attemptId);
  });

  it('validates leaderboard subscriptions and caps them per connection', async () => {
    const socket = await open();
    await expectError(socket, 'BAD_REQUEST', /week must be an ISO week such as 2026-W48/, 'leaderboard:subscribe', { week: 'last week' });
    await expectError(socket, 'SCENARIO_NOT_FOUND', /scenario "nope" not found/, 'leaderboard:subscribe', { scenarioId: 'nope' });
    for (let week = 1; week <= 20; week++) {
      await call(socket, 'leaderboard:subscribe', { week: `2026-W${String(week).padStart(2, '0')}` });
    }
    await call(socket, 'leaderboard:subscribe', { week: '2026-W01' }); // again: no new subscription
    await expectError(socket, 'BAD_REQUEST', /at most 20 leaderboards per connection/, 'leaderboard:subscribe', { week: '2026-W21' });
    await call(socket, 'leaderboard:unsubscribe', { week: '2026-W01' });
    await call(socket, 'leaderboard:subscribe', { week: '2026-W21' });
  });
});
