import { IsString, Length, Matches, MaxLength, MinLength } from 'class-validator';
import type { LoginRequest, RegisterRequest } from './messages';

const NAME_PATTERN = /^[A-Za-z0-9_-]+$/;
const NAME_MESSAGE = 'name may only contain letters, digits, "_" and "-"';

// Pipes stop at the first failing check per field, and class-validator runs decorators bottom-up:
// the type check sits nearest the property so a wrong type is what gets reported.
export class RegisterPlayerDto implements RegisterRequest {
  @Matches(NAME_PATTERN, { message: NAME_MESSAGE })
  @Length(3, 32)
  @IsString()
  name!: string;
}

export class LoginPlayerDto implements LoginRequest {
  @Matches(NAME_PATTERN, { message: NAME_MESSAGE })
  @Length(3, 32)
  @IsString()
  name!: string;

  @MaxLength(256)
  @MinLength(1)
  @IsString()
  token!: string;
}
