/**
 * Standalone quiz rounds through the real socket and SQLite: topics, a round's shuffled questions without
 * answers, answers timed on the server clock (speed bonus, late answers score 0 but teach), one open round
 * per player that survives a restart, and the quiz leaderboard pushed live and served over HTTP — accounts
 * only, best round per player, ties to the earlier finish. The server clock is replaced, never waited for.
 */
import 'reflect-metadata';
import type {
  LeaderboardChangedPush,
  LeaderboardResponse,
  QuizRoundAnswerResult,
  QuizRoundQuestionView,
  QuizRoundSummary,
  QuizRoundView,
  QuizTopicsResponse,
  SessionResponse,
} from '../../src/game/protocol/messages';
import { loadQuizBank } from '../../src/game/quiz/quiz-bank';
import { QuizClock } from '../../src/game/quiz/quiz-bank.provider';
import { connectAs } from '../support/accounts';
import { call, collect, poll, send, type TestSocket } from '../support/socket-client';
import { AppHarness } from '../support/app-harness';
import { http } from '../support/http';
import { MANUAL_TICKER } from '../support/test-app';
import { freshDatabaseUrl } from '../support/test-database';

const bank = loadQuizBank();
const T0 = Date.parse('2026-11-25T12:00:00.000Z');
const WEEK = '2026-W48';

