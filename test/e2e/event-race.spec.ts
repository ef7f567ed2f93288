/**
 * A live event: an instructor opens a race, two learners join with its code and race the same
 * scenario with the same seed, a third client watches the event's leaderboard, and the instructor's
 * socket sees both command logs. Real app, real catalogue, real SQLite; the clock is driven by hand
 * (AttemptTickerService.tickAll) so nothing depends on timing.
 */
import { PrismaService } from '../../src/game/persistence/prisma.service';
import type {
  AttemptSolvedPush,
  AttemptView,
  CommandResult,
  DiagnosisResult,
  EventCommandPush,
  EventMemberProgressPush,
  EventView,
  EventWatchResponse,
  LeaderboardChangedPush,
  LeaderboardResponse,
  QuizListResponse,
  QuizResult,
  ReplayView,
} from '../../src/game/protocol/messages';
import { connectAs, setRole } from '../support/accounts';
import { IMAGEPULL_FIX } from '../support/fixtures';
import { call, collect, connect, poll, type TestSocket } from '../support/socket-client';
import { MANUAL_TICKER, startTestApp, type TestApp } from '../support/test-app';
import { freshDatabaseUrl } from '../support/test-database';
import { tick as tickApp, tickUntilSolved as solveApp } from '../support/ticks';

const SCENARIO = 'imagepull-wrong-tag';

