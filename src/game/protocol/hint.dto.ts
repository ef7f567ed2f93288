import { IsInt, Max, Min } from 'class-validator';
import { AttemptRefDto } from './attempt.dto';
import type { HintTakeRequest } from './messages';

export class TakeHintDto extends AttemptRefDto implements HintTakeRequest {
  @IsInt()
  @Min(0)
  @Max(99)
  index!: number;
}
