import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsChoiceIndices, IsQuestionId } from './quiz-answer.validators';
import type { QuizRoundAnswerRequest, QuizRoundFinishRequest, QuizRoundStartRequest } from './messages';

export const DEFAULT_QUIZ_ROUND_SIZE = 10;
export const MAX_QUIZ_ROUND_SIZE = 20;

// class-validator runs decorators bottom-up: the type check sits nearest the property.
/** quiz-round:start */
export class QuizRoundStartDto implements QuizRoundStartRequest {
  @IsOptional()
  @MaxLength(64)
  @IsNotEmpty()
  @IsString()
  topic?: string;

  @IsOptional()
  @Max(MAX_QUIZ_ROUND_SIZE)
  @Min(1)
  @IsInt({ message: 'size must be a whole number' })
  size?: number;
}

/** quiz-round:finish */
export class QuizRoundRefDto implements QuizRoundFinishRequest {
  @MaxLength(64)
  @IsNotEmpty()
  @IsString()
  roundId!: string;
}

/** quiz-round:answer */
export class QuizRoundAnswerDto extends QuizRoundRefDto implements QuizRoundAnswerRequest {
  @IsQuestionId()
  questionId!: string;

  @IsChoiceIndices()
  choices!: number[];
}
