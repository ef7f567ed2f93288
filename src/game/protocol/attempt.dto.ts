import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { AttemptRefRequest, AttemptStartRequest } from './messages';

export class StartAttemptDto implements AttemptStartRequest {
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  scenarioId!: string;
}

export class AttemptRefDto implements AttemptRefRequest {
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  attemptId!: string;
}
