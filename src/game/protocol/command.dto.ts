import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { AttemptRefDto } from './attempt.dto';
import type { CommandCompleteRequest, CommandEditCancelRequest, CommandEditSaveRequest, CommandInterruptRequest, CommandRunRequest } from './messages';

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

export class SaveEditDto extends AttemptRefDto implements CommandEditSaveRequest {
  @MaxLength(64)
  @IsNotEmpty()
  @IsString()
  editId!: string;

  // The edited file comes back whole; it is bounded like a command line (a heredoc manifest is as large).
  @MaxLength(MAX_COMMAND_LENGTH, { message: `text must be at most ${MAX_COMMAND_LENGTH} characters` })
  @IsString()
  text!: string;
}

export class CancelEditDto extends AttemptRefDto implements CommandEditCancelRequest {
  @MaxLength(64)
  @IsNotEmpty()
  @IsString()
  editId!: string;
}

export class CompleteCommandDto extends AttemptRefDto implements CommandCompleteRequest {
  @MaxLength(MAX_COMMAND_LENGTH, { message: `line must be at most ${MAX_COMMAND_LENGTH} characters` })
  @IsString()
  line!: string;
}
