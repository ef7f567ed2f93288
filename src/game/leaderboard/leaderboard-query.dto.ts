import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { LeaderboardKind, LeaderboardSubscribeRequest } from '../protocol/messages';

// Pipes stop at the first failing check per field, and class-validator runs decorators bottom-up:
// the type check sits nearest the property so a wrong type is what gets reported.
export const DEFAULT_LEADERBOARD_LIMIT = 20;
export const MAX_LEADERBOARD_LIMIT = 100;

/** Which board: the filters combine; none is the global board. Also the body of leaderboard:subscribe. */
export class LeaderboardBoardDto implements LeaderboardSubscribeRequest {
  @IsOptional()
  @IsIn(['scenarios', 'quiz'], { message: 'board must be "scenarios" or "quiz"' })
  board?: LeaderboardKind;

  @IsOptional()
  @MaxLength(128)
  @IsNotEmpty()
  @IsString()
  scenarioId?: string;

  @IsOptional()
  @MaxLength(64)
  @IsNotEmpty()
  @IsString()
  track?: string;

  @IsOptional()
  @Matches(/^\d{4}-W\d{2}$/, { message: 'week must be an ISO week such as 2026-W48' })
  @IsString()
  week?: string;

  @IsOptional()
  @MaxLength(64)
  @IsNotEmpty()
  @IsString()
  eventId?: string;
}

/** `GET /api/leaderboard?board=&scenarioId=&track=&week=&eventId=&limit=&offset=` (also `/api/leaderboards`) */
export class LeaderboardQueryDto extends LeaderboardBoardDto {
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