describe('e2e: standalone quiz rounds', () => {
  const h = new AppHarness();
  let now = T0;

  async function boot(databaseUrl = freshDatabaseUrl()): Promise<string> {
    await h.start({ databaseUrl, env: MANUAL_TICKER });
    jest.spyOn(h.app!.app.get(QuizClock), 'now').mockImplementation(() => now);
    return databaseUrl;
  }



  afterEach(async () => {
    await h.close();
    now = T0;
  });

  /** The indices of the right choices as the round shows them. */
  function rightChoices(q: QuizRoundQuestionView): number[] {
    const question = bank.question(q.id)!;
    return question.answers.map((a) => q.choices.indexOf(question.choices[a])).sort((a, b) => a - b);
  }

  function wrongChoices(q: QuizRoundQuestionView): number[] {
    const right = rightChoices(q);
    return [q.choices.findIndex((_, i) => !right.includes(i))];
  }

  async function playRound(socket: TestSocket, answers: Array<{ afterMs: number; right: boolean }>, topic?: string): Promise<QuizRoundSummary> {
    const round = await call<QuizRoundView>(socket, 'quiz-round:start', { ...(topic ? { topic } : {}), size: answers.length });
    for (const [i, a] of answers.entries()) {
      now += a.afterMs;
      const q = round.questions[i];
      await call<QuizRoundAnswerResult>(socket, 'quiz-round:answer', { roundId: round.roundId, questionId: q.id, choices: a.right ? rightChoices(q) : wrongChoices(q) });
    }
    return call<QuizRoundSummary>(socket, 'quiz-round:finish', { roundId: round.roundId });
  }

  const quizBoard = (query = '') => http<LeaderboardResponse & { error?: string }>(h.app!.url, 'GET', `/api/leaderboards?board=quiz${query}`);

  it('lists the topics of a bank of at least 40 questions, over the socket and HTTP', async () => {
    await boot();
    const socket = await h.open();
    const { topics } = await call<QuizTopicsResponse>(socket, 'quiz:topics', {});
    expect(topics.map((t) => t.id)).toEqual(
      expect.arrayContaining(['pod-creation', 'phases-conditions', 'admission', 'probes', 'resource-version', 'debugging', 'back-off', 'node-lifecycle']),
    );
    expect(topics.every((t) => t.count >= 5 && t.title.length > 0)).toBe(true);
    expect(topics.reduce((sum, t) => sum + t.count, 0)).toBeGreaterThanOrEqual(40);
    expect(await (await fetch(`${h.app!.url}/api/quiz/topics`)).json()).toEqual({ topics });
  });

  it('times answers on the server clock: a speed bonus when right and fast, nothing when wrong or late, the explanation always', async () => {
    const databaseUrl = await boot();
    const { socket, session } = await connectAs(h.app!.url, 'alice');
    h.adopt(socket);
    const round = await call<QuizRoundView>(socket, 'quiz-round:start', { topic: 'probes', size: 3 });
    expect(round).toMatchObject({ topic: 'probes', state: 'open', score: 0, resumed: false, startedAt: new Date(T0).toISOString() });
    expect(round.questions).toHaveLength(3);
    for (const q of round.questions) {
      expect(q).toEqual({ id: expect.any(String), topic: 'probes', question: expect.any(String), choices: expect.any(Array), multiple: expect.any(Boolean), points: 100, timeLimitSeconds: 30 });
      // The same choices as the bank, in this round's order; no answer or explanation is sent.
      expect([...q.choices].sort()).toEqual([...bank.question(q.id)!.choices].sort());
    }
    expect(JSON.stringify(round)).not.toMatch(/explanation|"answers"/);

    // A restart in the middle: the open round comes back as it was, choice order included.
    await h.close();
    await boot(databaseUrl);
    const again = await h.open(session.token);
    const resumed = await call<QuizRoundView>(again, 'quiz-round:start', { topic: 'admission', size: 5 });
    expect(resumed).toEqual({ ...round, resumed: true });

    const [q1, q2, q3] = round.questions;
    now += 3_000;
    const fast = await call<QuizRoundAnswerResult>(again, 'quiz-round:answer', { roundId: round.roundId, questionId: q1.id, choices: rightChoices(q1) });
    // 100 points + floor(100 × 0.5 × (30 − 3) / 30) = 145
    expect(fast).toEqual({
      questionId: q1.id,
      correct: true,
      late: false,
      points: 145,
      speedBonus: 45,
      elapsedMs: 3_000,
      explanation: bank.question(q1.id)!.explanation,
      correctChoices: rightChoices(q1),
      choices: rightChoices(q1),
      roundScore: 145,
      remaining: 2,
    });
    // The next question's clock started at the previous answer.
    now += 10_000;
    const wrong = await call<QuizRoundAnswerResult>(again, 'quiz-round:answer', { roundId: round.roundId, questionId: q2.id, choices: wrongChoices(q2) });
    expect(wrong).toMatchObject({ correct: false, late: false, points: 0, speedBonus: 0, elapsedMs: 10_000, correctChoices: rightChoices(q2), roundScore: 145, remaining: 1 });
    expect(wrong.explanation).toBe(bank.question(q2.id)!.explanation);
    await expect(send(again, 'quiz-round:answer', { roundId: round.roundId, questionId: q2.id, choices: rightChoices(q2) })).resolves.toMatchObject({
      ok: false,
      error: { code: 'QUESTION_ANSWERED' },
    });
    now += 31_000;
    const late = await call<QuizRoundAnswerResult>(again, 'quiz-round:answer', { roundId: round.roundId, questionId: q3.id, choices: rightChoices(q3) });
    expect(late).toMatchObject({ correct: true, late: true, points: 0, elapsedMs: 31_000, explanation: bank.question(q3.id)!.explanation, remaining: 0 });

    // The last answer finished the round; finish sums it up (and says the same when asked again).
    const summary = await call<QuizRoundSummary>(again, 'quiz-round:finish', { roundId: round.roundId });
    expect(summary).toEqual({
      roundId: round.roundId,
      topic: 'probes',
      score: 145,
      questions: 3,
      answered: 3,
      correct: 2,
      late: 1,
      answerSeconds: 43, // 3 + 10 + the 30 s limit of the late answer
      finishedAt: new Date(T0 + 44_000).toISOString(),
      onLeaderboard: true,
      bestScore: 145,
    });
    expect(await call<QuizRoundSummary>(again, 'quiz-round:finish', { roundId: round.roundId })).toEqual(summary);
    await expect(send(again, 'quiz-round:answer', { roundId: round.roundId, questionId: q1.id, choices: [0] })).resolves.toMatchObject({
      ok: false,
      error: { code: 'QUIZ_ROUND_FINISHED' },
    });
    // A finished round frees the player to start another.
    expect((await call<QuizRoundView>(again, 'quiz-round:start', {})).roundId).not.toBe(round.roundId);
  });

  it('keeps one open round per player, and a player\'s round to that player; bad input answers like the API', async () => {
    await boot();
    const alice = await connectAs(h.app!.url, 'alice');
    const bob = await connectAs(h.app!.url, 'bob');
    h.adopt(alice.socket, bob.socket);
    const round = await call<QuizRoundView>(alice.socket, 'quiz-round:start', {});
    expect(round.questions).toHaveLength(10);
    expect(new Set(round.questions.map((q) => q.topic)).size).toBeGreaterThan(1);
    expect(await call<QuizRoundView>(alice.socket, 'quiz-round:start', { topic: 'probes' })).toMatchObject({ roundId: round.roundId, resumed: true });
    const q = round.questions[0];
    for (const [event, payload] of [
      ['quiz-round:answer', { roundId: round.roundId, questionId: q.id, choices: [0] }],
      ['quiz-round:finish', { roundId: round.roundId }],
    ] as const) {
      await expect(send(bob.socket, event, payload)).resolves.toMatchObject({
        ok: false,
        error: { code: 'QUIZ_ROUND_NOT_FOUND', message: `quiz round "${round.roundId}" not found` },
      });
    }
    const expectError = async (event: string, payload: unknown, code: string, message?: RegExp): Promise<void> => {
      const ack = await send(alice.socket, event, payload);
      expect(ack).toMatchObject({ ok: false, error: { code } });
      if (message && !ack.ok) expect(ack.error.message).toMatch(message);
    };
    await expectError('quiz-round:answer', { roundId: round.roundId, questionId: 'no-such-question', choices: [0] }, 'QUESTION_NOT_FOUND');
    await expectError('quiz-round:answer', { roundId: round.roundId, questionId: q.id, choices: [q.choices.length] }, 'BAD_REQUEST', /choice \d+ does not exist/);
    await expectError('quiz-round:answer', { roundId: round.roundId, questionId: q.id, choices: 'a' }, 'BAD_REQUEST');
    await expectError('quiz-round:start', { size: 0 }, 'BAD_REQUEST', /size must not be less than 1/);
    await expectError('quiz-round:start', { size: 21 }, 'BAD_REQUEST');
    await expectError('quiz-round:start', { topic: 'networking' }, 'BAD_REQUEST', /unknown quiz topic "networking"; topics: /);
    const anonymous = await h.open();
    await expect(send(anonymous, 'quiz-round:start', {})).resolves.toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('ranks accounts by their best round on the quiz board, pushed live; guests play but stay off it', async () => {
    await boot();
    const watcher = await h.open();
    const pushes = collect<LeaderboardChangedPush>(watcher, 'leaderboard:changed');
    const initial = await call<LeaderboardResponse>(watcher, 'leaderboard:subscribe', { board: 'quiz' });
    expect(initial).toMatchObject({ board: 'quiz', total: 0, entries: [] });
    await call(watcher, 'leaderboard:subscribe', { board: 'quiz', week: WEEK });
    const until = (n: number): Promise<LeaderboardChangedPush[]> => poll(async () => (pushes.length >= n ? pushes : undefined));

    const alice = await connectAs(h.app!.url, 'alice');
    h.adopt(alice.socket);
    // 100 + 45, then 100 + 25: 270
    expect((await playRound(alice.socket, [{ afterMs: 3_000, right: true }, { afterMs: 15_000, right: true }])).score).toBe(270);
    await until(2); // the all-time board and this week's
    expect(pushes.map((p) => [p.board, p.entries.map((e) => [e.playerName, e.score])])).toEqual([
      [{ board: 'quiz', scenarioId: null, track: null, week: null, eventId: null }, [['alice', 270]]],
      [{ board: 'quiz', scenarioId: null, track: null, week: WEEK, eventId: null }, [['alice', 270]]],
    ]);
    // A worse round does not replace the best.
    expect((await playRound(alice.socket, [{ afterMs: 1_000, right: false }]))).toMatchObject({ score: 0, bestScore: 270 });
    await until(4);

    // Bob scores the same, later: the tie goes to Alice, who finished first. Carol beats both.
    const bob = await connectAs(h.app!.url, 'bob');
    h.adopt(bob.socket);
    await playRound(bob.socket, [{ afterMs: 3_000, right: true }, { afterMs: 15_000, right: true }]);
    await until(6);
    const carol = await connectAs(h.app!.url, 'carol');
    h.adopt(carol.socket);
    await playRound(carol.socket, [{ afterMs: 0, right: true }, { afterMs: 0, right: true }, { afterMs: 0, right: true }]);
    const latest = (await until(8))[7];
    expect(latest.entries.map((e) => [e.rank, e.playerName, e.score, e.correctAnswers])).toEqual([
      [1, 'carol', 450, 3],
      [2, 'alice', 270, 2],
      [3, 'bob', 270, 2],
    ]);

    // A guest plays a perfect round: no push, not on the board.
    const guestSocket = await h.open();
    const guest = await call<SessionResponse>(guestSocket, 'player:guest', {});
    expect(await playRound(guestSocket, [{ afterMs: 0, right: true }, { afterMs: 0, right: true }, { afterMs: 0, right: true }, { afterMs: 0, right: true }])).toMatchObject({
      score: 600,
      onLeaderboard: false,
    });
    const board = await quizBoard();
    expect(board.status).toBe(200);
    expect(board.body.entries.map((e) => e.playerName)).toEqual(['carol', 'alice', 'bob']);
    expect(board.body.entries[1]).toMatchObject({ rank: 2, score: 270, solveSeconds: 18, solvedScenarios: 0, correctAnswers: 2 });
    expect(pushes).toHaveLength(8);
    // Claiming an account brings the guest's best round onto the board.
    await call<SessionResponse>(guestSocket, 'player:claim', { name: 'gwen', password: 'correct-horse-battery' });
    expect((await until(9))[8].entries[0]).toMatchObject({ playerId: guest.playerId, playerName: 'gwen', score: 600 });

    // Pagination and the weekly board over HTTP; the quiz board takes no scenario filters.
    expect((await quizBoard('&limit=2&offset=1')).body).toMatchObject({ board: 'quiz', limit: 2, offset: 1, total: 4, entries: [{ rank: 2, playerName: 'carol' }, { rank: 3, playerName: 'alice' }] });
    expect((await quizBoard(`&week=${WEEK}`)).body.total).toBe(4);
    expect((await quizBoard('&week=2026-W01')).body).toMatchObject({ total: 0, entries: [] });
    expect(await quizBoard('&scenarioId=imagepull-wrong-tag')).toMatchObject({ status: 400, body: { error: 'BAD_REQUEST', message: 'the quiz board can only be filtered by week' } });
    expect((await fetch(`${h.app!.url}/api/leaderboards?board=chess`)).status).toBe(400);
    // The scenario boards are untouched by quiz rounds.
    expect(((await (await fetch(`${h.app!.url}/api/leaderboard`)).json()) as LeaderboardResponse).total).toBe(0);
  });
});
