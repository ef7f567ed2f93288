/**
 * The attempt use cases against a real temporary SQLite file, with the small fake catalogue and a
 * hand-driven clock (the ticker's timer never fires; tests call tickAll()).
 */
import { AttemptProgressService, IDLE_SNAPSHOT_FACTOR } from '../../src/game/attempts/attempt-progress.service';
import { AttemptTickerService } from '../../src/game/attempts/attempt-ticker.service';
import { AttemptsService } from '../../src/game/attempts/attempts.service';
import { GameError, GameErrorCode } from '../../src/game/errors/game-error';
import { LeaderboardService } from '../../src/game/leaderboard/leaderboard.service';
import { AnswersRepository } from '../../src/game/persistence/answers.repository';
import { AttemptsRepository } from '../../src/game/persistence/attempts.repository';
import { TimelineRepository } from '../../src/game/persistence/timeline.repository';
import { CommandLogsRepository } from '../../src/game/persistence/command-logs.repository';
import type { Principal } from '../../src/game/auth/players.service';
import type { AttemptExpiredPush, AttemptProgressPush, AttemptSolvedPush } from '../../src/game/protocol/messages';
import { PushService } from '../../src/game/transport/push.service';
import type { GameCatalog } from '../../src/game/scenarios/game-catalog';
import { SCENARIO_CATALOG } from '../../src/game/scenarios/scenario-catalog.provider';
import { SnapshotOutdatedError, type TimelineEntry } from '../../src/scenarios/session.types';
import { registerPrincipal } from '../support/accounts';
import { createFakeCatalog, FAKE_SCENARIO_ID } from '../support/fake-catalog';
import { IMAGEPULL_FIX } from '../support/fixtures';
import { MANUAL_TICKER, startTestApp, type TestApp } from '../support/test-app';
import { freshDatabaseUrl } from '../support/test-database';

