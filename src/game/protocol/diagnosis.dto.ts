import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { AttemptRefDto } from './attempt.dto';
import { IsChoiceIndices, IsQuestionId } from './quiz-answer.validators';
import type { DiagnosisSubmitRequest, QuizAnswerRequest } from './messages';

// Pipes stop at the first failing check per field, and class-validator runs decorators bottom-up:
// the type check sits nearest the property so a wrong type is what gets reported.
export class SubmitDiagnosisDto extends AttemptRefDto implements DiagnosisSubmitRequest {
  @MaxLength(256)
  @IsNotEmpty()
  @IsString()
  object!: string;

  @MaxLength(128)
  @IsNotEmpty()
  @IsString()
  reason!: string;

  @MaxLength(128)
  @IsNotEmpty()
  @IsString()
  cause!: string;
}

export class AnswerQuizDto extends AttemptRefDto implements QuizAnswerRequest {
  @IsQuestionId()
  questionId!: string;

  @IsChoiceIndices()
  choices!: number[];
}
