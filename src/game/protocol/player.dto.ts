import { IsString, Length, Matches, MaxLength, MinLength } from 'class-validator';
import type { CredentialsRequest } from './messages';

const NAME_PATTERN = /^[A-Za-z0-9_-]+$/;
const NAME_MESSAGE = 'name may only contain letters, digits, "_" and "-"';

// Pipes stop at the first failing check per field, and class-validator runs decorators bottom-up:
// the type check sits nearest the property so a wrong type is what gets reported.
/** player:register, player:login, player:claim. */
export class CredentialsDto implements CredentialsRequest {
  @Matches(NAME_PATTERN, { message: NAME_MESSAGE })
  @Length(3, 32)
  @IsString()
  name!: string;

  @MaxLength(256)
  @MinLength(8, { message: 'password must be at least 8 characters' })
  @IsString()
  password!: string;
}

export { CredentialsDto as RegisterPlayerDto, CredentialsDto as LoginPlayerDto };

/** An empty message body (player:guest, scenario:list). */
export class EmptyDto {}
