import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import type { AuthoringScenarioRequest, AuthoringYamlRequest } from './messages';

// Pipes stop at the first failing check per field, and class-validator runs decorators bottom-up:
// the type check sits nearest the property so a wrong type is what gets reported.

/** The size limit itself (256 KiB of UTF-8) is checked by AuthoringService with a clearer message. */
export class AuthoringYamlDto implements AuthoringYamlRequest {
  @MaxLength(1_000_000)
  @IsNotEmpty()
  @IsString()
  yaml!: string;
}

export class AuthoringScenarioDto implements AuthoringScenarioRequest {
  @Matches(/^[a-z0-9-]{3,64}$/, { message: 'scenarioId must be a scenario id (3 to 64 characters of a-z, 0-9 and -)' })
  @IsString()
  scenarioId!: string;

  @IsOptional()
  @Min(1)
  @IsInt()
  version?: number;
}

/** `POST /api/authoring/scenarios/:id/publish { version? }` */
export class PublishVersionDto {
  @IsOptional()
  @Min(1)
  @IsInt()
  version?: number;
}

/** `GET /api/authoring/scenarios/:id/versions/:version` */
export class VersionParamsDto {
  @Matches(/^[a-z0-9-]{3,64}$/, { message: 'id must be a scenario id (3 to 64 characters of a-z, 0-9 and -)' })
  id!: string;

  @Min(1)
  @IsInt()
  @Type(() => Number)
  version!: number;
}

export class AuthoringUnpublishDto {
  @Matches(/^[a-z0-9-]{3,64}$/, { message: 'scenarioId must be a scenario id (3 to 64 characters of a-z, 0-9 and -)' })
  @IsString()
  scenarioId!: string;
}
