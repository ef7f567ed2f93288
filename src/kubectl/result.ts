/** What one command produced, as a terminal shows it (same shape as the scenario `CommandResult`). */
export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Set when the command keeps running (`get -w`, `logs -f`): its further output, until interrupted. */
  stream?: CommandStream;
  /** Set when the command waits for the player to edit a file (`kubectl edit`): the client shows `text` in an editor. */
  edit?: PendingEdit;
}

/** A file open in the player's editor; the command goes on when it is saved or the editor is closed. */
export interface PendingEdit {
  text: string;
  /** the temporary file kubectl would have written (`/tmp/kubectl-edit-1234567890.yaml`) */
  path: string;
  /** The editor saved `text` and quit: the command goes on (and may open the editor again, with errors on top). */
  save(text: string): CommandResult;
  /** The editor quit without saving: as if the file had been saved unchanged. */
  cancel(): CommandResult;
}

/**
 * A command still running: `poll` returns what it printed since the last poll; `close` is Ctrl-C.
 * `ended` turns true when the command finished by itself (`logs -f` after its container exited): after the
 * final poll the terminal gets its prompt back.
 */
export interface CommandStream {
  poll(): string;
  close(): void;
  /** Set for commands that end on their own (`drain` waiting on a disruption budget): true once finished. */
  ended?(): boolean;
}

export const ok = (stdout = '', stderr = ''): CommandResult => ({ stdout, stderr, exitCode: 0 });
export const fail = (stderr: string, exitCode = 1, stdout = ''): CommandResult => ({ stdout, stderr, exitCode });

/** Collects output across several steps of one command (a table, then the errors for missing names). */
export class Output {
  stdout = '';
  stderr = '';
  exitCode = 0;

  out(text: string): this {
    this.stdout += text;
    return this;
  }

  err(text: string, exitCode = 1): this {
    this.stderr += text;
    this.exitCode = exitCode;
    return this;
  }

  /** A warning: stderr without failing. */
  warn(text: string): this {
    this.stderr += text;
    return this;
  }

  result(): CommandResult {
    return { stdout: this.stdout, stderr: this.stderr, exitCode: this.exitCode };
  }
}
