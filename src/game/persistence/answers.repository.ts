import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';

/** Diagnoses and quiz answers, one row each, as graded by the scenario. */
@Injectable()
export class AnswersRepository {
  constructor(private readonly prisma: PrismaService) {}

  async addDiagnosis(row: { attemptId: string; object: string; reason: string; cause: string; correct: boolean; points: number; virtualMs: number }): Promise<void> {
    await this.prisma.diagnosis.create({ data: row });
  }

  async addQuizAnswer(row: { attemptId: string; questionId: string; choices: number[]; correct: boolean; points: number; virtualMs: number }): Promise<void> {
    await this.prisma.quizAnswer.create({ data: { ...row, choices: JSON.stringify(row.choices) } });
  }

  diagnoses(attemptId: string): Promise<Array<{ object: string; reason: string; cause: string; correct: boolean; points: number; virtualMs: number }>> {
    return this.prisma.diagnosis.findMany({
      where: { attemptId },
      orderBy: { id: 'asc' },
      select: { object: true, reason: true, cause: true, correct: true, points: true, virtualMs: true },
    });
  }

  quizAnswers(attemptId: string): Promise<Array<{ questionId: string; correct: boolean; points: number }>> {
    return this.prisma.quizAnswer.findMany({ where: { attemptId }, orderBy: { id: 'asc' }, select: { questionId: true, correct: true, points: true } });
  }
}
