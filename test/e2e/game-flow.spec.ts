/**
 * The walking skeleton end to end: real Nest app on an ephemeral port, a fresh SQLite file,
 * a real socket.io client, the real scenario catalogue, a fast ticker.
 */
import type {
  AttemptProgressPush,
  AttemptSolvedPush,
  AttemptView,
  CommandResult,
  LeaderboardChangedPush,
  LeaderboardResponse,
} from '../../src/game/protocol/messages';
import { register } from '../support/accounts';
import { IMAGEPULL_FIX } from '../support/fixtures';
import { call, connect, nextPush, poll, type TestSocket } from '../support/socket-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { freshDatabaseUrl } from '../support/test-database';
import { AttemptsRepository } from '../../src/game/persistence/attempts.repository';

describe('e2e: solving imagepull-wrong-tag', () => {
  let testApp: TestApp | undefined;
  const sockets: TestSocket[] = [];

  async function open(url: string): Promise<TestSocket> {
    const socket = await connect(url);
    sockets.push(socket);
    return socket;
  }

  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.close();
    await testApp?.app.close();
    testApp = undefined;
  });

  async function leaderboard(url: string, query = ''): Promise<LeaderboardResponse> {
    const res = await fetch(`${url}/api/leaderboard${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as LeaderboardResponse;
  }

  it('goes from ImagePullBackOff to solved, scores, and the score survives a restart', async () => {
    const databaseUrl = freshDatabaseUrl();
    testApp = await startTestApp({ databaseUrl });
    const socket = await open(testApp.url);

    const player = await register(socket, 'alice');
    await call(socket, 'leaderboard:subscribe', { scenarioId: 'imagepull-wrong-tag' });
    const attempt = await call<AttemptView>(socket, 'attempt:start', { scenarioId: 'imagepull-wrong-tag' });
    expect(attempt.resumed).toBe(false);
    expect(attempt.scenario.id).toBe('imagepull-wrong-tag');
    expect(attempt.progress.solved).toBe(false);
    const { attemptId } = attempt;

    const pods = await poll(async () => {
      const result = await call<CommandResult>(socket, 'command:run', { attemptId, command: 'kubectl get pods' });
      return result.stdout.includes('ImagePullBackOff') ? result : undefined;
    });
    expect(pods.exitCode).toBe(0);
    expect(pods.stdout).toMatch(/^web\s+0\/1\s+ImagePullBackOff\s/m);

    const allMet = nextPush<AttemptProgressPush>(socket, 'attempt:progress', (p) => p.attemptId === attemptId && p.progress.allMet);
    const solvedPush = nextPush<AttemptSolvedPush>(socket, 'attempt:solved', (p) => p.attemptId === attemptId);
    const changed = nextPush<LeaderboardChangedPush>(socket, 'leaderboard:changed');
    const fix = await call<CommandResult>(socket, 'command:run', { attemptId, command: IMAGEPULL_FIX });
    // stderr may carry kubectl's last-applied-configuration warning, as real kubectl prints it.
    expect(fix.exitCode).toBe(0);
    expect(fix.stdout).toContain('pod/web');

    const progress = await allMet;
    expect(progress.progress.objectives.every((o) => o.met)).toBe(true);
    const solved = await solvedPush;
    expect(solved.score).toBeGreaterThan(0);
    expect(solved.breakdown.score).toBe(solved.score);
    expect(solved.solveSeconds).toBe(solved.breakdown.solveSeconds);
    expect(solved.debrief.length).toBeGreaterThan(0);
    expect(await changed).toMatchObject({
      board: { board: 'scenarios', scenarioId: 'imagepull-wrong-tag', track: null, week: null, eventId: null },
      entries: [expect.objectContaining({ playerName: 'alice', score: solved.score, rank: 1 })],
    });

    // A solved attempt accepts no more commands; starting again begins a new attempt.
    const after = await call<AttemptView>(socket, 'attempt:start', { scenarioId: 'imagepull-wrong-tag' });
    expect(after.attemptId).not.toBe(attemptId);

    const expected = { playerId: player.playerId, playerName: 'alice', score: solved.score, rank: 1, solvedScenarios: 1 };
    expect((await leaderboard(testApp.url, '?scenarioId=imagepull-wrong-tag')).entries).toEqual([expect.objectContaining(expected)]);
    expect((await leaderboard(testApp.url)).entries).toEqual([expect.objectContaining(expected)]);

    for (const s of sockets.splice(0)) s.close();
    await testApp.app.close();
    testApp = await startTestApp({ databaseUrl });
    const restarted = await leaderboard(testApp.url, '?scenarioId=imagepull-wrong-tag');
    expect(restarted.total).toBe(1);
    expect(restarted.entries).toEqual([expect.objectContaining(expected)]);
  });

  it('resumes an active attempt after a restart from its snapshot, keeping identity through the handshake', async () => {
    const databaseUrl = freshDatabaseUrl();
    testApp = await startTestApp({ databaseUrl });
    const first = await open(testApp.url);
    const player = await register(first, 'carol');
    const attempt = await call<AttemptView>(first, 'attempt:start', { scenarioId: 'imagepull-wrong-tag' });
    await call<CommandResult>(first, 'command:run', { attemptId: attempt.attemptId, command: 'kubectl get pods' });
    const before = await poll(async () => {
      const view = await call<AttemptView>(first, 'attempt:resume', { attemptId: attempt.attemptId });
      return view.progress.elapsedMs > 0 ? view.progress.elapsedMs : undefined;
    });

    for (const s of sockets.splice(0)) s.close();
    await testApp.app.close(); // flushes snapshots
    testApp = await startTestApp({ databaseUrl });
    // Written at shutdown self-contained: it restores even if an upgrade changed the scenario's warm-up.
    const stored = await testApp.app.get(AttemptsRepository).findById(attempt.attemptId);
    expect(stored!.snapshot).toContain('"objects":[{');
    expect(stored!.snapshot).not.toContain('"base":');

    const again = await open(testApp.url);
    // Not signed in on a new connection without handshake credentials.
    await expect(call(again, 'attempt:resume', { attemptId: attempt.attemptId })).rejects.toThrow(/UNAUTHENTICATED/);
    await expect(connect(testApp.url, { token: `${player.token}x` })).rejects.toThrow(/invalid session token/);

    const back = await connect(testApp.url, { token: player.token });
    sockets.push(back);
    const resumed = await call<AttemptView>(back, 'attempt:resume', { attemptId: attempt.attemptId });
    expect(resumed).toMatchObject({ attemptId: attempt.attemptId, resumed: true });
    expect(resumed.progress.elapsedMs).toBeGreaterThanOrEqual(before);
    const sameAsStart = await call<AttemptView>(back, 'attempt:start', { scenarioId: 'imagepull-wrong-tag' });
    expect(sameAsStart.attemptId).toBe(attempt.attemptId);
    const pods = await call<CommandResult>(back, 'command:run', { attemptId: attempt.attemptId, command: 'kubectl get pods' });
    expect(pods.stdout).toContain('web');
  });
});
