import { Injectable, type Provider } from '@nestjs/common';
import { loadQuizBank } from './quiz-bank';

/** Injection token for the standalone quiz's question bank (read and validated once at start-up). */
export const QUIZ_BANK = Symbol('QUIZ_BANK');

export const quizBankProvider: Provider = { provide: QUIZ_BANK, useFactory: () => loadQuizBank() };

/** The server clock that times quiz answers; tests replace `now` to answer "fast" or "late" without waiting. */
@Injectable()
export class QuizClock {
  now(): number {
    return Date.now();
  }
}
