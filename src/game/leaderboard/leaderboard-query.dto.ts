import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

// Pipes stop at the first failing check per field, and class-validator runs decorators bottom-up:
// the type check sits nearest the property so a wrong type is what gets reported.
export const DEFAULT_LEADERBOARD_LIMIT = 20;
export const MAX_LEADERBOARD_LIMIT = 100;

/** `GET /api/leaderboard?scenarioId=&limit=&offset=` */
export class LeaderboardQueryDto {
  @IsOptional()
  @MaxLength(128)
  @IsNotEmpty()
  @IsString()
  scenarioId?: string;

  @IsOptional()
  @Type(() => Number)
  @Max(MAX_LEADERBOARD_LIMIT)
  @Min(1)
  @IsInt({ message: 'limit must be a whole number' })
  limit: number = DEFAULT_LEADERBOARD_LIMIT;

  @IsOptional()
  @Type(() => Number)
  @Min(0)
  @IsInt({ message: 'offset must be a whole number' })
  offset: number = 0;
}
