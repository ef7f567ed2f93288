import { Inject, Injectable } from '@nestjs/common';
import { randomInt, randomUUID } from 'node:crypto';
import { KeyedMutex } from '../attempts/keyed-mutex';
import type { Principal } from '../auth/players.service';
import { GameError, GameErrorCode } from '../errors/game-error';
import { isoWeek } from '../leaderboard/leaderboard-board';
import { LeaderboardService } from '../leaderboard/leaderboard.service';
import { type QuizRoundRecord, QuizRoundsRepository } from '../persistence/quiz-rounds.repository';
import type { QuizRoundAnswerResult, QuizRoundSummary, QuizRoundView, QuizTopicsResponse } from '../protocol/messages';
import { DEFAULT_QUIZ_ROUND_SIZE } from '../protocol/quiz-round.dto';
import type { BankQuestion, QuizBank } from './quiz-bank';
import { QUIZ_BANK, QuizClock } from './quiz-bank.provider';
import { choiceOrder, pickQuestions, scoreAnswer } from './quiz-round';

/** An open round nobody answered for this long is finished as it stands when its player starts another. */
export const QUIZ_ROUND_IDLE_MS = 10 * 60_000;

/**
 * Standalone quiz rounds on the seed concepts: start (or continue the open one), answer against the
 * server clock, finish. Rounds live in SQLite, so they survive a restart; finished rounds of accounts
 * feed the quiz leaderboard.
 */
@Injectable()
export class QuizRoundsService {
  /** One request per player at a time: no two open rounds, no answer racing the finish. */
  private readonly mutex = new KeyedMutex();

  constructor(
    @Inject(QUIZ_BANK) private readonly bank: QuizBank,
    private readonly rounds: QuizRoundsRepository,
    private readonly leaderboard: LeaderboardService,
    private readonly clock: QuizClock,
  ) {}

  topics(): QuizTopicsResponse {
    return { topics: this.bank.topics.map((t) => ({ id: t.id, title: t.title, count: t.questionIds.length })) };
  }

  /** A new round, or the player's open one (`resumed`) — one open round per player; finish it to start another. */
  async start(player: Principal, topic: string | undefined, size = DEFAULT_QUIZ_ROUND_SIZE): Promise<QuizRoundView> {
    if (topic !== undefined && !this.bank.topic(topic)) {
      throw new GameError(GameErrorCode.BadRequest, `unknown quiz topic "${topic}"; topics: ${this.bank.topics.map((t) => t.id).join(', ')}`);
    }
    return this.mutex.run(player.playerId, async () => {
      const open = await this.rounds.findOpen(player.playerId);
      if (open) {
        if (this.clock.now() - open.clockFrom.getTime() < QUIZ_ROUND_IDLE_MS) return this.view(open, true);
        await this.close(open, player);
      }
      const seed = randomInt(0, 2 ** 31 - 1);
      const created = await this.rounds.create({
        id: randomUUID(),
        playerId: player.playerId,
        topic: topic ?? null,
        seed,
        questionIds: pickQuestions(this.bank, topic ?? null, size, seed),
        startedAt: new Date(this.clock.now()),
      });
      // Only another server process on the same database could get here: the mutex serialises this one.
      if (!created) throw new GameError(GameErrorCode.BadRequest, 'a quiz round is already open; finish it first');
      return this.view(created, false);
    });
  }

  /** Grades one answer, timed from the clock start (the round's start, then the previous answer). */
  async answer(player: Principal, roundId: string, questionId: string, shown: number[]): Promise<QuizRoundAnswerResult> {
    return this.mutex.run(player.playerId, async () => {
      const round = await this.requireRound(player, roundId);
      if (round.state === 'finished') throw new GameError(GameErrorCode.QuizRoundFinished, `quiz round "${roundId}" is finished; start a new one`);
      const question = round.questionIds.includes(questionId) ? this.bank.question(questionId) : undefined;
      if (!question) throw new GameError(GameErrorCode.QuestionNotFound, `question "${questionId}" is not in quiz round "${roundId}"`);
      if (round.answers.some((a) => a.questionId === questionId)) throw answered(questionId);
      const order = choiceOrder(round.seed, question);
      const outOfRange = shown.find((c) => c >= order.length);
      if (outOfRange !== undefined) {
        throw new GameError(GameErrorCode.BadRequest, `choice ${outOfRange} does not exist; question "${questionId}" has choices 0 to ${order.length - 1}`);
      }
      const now = this.clock.now();
      const elapsedMs = Math.max(0, now - round.clockFrom.getTime());
      const bankChoices = [...new Set(shown)].map((c) => order[c]);
      const score = scoreAnswer(question, bankChoices, elapsedMs);
      const stored = await this.rounds.addAnswer(
        round.id,
        { questionId, choices: bankChoices, correct: score.correct, points: score.points, elapsedMs, answeredAt: new Date(now) },
        Math.min(elapsedMs, question.timeLimitMs),
      );
      if (!stored) throw answered(questionId);
      const remaining = round.questionIds.length - round.answers.length - 1;
      // The last answer finishes the round; quiz-round:finish then returns its summary.
      if (remaining === 0) await this.close(round, player, now);
      return {
        questionId,
        ...score,
        elapsedMs,
        explanation: question.explanation,
        correctChoices: toShown(order, question.answers),
        choices: toShown(order, bankChoices),
        roundScore: round.score + score.points,
        remaining,
      };
    });
  }

