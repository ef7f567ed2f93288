import { IsString, MaxLength } from 'class-validator';
import { AttemptRefDto } from './attempt.dto';
import type { CommandInterruptRequest, CommandRunRequest } from './messages';

/** 64 KiB of text is far more than any hand-typed command or heredoc manifest. */
export const MAX_COMMAND_LENGTH = 64 * 1024;

// Pipes stop at the first failing check per field, and class-validator runs decorators bottom-up:
// the type check sits nearest the property so a wrong type is what gets reported.
export class RunCommandDto extends AttemptRefDto implements CommandRunRequest {
  @MaxLength(MAX_COMMAND_LENGTH, { message: `command must be at most ${MAX_COMMAND_LENGTH} characters` })
  @IsString()
  command!: string;
}

export class InterruptCommandDto extends AttemptRefDto implements CommandInterruptRequest {
  @MaxLength(64)
  @IsString()
  streamId!: string;
}
