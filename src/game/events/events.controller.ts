import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { CurrentPrincipal, HttpAuthGuard, RequireRole } from '../auth/http-auth.guard';
import type { Principal } from '../auth/players.service';
import { CreateEventDto } from '../protocol/event.dto';
import type { EventView, EventWatchResponse } from '../protocol/messages';
import { EventsService } from './events.service';

/** Instructor endpoints: open an event, list its members. Its leaderboard is `GET /api/leaderboard?eventId=`. */
@Controller('api/events')
@UseGuards(HttpAuthGuard)
@RequireRole('instructor')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Post()
  @HttpCode(201)
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateEventDto): Promise<EventView> {
    return this.events.create(principal, body);
  }

  @Get()
  list(@CurrentPrincipal() principal: Principal): Promise<EventView[]> {
    return this.events.list(principal);
  }

  @Get(':eventId')
  get(@CurrentPrincipal() principal: Principal, @Param('eventId') eventId: string): Promise<EventWatchResponse> {
    return this.events.watch(principal, eventId);
  }
}
