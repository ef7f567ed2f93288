import { IsString, Length, Matches, MaxLength, MinLength } from 'class-validator';
import type { LoginRequest, RegisterRequest } from './messages';

const NAME_PATTERN = /^[A-Za-z0-9_-]+$/;
const NAME_MESSAGE = 'name may only contain letters, digits, "_" and "-"';

export class RegisterPlayerDto implements RegisterRequest {
  @IsString()
  @Length(3, 32)
  @Matches(NAME_PATTERN, { message: NAME_MESSAGE })
  name!: string;
}

export class LoginPlayerDto implements LoginRequest {
  @IsString()
  @Length(3, 32)
  @Matches(NAME_PATTERN, { message: NAME_MESSAGE })
  name!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(256)
  token!: string;
}
