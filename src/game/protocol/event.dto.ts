import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsISO8601, IsNotEmpty, IsString, Length, MaxLength } from 'class-validator';
import type { EventCreateRequest, EventJoinRequest, EventWatchRequest } from './messages';

// Pipes stop at the first failing check per field, and class-validator runs decorators bottom-up:
// the type check sits nearest the property so a wrong type is what gets reported.
export class CreateEventDto implements EventCreateRequest {
  @Length(1, 128)
  @IsString()
  name!: string;

  @MaxLength(128, { each: true })
  @IsString({ each: true })
  @ArrayMaxSize(50)
  @ArrayNotEmpty()
  @IsArray()
  scenarioIds!: string[];

  @IsISO8601({ strict: true })
  @IsString()
  startsAt!: string;

  @IsISO8601({ strict: true })
  @IsString()
  endsAt!: string;
}

export class JoinEventDto implements EventJoinRequest {
  @MaxLength(32)
  @IsNotEmpty()
  @IsString()
  code!: string;
}

export class WatchEventDto implements EventWatchRequest {
  @MaxLength(64)
  @IsNotEmpty()
  @IsString()
  eventId!: string;
}
