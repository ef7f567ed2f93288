import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { CurrentPrincipal, HttpAuthGuard } from '../auth/http-auth.guard';
import type { Principal } from '../auth/players.service';
import type { ReplayView } from '../protocol/messages';
import { ReplaysService } from './replays.service';

/** `GET /api/attempts/:attemptId/replay` with a bearer token: the same rules as attempt:replay. */
@Controller('api/attempts')
@UseGuards(HttpAuthGuard)
export class ReplaysController {
  constructor(private readonly replays: ReplaysService) {}

  @Get(':attemptId/replay')
  replay(@CurrentPrincipal() principal: Principal, @Param('attemptId') attemptId: string): Promise<ReplayView> {
    return this.replays.replay(principal, attemptId);
  }
}