  /** Finishes the round (if still open) and sums it up; asking again returns the same summary. */
  async finish(player: Principal, roundId: string): Promise<QuizRoundSummary> {
    return this.mutex.run(player.playerId, async () => {
      let round = await this.requireRound(player, roundId);
      if (round.state === 'open') {
        await this.close(round, player);
        round = (await this.rounds.findById(roundId))!;
      }
      const bestScore = (await this.rounds.bestScore(player.playerId)) ?? round.score;
      return {
        roundId,
        topic: round.topic,
        score: round.score,
        questions: round.questionIds.length,
        answered: round.answers.length,
        correct: round.answers.filter((a) => a.correct).length,
        late: round.answers.filter((a) => a.elapsedMs > (this.bank.question(a.questionId)?.timeLimitMs ?? Infinity)).length,
        answerSeconds: Math.floor(round.answerMs / 1000),
        finishedAt: (round.finishedAt ?? new Date(this.clock.now())).toISOString(),
        onLeaderboard: !player.guest,
        bestScore,
      };
    });
  }

  private async requireRound(player: Principal, roundId: string): Promise<QuizRoundRecord> {
    const round = await this.rounds.findById(roundId);
    // Another player's round is "not found", so round ids are not confirmed to strangers.
    if (!round || round.playerId !== player.playerId) throw new GameError(GameErrorCode.QuizRoundNotFound, `quiz round "${roundId}" not found`);
    return round;
  }

  private async close(round: QuizRoundRecord, player: Principal, now = this.clock.now()): Promise<void> {
    const finishedAt = new Date(now);
    const week = isoWeek(finishedAt);
    if ((await this.rounds.finish(round.id, finishedAt, week)) && !player.guest) await this.leaderboard.quizRoundFinished(week);
  }

  private view(round: QuizRoundRecord, resumed: boolean): QuizRoundView {
    const results = new Map<string, QuizRoundAnswerResult>();
    let roundScore = 0;
    round.answers.forEach((a, i) => {
      const question = this.bank.question(a.questionId);
      if (!question) return;
      const order = choiceOrder(round.seed, question);
      roundScore += a.points;
      results.set(a.questionId, {
        questionId: a.questionId,
        correct: a.correct,
        late: a.elapsedMs > question.timeLimitMs,
        points: a.points,
        speedBonus: a.points > 0 ? a.points - question.points : 0,
        elapsedMs: a.elapsedMs,
        explanation: question.explanation,
        correctChoices: toShown(order, question.answers),
        choices: toShown(order, a.choices),
        roundScore,
        remaining: round.questionIds.length - i - 1,
      });
    });
    return {
      roundId: round.id,
      topic: round.topic,
      state: round.state,
      questions: round.questionIds.flatMap((id) => {
        const question = this.bank.question(id);
        return question ? [this.questionView(round.seed, question, results.get(id))] : [];
      }),
      score: round.score,
      startedAt: round.startedAt.toISOString(),
      clockStartedAt: round.clockFrom.toISOString(),
      resumed,
    };
  }

  private questionView(seed: number, q: BankQuestion, answeredResult: QuizRoundAnswerResult | undefined): QuizRoundView['questions'][number] {
    const order = choiceOrder(seed, q);
    return {
      id: q.id,
      topic: q.topic,
      question: q.question,
      choices: order.map((i) => q.choices[i]),
      multiple: q.answers.length > 1,
      points: q.points,
      timeLimitSeconds: q.timeLimitMs / 1000,
      ...(answeredResult ? { answered: answeredResult } : {}),
    };
  }
}

/** Bank choice indices → the indices this round shows them at, sorted. */
function toShown(order: number[], bankChoices: number[]): number[] {
  return bankChoices.map((c) => order.indexOf(c)).sort((a, b) => a - b);
}

function answered(questionId: string): GameError {
  return new GameError(GameErrorCode.QuestionAnswered, `question "${questionId}" was already answered in this round`);
}