describe('AttemptsService (real SQLite, fake catalogue)', () => {
  let testApp: TestApp;
  let databaseUrl: string;
  let progressPushes: AttemptProgressPush[];
  let solvedPushes: AttemptSolvedPush[];

  async function boot(env: Record<string, string> = {}): Promise<void> {
    testApp = await startTestApp({ databaseUrl, catalog: createFakeCatalog(), listen: false, env: { ...MANUAL_TICKER, ...env } });
    progressPushes = [];
    solvedPushes = [];
    const push = testApp.app.get(PushService);
    jest.spyOn(push, 'attemptProgress').mockImplementation((p) => void progressPushes.push(p));
    jest.spyOn(push, 'attemptSolved').mockImplementation((p) => void solvedPushes.push(p));
  }

  const attempts = (): AttemptsService => testApp.app.get(AttemptsService);
  const ticker = (): AttemptTickerService => testApp.app.get(AttemptTickerService);
  const register = (name: string): Promise<Principal> => registerPrincipal(testApp.app, name);

  async function tick(times: number): Promise<void> {
    for (let i = 0; i < times; i++) await ticker().tickAll(1000);
  }

  beforeEach(async () => {
    databaseUrl = freshDatabaseUrl();
    await boot();
  });

  afterEach(async () => {
    await testApp.app.close();
  });

  it('keeps one active attempt per player and scenario', async () => {
    const alice = await register('alice');
    const first = await attempts().start(alice, FAKE_SCENARIO_ID);
    const again = await attempts().start(alice, FAKE_SCENARIO_ID);
    expect(again).toMatchObject({ attemptId: first.attemptId, resumed: true });
    const [a, b] = await Promise.all([attempts().start(alice, FAKE_SCENARIO_ID), attempts().start(alice, FAKE_SCENARIO_ID)]);
    expect(a.attemptId).toBe(first.attemptId);
    expect(b.attemptId).toBe(first.attemptId);
  });

  it('rejects unknown scenarios and other players\' attempts with coded errors', async () => {
    const alice = await register('alice');
    const bob = await register('bob');
    await expect(attempts().start(alice, 'nope')).rejects.toEqual(new GameError(GameErrorCode.ScenarioNotFound, 'scenario "nope" not found'));
    const { attemptId } = await attempts().start(alice, FAKE_SCENARIO_ID);
    await expect(attempts().runCommand(bob.playerId, attemptId, 'kubectl get pods')).rejects.toMatchObject({ code: GameErrorCode.AttemptNotFound });
  });

  it('logs every command with its sequence number and virtual time', async () => {
    const alice = await register('alice');
    const { attemptId } = await attempts().start(alice, FAKE_SCENARIO_ID);
    await attempts().runCommand(alice.playerId, attemptId, 'kubectl get pods');
    await tick(4); // 4 s of virtual time
    const result = await attempts().runCommand(alice.playerId, attemptId, 'kubectl get pods');
    expect(result.stdout).toContain('ImagePullBackOff');
    const log = await testApp.app.get(CommandLogsRepository).listForAttempt(attemptId);
    expect(log.map((l) => [l.seq, l.virtualMs, l.exitCode])).toEqual([
      [1, 0, 0],
      [2, 4000, 0],
    ]);
  });

  it('pushes progress only when it changes, then scores the solve with hint costs and guard-rail penalties', async () => {
    const alice = await register('alice');
    const { attemptId } = await attempts().start(alice, FAKE_SCENARIO_ID);
    await tick(3);
    const pushesWhileBroken = progressPushes.length;
    await tick(3);
    expect(progressPushes.length).toBe(pushesWhileBroken);

    await attempts().takeHint(alice.playerId, attemptId, 1); // costs 15
    await attempts().runCommand(alice.playerId, attemptId, 'kubectl scale deployment web --replicas=0'); // guard rail: 20
    await attempts().runCommand(alice.playerId, attemptId, IMAGEPULL_FIX);
    expect(progressPushes.at(-1)?.progress.allMet).toBe(true);
    await tick(10); // the fake's stabilisation window
    expect(solvedPushes).toHaveLength(1);
    expect(solvedPushes[0]).toMatchObject({
      attemptId,
      scenarioId: FAKE_SCENARIO_ID,
      score: 100 - 15 - 20,
      solveSeconds: 6,
      debrief: 'Image tags must exist in the registry.',
    });
    expect(solvedPushes[0].breakdown).toMatchObject({ hintCosts: 15, guardRailPenalties: 20, overParPenalty: 0 });

    await expect(attempts().runCommand(alice.playerId, attemptId, 'kubectl get pods')).rejects.toMatchObject({ code: GameErrorCode.AttemptNotActive });
    const board = await testApp.app.get(LeaderboardService).page({ board: 'scenarios', scenarioId: FAKE_SCENARIO_ID, track: null, week: null, eventId: null }, 10, 0);
    expect(board.entries).toEqual([expect.objectContaining({ rank: 1, playerId: alice.playerId, playerName: 'alice', score: 65, solveSeconds: 6 })]);
  });

  it('continues an active attempt after a restart from the snapshot written at shutdown', async () => {
    const alice = await register('alice');
    const { attemptId } = await attempts().start(alice, FAKE_SCENARIO_ID);
    await tick(5);
    await attempts().runCommand(alice.playerId, attemptId, 'kubectl get pods');
    await attempts().takeHint(alice.playerId, attemptId, 0);

    await testApp.app.close();
    await boot();

    const resumed = await attempts().start(alice, FAKE_SCENARIO_ID);
    expect(resumed).toMatchObject({ attemptId, resumed: true });
    expect(resumed.progress.elapsedMs).toBe(5000);
    expect(resumed.hints[0].text).toBe('Look at the pod events.');
    await attempts().runCommand(alice.playerId, attemptId, 'kubectl get pods');
    const log = await testApp.app.get(CommandLogsRepository).listForAttempt(attemptId);
    expect(log.map((l) => l.seq)).toEqual([1, 2]);
  });

  it('snapshots an attempt a player changed once its snapshot is snapshotMs old, one only the clock moved 20 × later', async () => {
    const snapshotMs = Number(MANUAL_TICKER.CRASHLOOP_SNAPSHOT_MS);
    const [alice, bob] = [await register('alice'), await register('bob')];
    const played = (await attempts().start(alice, FAKE_SCENARIO_ID)).attemptId;
    const idle = (await attempts().start(bob, FAKE_SCENARIO_ID)).attemptId;
    await tick(3);
    await attempts().runCommand(alice.playerId, played, 'kubectl get pods');
    const stored = async (id: string) => (await testApp.app.get(AttemptsRepository).findById(id))?.snapshot ?? null;
    const snapshots = testApp.app.get(AttemptProgressService);
    const now = Date.now();

    await snapshots.snapshotStale(now + snapshotMs - 60_000);
    expect([await stored(played), await stored(idle)]).toEqual([null, null]);

    await snapshots.snapshotStale(now + snapshotMs + 1000);
    expect(JSON.parse((await stored(played))!)).toMatchObject({ version: 1, scenarioId: FAKE_SCENARIO_ID });
    expect(await stored(idle)).toBeNull();

    await snapshots.snapshotStale(now + IDLE_SNAPSHOT_FACTOR * snapshotMs + 1000);
    expect(await stored(idle)).not.toBeNull();
  });

  it('stores a batch of due attempts together, each row with its own snapshot and clock', async () => {
    const ids: string[] = [];
    for (const name of ['ann', 'ben', 'cat']) {
      const player = await register(name);
      ids.push((await attempts().start(player, FAKE_SCENARIO_ID)).attemptId);
      await tick(1);
      await attempts().runCommand(player.playerId, ids[ids.length - 1], 'kubectl get pods');
    }
    await testApp.app.get(AttemptProgressService).snapshotStale(Date.now() + Number(MANUAL_TICKER.CRASHLOOP_SNAPSHOT_MS));

    const stored = await Promise.all(ids.map((id) => testApp.app.get(AttemptsRepository).findById(id)));
    expect(stored.map((r) => r!.virtualMs)).toEqual([3000, 2000, 1000]);
    expect(stored.map((r) => (JSON.parse(r!.snapshot!) as { seed: number }).seed)).toEqual(stored.map((r) => r!.seed));
  });

  it("writes several attempts' timeline entries in one statement, each under its own attempt", async () => {
    const [a, b] = [await register('ann'), await register('ben')];
    const ids = [(await attempts().start(a, FAKE_SCENARIO_ID)).attemptId, (await attempts().start(b, FAKE_SCENARIO_ID)).attemptId];
    const entry = (seq: number, reason: string) => ({ seq, atMs: seq * 1000, kind: 'event', reason }) as unknown as TimelineEntry;
    const repo = testApp.app.get(TimelineRepository);
    await repo.appendMany([
      { attemptId: ids[0], entries: [entry(1, 'Pulling'), entry(2, 'Failed')] },
      { attemptId: ids[1], entries: [entry(1, 'Scheduled')] },
    ]);
    expect(await repo.listForAttempt(ids[0])).toEqual([entry(1, 'Pulling'), entry(2, 'Failed')]);
    expect(await repo.listForAttempt(ids[1])).toEqual([entry(1, 'Scheduled')]);
  });

  it('closes, with a clear error, an attempt whose snapshot an upgrade made outdated; a new start begins afresh', async () => {
    const alice = await register('alice');
    const { attemptId } = await attempts().start(alice, FAKE_SCENARIO_ID);
    await attempts().runCommand(alice.playerId, attemptId, 'kubectl get pods');
    await testApp.app.close();
    await boot();
    // What the real catalogue throws for a snapshot taken over another warm-up (src/scenarios/warm-start.spec.ts).
    jest.spyOn(testApp.app.get<GameCatalog>(SCENARIO_CATALOG), 'restore').mockImplementation((snapshot) => {
      throw new SnapshotOutdatedError(snapshot.scenarioId);
    });

    await expect(attempts().resume(alice.playerId, attemptId)).rejects.toMatchObject({
      code: GameErrorCode.AttemptNotActive,
      message: `attempt "${attemptId}" was saved by an earlier version of the simulation and cannot be resumed; start the scenario again`,
    });
    expect((await testApp.app.get(AttemptsRepository).findById(attemptId))?.state).toBe('abandoned');
    const fresh = await attempts().start(alice, FAKE_SCENARIO_ID);
    expect(fresh).toMatchObject({ resumed: false });
    expect(fresh.attemptId).not.toBe(attemptId);
  });

  it('abandons: the attempt is closed and a new start begins afresh', async () => {
    const alice = await register('alice');
    const { attemptId } = await attempts().start(alice, FAKE_SCENARIO_ID);
    await attempts().abandon(alice.playerId, attemptId);
    await expect(attempts().resume(alice.playerId, attemptId)).rejects.toMatchObject({ code: GameErrorCode.AttemptNotActive });
    const fresh = await attempts().start(alice, FAKE_SCENARIO_ID);
    expect(fresh.attemptId).not.toBe(attemptId);
    expect(fresh.resumed).toBe(false);
  });

  it('abandons an attempt that runs past the time limit unsolved, and says so', async () => {
    await testApp.app.close();
    await boot({ CRASHLOOP_ATTEMPT_LIMIT_MINUTES: '0.5' });
    const expired: AttemptExpiredPush[] = [];
    jest.spyOn(testApp.app.get(PushService), 'attemptExpired').mockImplementation((p) => void expired.push(p));
    const alice = await register('alice');
    const { attemptId } = await attempts().start(alice, FAKE_SCENARIO_ID);
    await tick(29);
    await attempts().runCommand(alice.playerId, attemptId, 'kubectl get pods');
    await tick(1);
    expect(expired).toEqual([{ attemptId, scenarioId: FAKE_SCENARIO_ID, elapsedMs: 30_000 }]);
    await expect(attempts().resume(alice.playerId, attemptId)).rejects.toMatchObject({ code: GameErrorCode.AttemptNotActive });
    expect((await attempts().start(alice, FAKE_SCENARIO_ID)).resumed).toBe(false);
  });

  it('diagnoses before the repair: wrong guesses cost, the right one counts once, all are stored and scored', async () => {
    const alice = await register('alice');
    const { attemptId } = await attempts().start(alice, FAKE_SCENARIO_ID);
    const answer = { object: 'pod/web', reason: 'ImagePullBackOff', cause: 'private-image' };
    expect(await attempts().diagnose(alice.playerId, attemptId, answer)).toMatchObject({ correct: false, causeRight: false, wrongGuesses: 1 });
    expect(await attempts().diagnose(alice.playerId, attemptId, { ...answer, cause: 'wrong-tag' })).toMatchObject({ correct: true, points: 15 });
    const stored = await testApp.app.get(AnswersRepository).diagnoses(attemptId);
    expect(stored.map((d) => [d.cause, d.correct, d.points])).toEqual([
      ['private-image', false, 0],
      ['wrong-tag', true, 15],
    ]);
    await expect(attempts().answerQuiz(alice.playerId, attemptId, 'nope', [0])).rejects.toMatchObject({ code: GameErrorCode.QuestionNotFound });
    await attempts().runCommand(alice.playerId, attemptId, IMAGEPULL_FIX);
    await tick(10);
    expect(solvedPushes[0].breakdown).toMatchObject({ diagnosisPoints: 15, repairPoints: 100 });
    expect(solvedPushes[0].score).toBe(115);
  });
});
