import { Controller, Get, Query } from '@nestjs/common';
import type { LeaderboardResponse } from '../protocol/messages';
import { boardOf } from './leaderboard-board';
import { LeaderboardQueryDto } from './leaderboard-query.dto';
import { LeaderboardService } from './leaderboard.service';

/** `GET /api/leaderboard` (and `/api/leaderboards`): `?board=quiz` for the quiz board. */
@Controller(['api/leaderboard', 'api/leaderboards'])
export class LeaderboardController {
  constructor(private readonly leaderboard: LeaderboardService) {}

  @Get()
  get(@Query() query: LeaderboardQueryDto): Promise<LeaderboardResponse> {
    return this.leaderboard.page(boardOf(query), query.limit, query.offset);
  }
}
