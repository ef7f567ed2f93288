/**
 * Line editing for the terminal: printable characters, backspace, enter, up/down history and
 * Ctrl-C. It only edits at the end of the line (no cursor movement), which keeps the echo simple.
 * Pure: it reports what to echo through `write` and finished lines through `submit`.
 */
export interface LineEditorHost {
  write(text: string): void;
  submit(line: string): void;
  /** Ctrl-C: the line (and any heredoc being typed) is discarded. */
  interrupt(): void;
  /** Clears the current terminal row and prints the prompt followed by `line`. */
  redraw(line: string): void;
  /** Tab: asks for completions of the line (the host answers through `replace`). */
  complete?(line: string): void;
  /** The history changed (a line was submitted): persist it. */
  historyChanged?(history: readonly string[]): void;
}

const ESCAPE_SEQUENCE = /^\x1b(?:\[[0-9;?]*[A-Za-z~]|O[A-Za-z])/;
const HISTORY_LIMIT = 200;

export class LineEditor {
  private buffer = '';
  private history: string[];
  /** Position while browsing history; history.length means "the line being typed". */
  private historyIndex = 0;
  private draft = '';

  constructor(
    private readonly host: LineEditorHost,
    history: readonly string[] = [],
  ) {
    this.history = history.slice(-HISTORY_LIMIT);
    this.historyIndex = this.history.length;
  }

  get line(): string {
    return this.buffer;
  }

  /** Replaces the history (e.g. another player's, loaded from storage). */
  loadHistory(history: readonly string[]): void {
    this.history = history.slice(-HISTORY_LIMIT);
    this.historyIndex = this.history.length;
  }

  /** Replaces the line being typed (after a completion) and redraws it. */
  replace(line: string): void {
    this.replaceLine(line);
  }

  /** Feeds raw terminal input (one key, an escape sequence, or a whole paste). */
  feed(data: string): void {
    let rest = data;
    while (rest.length > 0) {
      const escape = ESCAPE_SEQUENCE.exec(rest);
      if (escape) {
        this.onEscape(escape[0]);
        rest = rest.slice(escape[0].length);
        continue;
      }
      const ch = rest[0];
      rest = rest.slice(1);
      // A pasted CRLF is one line break, not two.
      if (ch === '\r' && rest[0] === '\n') rest = rest.slice(1);
      this.onChar(ch);
    }
  }

  private onChar(ch: string): void {
    if (ch === '\r' || ch === '\n') {
      const line = this.buffer;
      this.buffer = '';
      this.host.write('\r\n');
      if (line.trim().length > 0 && this.history.at(-1) !== line) {
        this.history.push(line);
        if (this.history.length > HISTORY_LIMIT) this.history.shift();
        this.host.historyChanged?.(this.history);
      }
      this.historyIndex = this.history.length;
      this.host.submit(line);
    } else if (ch === '\x7f' || ch === '\b') {
      if (this.buffer.length === 0) return;
      this.buffer = this.buffer.slice(0, -1);
      this.host.write('\b \b');
    } else if (ch === '\x03') {
      this.buffer = '';
      this.historyIndex = this.history.length;
      this.host.write('^C\r\n');
      this.host.interrupt();
    } else if (ch === '\t') {
      this.host.complete?.(this.buffer);
    } else if (ch >= ' ' && ch !== '\x7f') {
      this.insert(ch);
    }
  }

  private onEscape(sequence: string): void {
    if (sequence === '\x1b[A' || sequence === '\x1bOA') this.browse(-1);
    else if (sequence === '\x1b[B' || sequence === '\x1bOB') this.browse(1);
    // Other keys (arrows left/right, function keys) are ignored.
  }

  private browse(step: number): void {
    const next = this.historyIndex + step;
    if (next < 0 || next > this.history.length) return;
    if (this.historyIndex === this.history.length) this.draft = this.buffer;
    this.historyIndex = next;
    this.replaceLine(next === this.history.length ? this.draft : this.history[next]);
  }

  private replaceLine(text: string): void {
    this.buffer = text;
    this.host.redraw(text);
  }

  private insert(text: string): void {
    this.buffer += text;
    this.host.write(text);
  }
}
