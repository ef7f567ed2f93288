/**
 * Turns typed lines into complete commands: a line that opens heredocs (`<<EOF`, `<<-EOF`,
 * `<<'EOF'`) keeps collecting lines until every terminator has been seen, then the whole text
 * is sent as one command, exactly as a shell would read it. Pure: no DOM.
 */
export interface HeredocTerminator {
  word: string;
  /** `<<-` strips leading tabs before comparing with the terminator. */
  stripTabs: boolean;
}

const HEREDOC = /(?<!<)<<(?!<)(-?)\s*(?:'([^']+)'|"([^"]+)"|([A-Za-z_][A-Za-z0-9_]*))/g;

export function heredocTerminators(line: string): HeredocTerminator[] {
  const found: HeredocTerminator[] = [];
  for (const match of line.matchAll(HEREDOC)) {
    const word = match[2] ?? match[3] ?? match[4];
    if (word) found.push({ word, stripTabs: match[1] === '-' });
  }
  return found;
}

export class CommandAssembler {
  private lines: string[] = [];
  private pending: HeredocTerminator[] = [];

  /** True while a heredoc body is being read (the prompt shows "> "). */
  get continuing(): boolean {
    return this.lines.length > 0;
  }

  /** Adds one line; returns the complete command once it is complete, else null. */
  push(line: string): string | null {
    if (!this.continuing) {
      const terminators = heredocTerminators(line);
      if (terminators.length === 0) return line;
      this.lines = [line];
      this.pending = terminators;
      return null;
    }
    this.lines.push(line);
    const current = this.pending[0];
    const candidate = current.stripTabs ? line.replace(/^\t+/, '') : line;
    if (candidate === current.word) {
      this.pending.shift();
      if (this.pending.length === 0) {
        const command = this.lines.join('\n');
        this.reset();
        return command;
      }
    }
    return null;
  }

  reset(): void {
    this.lines = [];
    this.pending = [];
  }
}
