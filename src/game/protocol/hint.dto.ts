import { IsInt, Max, Min } from 'class-validator';
import { AttemptRefDto } from './attempt.dto';
import type { HintTakeRequest } from './messages';

// Pipes stop at the first failing check per field, and class-validator runs decorators bottom-up:
// the type check sits nearest the property so a wrong type is what gets reported.
export class TakeHintDto extends AttemptRefDto implements HintTakeRequest {
  @Max(99)
  @Min(0)
  @IsInt()
  index!: number;
}
