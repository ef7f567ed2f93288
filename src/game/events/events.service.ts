import { Injectable } from '@nestjs/common';
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { AttemptRegistry } from '../attempts/attempt.registry';
import type { Principal } from '../auth/players.service';
import { hasRole } from '../auth/roles';
import { GameError, GameErrorCode } from '../errors/game-error';
import { type EventRecord, EventsRepository } from '../persistence/events.repository';
import type { EventCreateRequest, EventView, EventWatchResponse } from '../protocol/messages';
import { ScenariosService } from '../scenarios/scenarios.service';

/** Join codes avoid look-alike characters (0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 6;

/** Live events and races: an instructor opens one, learners join with its code and play the same seed. */
@Injectable()
export class EventsService {
  constructor(
    private readonly events: EventsRepository,
    private readonly scenarios: ScenariosService,
    private readonly registry: AttemptRegistry,
  ) {}

  async create(instructor: Principal, request: EventCreateRequest): Promise<EventView> {
    requireInstructor(instructor);
    for (const id of request.scenarioIds) this.scenarios.requireExists(id);
    const startsAt = new Date(request.startsAt);
    const endsAt = new Date(request.endsAt);
    if (!(endsAt.getTime() > startsAt.getTime())) throw new GameError(GameErrorCode.BadRequest, 'endsAt must be after startsAt');
    for (;;) {
      const created = await this.events.create({
        id: randomUUID(),
        name: request.name,
        code: newJoinCode(),
        scenarioIds: [...new Set(request.scenarioIds)],
        seed: randomInt(0, 2 ** 31 - 1),
        startsAt,
        endsAt,
        createdById: instructor.playerId,
      });
      if (created) return viewOf(created);
    }
  }

  /** An instructor's own events; an admin's are all of them. */
  async list(instructor: Principal): Promise<EventView[]> {
    requireInstructor(instructor);
    return (await this.events.list(instructor.role === 'admin' ? null : instructor.playerId)).map(viewOf);
  }

  async join(player: Principal, code: string): Promise<EventView> {
    const event = await this.events.findByCode(code.trim().toUpperCase());
    if (!event) throw GameError.eventNotFound(code);
    if (Date.now() >= event.endsAt.getTime()) throw new GameError(GameErrorCode.EventNotOpen, `event "${event.name}" has ended`);
    await this.events.addMember(event.id, player.playerId);
    return viewOf(event);
  }

  /** The event's creator or an admin: its members (the watching socket then gets their progress and commands). */
  async watch(instructor: Principal, eventId: string): Promise<EventWatchResponse> {
    const event = await this.requireManaged(instructor, eventId);
    const live = this.registry
      .all()
      .filter((a) => a.eventId === event.id && !a.closing)
      .map((a) => ({ attemptId: a.id, playerId: a.playerId, playerName: a.playerName, scenarioId: a.scenarioId, progress: a.session.progress() }));
    return { event: viewOf(event), members: await this.events.members(event.id), live };
  }

  async requireManaged(principal: Principal, eventId: string): Promise<EventRecord> {
    requireInstructor(principal);
    const event = await this.events.findById(eventId);
    if (!event || (event.createdById !== principal.playerId && principal.role !== 'admin')) throw GameError.eventNotFound(eventId);
    return event;
  }

  /** For attempt:start inside an event: a member, a scenario of the event, while it is open. Returns the shared seed. */
  async seedFor(playerId: string, eventId: string, scenarioId: string): Promise<number> {
    const event = await this.events.findById(eventId);
    if (!event || !(await this.events.isMember(eventId, playerId))) throw GameError.eventNotFound(eventId);
    if (!event.scenarioIds.includes(scenarioId)) {
      throw new GameError(GameErrorCode.BadRequest, `scenario "${scenarioId}" is not part of event "${event.name}"`);
    }
    const now = Date.now();
    if (now < event.startsAt.getTime()) throw new GameError(GameErrorCode.EventNotOpen, `event "${event.name}" starts at ${event.startsAt.toISOString()}`);
    if (now >= event.endsAt.getTime()) throw new GameError(GameErrorCode.EventNotOpen, `event "${event.name}" has ended`);
    return event.seed;
  }

  /** Whether `principal` may see what happens in `eventId` (its creator, or an admin). */
  async manages(principal: Principal, eventId: string): Promise<boolean> {
    if (!hasRole(principal.role, 'instructor')) return false;
    const event = await this.events.findById(eventId);
    return event !== null && (event.createdById === principal.playerId || principal.role === 'admin');
  }
}

export function requireInstructor(principal: Principal): void {
  if (!hasRole(principal.role, 'instructor')) throw GameError.forbidden('this needs the instructor role');
}

function newJoinCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  return Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

function viewOf(event: EventRecord): EventView {
  return {
    eventId: event.id,
    name: event.name,
    code: event.code,
    scenarioIds: event.scenarioIds,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
  };
}
