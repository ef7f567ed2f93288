/** What one command produced, as a terminal shows it (same shape as the scenario `CommandResult`). */
export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Set when the command keeps running (`get -w`, `logs -f`): its further output, until interrupted. */
  stream?: CommandStream;
}

/** A command still running: `poll` returns what it printed since the last poll; `close` is Ctrl-C. */
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
