import { IsString, MaxLength, MinLength } from 'class-validator';
import type { PasswordChangeRequest } from './messages';

// class-validator runs decorators bottom-up: the type check sits nearest the property.
/** `POST /api/auth/password` */
export class ChangePasswordDto implements PasswordChangeRequest {
  @MaxLength(256)
  @IsString()
  current!: string;

  @MaxLength(256)
  @MinLength(8, { message: 'the new password must be at least 8 characters' })
  @IsString()
  next!: string;
}
