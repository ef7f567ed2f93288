import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import type { AttemptRefRequest, AttemptStartRequest, BestReplaysRequest } from './messages';

// Pipes stop at the first failing check per field, and class-validator runs decorators bottom-up:
// the type check sits nearest the property so a wrong type is what gets reported.
export class StartAttemptDto implements AttemptStartRequest {
  @MaxLength(128)
  @IsNotEmpty()
  @IsString()
  scenarioId!: string;

  @IsOptional()
  @MaxLength(64)
  @IsNotEmpty()
  @IsString()
  eventId?: string;
}

export class AttemptRefDto implements AttemptRefRequest {
  @MaxLength(64)
  @IsNotEmpty()
  @IsString()
  attemptId!: string;
}

export class BestReplaysDto implements BestReplaysRequest {
  @MaxLength(128)
  @IsNotEmpty()
  @IsString()
  scenarioId!: string;
}
