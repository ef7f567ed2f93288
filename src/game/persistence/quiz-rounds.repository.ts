import { Injectable } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client';
import { PrismaService } from './prisma.service';
import { isUniqueViolation } from './unique-violation';

export interface QuizRoundAnswerRecord {
  questionId: string;
  /** Indices in the bank's own choice order. */
  choices: number[];
  correct: boolean;
  points: number;
  elapsedMs: number;
  answeredAt: Date;
}

export interface QuizRoundRecord {
  id: string;
  playerId: string;
  topic: string | null;
  seed: number;
  questionIds: string[];
  state: 'open' | 'finished';
  score: number;
  answerMs: number;
  startedAt: Date;
  clockFrom: Date;
  finishedAt: Date | null;
  answers: QuizRoundAnswerRecord[];
}

const include = { answers: { orderBy: { id: 'asc' as const } } };

type Row = Prisma.QuizRoundGetPayload<{ include: typeof include }>;

/** Standalone quiz rounds and their answers. At most one open round per player (a unique column says so). */
@Injectable()
export class QuizRoundsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Null when the player already has an open round. */
  async create(round: { id: string; playerId: string; topic: string | null; seed: number; questionIds: string[]; startedAt: Date }): Promise<QuizRoundRecord | null> {
    try {
      const row = await this.prisma.quizRound.create({
        data: {
          id: round.id,
          playerId: round.playerId,
          topic: round.topic,
          seed: round.seed,
          questionIds: JSON.stringify(round.questionIds),
          openFor: round.playerId,
          state: 'open',
          startedAt: round.startedAt,
          clockFrom: round.startedAt,
        },
        include,
      });
      return toRecord(row);
    } catch (err) {
      if (isUniqueViolation(err)) return null;
      throw err;
    }
  }

  async findById(id: string): Promise<QuizRoundRecord | null> {
    const row = await this.prisma.quizRound.findUnique({ where: { id }, include });
    return row ? toRecord(row) : null;
  }

  async findOpen(playerId: string): Promise<QuizRoundRecord | null> {
    const row = await this.prisma.quizRound.findUnique({ where: { openFor: playerId }, include });
    return row ? toRecord(row) : null;
  }

  /** Stores an answer and moves the round's score and clock on, together; false if the question was already answered. */
  async addAnswer(roundId: string, answer: QuizRoundAnswerRecord, answerMs: number): Promise<boolean> {
    try {
      await this.prisma.$transaction([
        this.prisma.quizRoundAnswer.create({
          data: { roundId, ...answer, choices: JSON.stringify(answer.choices) },
        }),
        this.prisma.quizRound.update({
          where: { id: roundId },
          data: { score: { increment: answer.points }, answerMs: { increment: answerMs }, clockFrom: answer.answeredAt },
        }),
      ]);
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }

  /** Closes an open round; false if it was not open any more. */
  async finish(id: string, finishedAt: Date, week: string): Promise<boolean> {
    const { count } = await this.prisma.quizRound.updateMany({ where: { id, state: 'open' }, data: { state: 'finished', openFor: null, finishedAt, week } });
    return count > 0;
  }

  /** The player's best finished round score, or null. */
  async bestScore(playerId: string): Promise<number | null> {
    const best = await this.prisma.quizRound.aggregate({ where: { playerId, state: 'finished' }, _max: { score: true } });
    return best._max.score;
  }
}

function toRecord(row: Row): QuizRoundRecord {
  return {
    id: row.id,
    playerId: row.playerId,
    topic: row.topic,
    seed: row.seed,
    questionIds: JSON.parse(row.questionIds) as string[],
    state: row.state === 'finished' ? 'finished' : 'open',
    score: row.score,
    answerMs: row.answerMs,
    startedAt: row.startedAt,
    clockFrom: row.clockFrom,
    finishedAt: row.finishedAt,
    answers: row.answers.map((a) => ({
      questionId: a.questionId,
      choices: JSON.parse(a.choices) as number[],
      correct: a.correct,
      points: a.points,
      elapsedMs: a.elapsedMs,
      answeredAt: a.answeredAt,
    })),
  };
}
