import { Controller, Get } from '@nestjs/common';
import type { QuizTopicsResponse } from '../protocol/messages';
import { QuizRoundsService } from './quiz-rounds.service';

/** `GET /api/quiz/topics`: the same answer as quiz:topics, for pages that are not connected yet. */
@Controller('api/quiz')
export class QuizController {
  constructor(private readonly quiz: QuizRoundsService) {}

  @Get('topics')
  topics(): QuizTopicsResponse {
    return this.quiz.topics();
  }
}