describe('e2e: an instructor-led race', () => {
  let testApp: TestApp;
  const sockets: TestSocket[] = [];

  beforeEach(async () => {
    testApp = await startTestApp({ databaseUrl: freshDatabaseUrl(), env: MANUAL_TICKER });
  });

  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.close();
    await testApp.app.close();
  });

  async function as(name: string): Promise<Awaited<ReturnType<typeof connectAs>>> {
    const signedIn = await connectAs(testApp.url, name);
    sockets.push(signedIn.socket);
    return signedIn;
  }

  const tick = (seconds: number): Promise<void> => tickApp(testApp, seconds);
  const tickUntilSolved = (attemptId: string): Promise<void> => solveApp(testApp, attemptId);

  /** Waits (bounded) for a push already on its way to arrive. */
  async function arrived<T>(pushes: T[], count: number): Promise<T[]> {
    return poll(async () => (pushes.length >= count ? pushes : undefined));
  }

  it('two learners race; the watcher sees the board in solve order; the instructor sees both command logs', async () => {
    const admin = await as('root'); // the first account is the admin
    const teacher = await as('teacher');
    await setRole(testApp.url, admin.session.token, 'teacher', 'instructor');

    const now = Date.now();
    const res = await fetch(`${testApp.url}/api/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${teacher.session.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Friday race', scenarioIds: [SCENARIO], startsAt: new Date(now - 60_000).toISOString(), endsAt: new Date(now + 3_600_000).toISOString() }),
    });
    expect(res.status).toBe(201);
    const event = (await res.json()) as EventView;
    expect(event.code).toMatch(/^[A-Z2-9]{6}$/);

    // The instructor's socket signs in at the handshake (role read after the promotion) and watches.
    const instructor = await connect(testApp.url, { token: teacher.session.token });
    sockets.push(instructor);
    const commands = collect<EventCommandPush>(instructor, 'event:command');
    const progress = collect<EventMemberProgressPush>(instructor, 'event:member-progress');

    const ann = await as('ann');
    const ben = await as('ben');
    expect(await call<EventView>(ann.socket, 'event:join', { code: event.code.toLowerCase() })).toEqual(event);
    expect(await call<EventView>(ben.socket, 'event:join', { code: event.code })).toEqual(event);
    const watched = await call<EventWatchResponse>(instructor, 'event:watch', { eventId: event.eventId });
    expect(watched.members.map((m) => m.name)).toEqual(['ann', 'ben']);
    expect(watched.live).toEqual([]);

    // A third client, not signed in, watches the event's board.
    const watcher = await connect(testApp.url);
    sockets.push(watcher);
    const board = collect<LeaderboardChangedPush>(watcher, 'leaderboard:changed');
    const initial = await call<LeaderboardResponse>(watcher, 'leaderboard:subscribe', { eventId: event.eventId });
    expect(initial).toMatchObject({ eventId: event.eventId, total: 0, entries: [] });

    const annAttempt = await call<AttemptView>(ann.socket, 'attempt:start', { scenarioId: SCENARIO, eventId: event.eventId });
    const benAttempt = await call<AttemptView>(ben.socket, 'attempt:start', { scenarioId: SCENARIO, eventId: event.eventId });
    expect(annAttempt.eventId).toBe(event.eventId);
    // Same scenario, same seed: the same broken cluster for everyone.
    const seeds = await testApp.app.get(PrismaService).attempt.findMany({ where: { eventId: event.eventId }, select: { seed: true } });
    expect(new Set(seeds.map((s) => s.seed)).size).toBe(1);
    // Outside the event the same scenario is a separate attempt.
    const solo = await call<AttemptView>(ann.socket, 'attempt:start', { scenarioId: SCENARIO });
    expect(solo.attemptId).not.toBe(annAttempt.attemptId);

    await tick(5); // the pull has failed by now
    // An instructor who starts watching later gets the running attempts with their objectives.
    const late = await call<EventWatchResponse>(instructor, 'event:watch', { eventId: event.eventId });
    expect(late.live.map((a) => [a.playerName, a.attemptId, a.progress.elapsedMs])).toEqual(
      expect.arrayContaining([
        ['ann', annAttempt.attemptId, 5000],
        ['ben', benAttempt.attemptId, 5000],
      ]),
    );
    expect(late.live[0].progress.objectives.length).toBeGreaterThan(0);
    const annPods = await call<CommandResult>(ann.socket, 'command:run', { attemptId: annAttempt.attemptId, command: 'kubectl get pods' });
    const benPods = await call<CommandResult>(ben.socket, 'command:run', { attemptId: benAttempt.attemptId, command: 'kubectl get pods' });
    expect(annPods.stdout).toBe(benPods.stdout);

    // Ann diagnoses (one wrong guess first) and answers the quiz; Ben takes a hint.
    const wrong = await call<DiagnosisResult>(ann.socket, 'diagnosis:submit', { attemptId: annAttempt.attemptId, object: 'pod/web', reason: 'ImagePullBackOff', cause: 'registry-unreachable' });
    expect(wrong).toMatchObject({ correct: false, objectRight: true, reasonRight: true, causeRight: false, wrongGuesses: 1 });
    const right = await call<DiagnosisResult>(ann.socket, 'diagnosis:submit', { attemptId: annAttempt.attemptId, object: 'pod/web', reason: 'ImagePullBackOff', cause: 'wrong-tag' });
    expect(right).toMatchObject({ correct: true, points: 20 });
    const quiz = await call<QuizListResponse>(ann.socket, 'quiz:list', { attemptId: annAttempt.attemptId });
    expect(quiz.questions.map((q) => q.id)).toEqual(['pull-backoff-schedule']);
    expect(await call<QuizResult>(ann.socket, 'quiz:answer', { attemptId: annAttempt.attemptId, questionId: 'pull-backoff-schedule', choices: [1] })).toMatchObject({ correct: true, points: 10 });
    await call(ben.socket, 'hint:take', { attemptId: benAttempt.attemptId, index: 0 });

    // Ann fixes first and is solved; then Ben.
    const annSolved = collect<AttemptSolvedPush>(ann.socket, 'attempt:solved');
    const benSolved = collect<AttemptSolvedPush>(ben.socket, 'attempt:solved');
    const fixed = await call<CommandResult>(ann.socket, 'command:run', { attemptId: annAttempt.attemptId, command: IMAGEPULL_FIX });
    expect(fixed.exitCode).toBe(0);
    await tickUntilSolved(annAttempt.attemptId);
    const [annResult] = await arrived(annSolved, 1);
    expect(annResult.breakdown).toMatchObject({ multiplier: 1, diagnosisPoints: 20, quizPoints: 10 });
    expect(annResult.score).toBe(annResult.breakdown.repairPoints + 30);
    await arrived(board, 1);

    await call(ben.socket, 'command:run', { attemptId: benAttempt.attemptId, command: IMAGEPULL_FIX });
    await tickUntilSolved(benAttempt.attemptId);
    const [benResult] = await arrived(benSolved, 1);
    expect(benResult.breakdown.hintCosts).toBe(10);
    expect(benResult.solveSeconds).toBeGreaterThanOrEqual(annResult.solveSeconds);

    const pushes = await arrived(board, 2);
    expect(pushes).toHaveLength(2);
    expect(pushes[0].version).toBeLessThan(pushes[1].version);
    expect(pushes.map((p) => p.board.eventId)).toEqual([event.eventId, event.eventId]);
    expect(pushes[0].entries.map((e) => [e.rank, e.playerName, e.score])).toEqual([[1, 'ann', annResult.score]]);
    expect(pushes[1].entries.map((e) => [e.rank, e.playerName, e.score])).toEqual([
      [1, 'ann', annResult.score],
      [2, 'ben', benResult.score],
    ]);

    // The same board over HTTP, and event attempts stay off the public board.
    const http = (await (await fetch(`${testApp.url}/api/leaderboard?eventId=${event.eventId}`)).json()) as LeaderboardResponse;
    expect(http.entries.map((e) => e.playerName)).toEqual(['ann', 'ben']);
    const global = (await (await fetch(`${testApp.url}/api/leaderboard`)).json()) as LeaderboardResponse;
    expect(global.total).toBe(0);

    // The instructor saw both command logs, in each learner's order, with outputs and virtual times.
    const log = await arrived(commands, 4);
    const of = (name: string): string[] => log.filter((c) => c.playerName === name).map((c) => `${c.seq}:${c.command.split('\n')[0]}`);
    expect(of('ann')).toEqual(['1:kubectl get pods', '2:kubectl apply -f - <<EOF']);
    expect(of('ben')).toEqual(['1:kubectl get pods', '2:kubectl apply -f - <<EOF']);
    expect(log.find((c) => c.playerName === 'ben' && c.seq === 1)).toMatchObject({ eventId: event.eventId, attemptId: benAttempt.attemptId, stdout: benPods.stdout, exitCode: 0 });
    // Ann's solo attempt is not part of the event.
    expect(log.every((c) => c.attemptId !== solo.attemptId)).toBe(true);
    // ...and each member's progress, objectives included, up to solved.
    await poll(async () => (progress.some((p) => p.playerName === 'ben' && p.progress.solved) ? true : undefined));
    expect(progress.some((p) => p.playerName === 'ann' && p.progress.diagnosis.correct)).toBe(true);
    expect(progress.find((p) => p.playerName === 'ann' && p.progress.solved)?.progress.objectives.every((o) => o.met)).toBe(true);

    // Replays: the instructor may replay any; Ben, having solved, may replay Ann's solved attempt.
    const replay = await call<ReplayView>(instructor, 'attempt:replay', { attemptId: annAttempt.attemptId });
    expect(replay).toMatchObject({ playerName: 'ann', state: 'solved', score: annResult.score, solveSeconds: annResult.solveSeconds });
    expect(replay.commands.map((c) => c.seq)).toEqual([1, 2]);
    expect(replay.commands[0]).toMatchObject({ command: 'kubectl get pods', stdout: annPods.stdout, virtualMs: 5000 });
    expect((await call<ReplayView>(ben.socket, 'attempt:replay', { attemptId: annAttempt.attemptId })).commands).toHaveLength(2);
  });
});
