import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { CommandAssembler } from './command-assembler';
import { LineEditor } from './line-editor';

export interface CommandOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** The command keeps running (`kubectl get -w`): more output arrives as pushes until Ctrl-C. */
  streamId?: string;
}

const PROMPT = '\x1b[1;32m$\x1b[0m ';
const CONTINUATION = '\x1b[2m>\x1b[0m ';
const RED = '\x1b[31m';
const RESET = '\x1b[0m';

/** The xterm.js terminal: line editing, heredoc assembly, one command at a time. */
export class GameTerminal {
  private readonly term: Terminal;
  private readonly fit = new FitAddon();
  private readonly assembler = new CommandAssembler();
  private readonly editor: LineEditor;
  private busy = false;
  /** Keys typed (or pasted) while a command runs; replayed afterwards. */
  private queued = '';
  private runner: ((command: string) => Promise<CommandOutput>) | null = null;
  private interrupter: ((streamId: string) => void) | null = null;
  /** The running command (`get -w`) the terminal is showing; Ctrl-C ends it. */
  private streaming: string | null = null;

  constructor(container: HTMLElement) {
    this.term = new Terminal({
      convertEol: true,
      cursorBlink: true,
      fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
      fontSize: 14,
      scrollback: 5000,
      theme: { background: '#0b0f14', foreground: '#d7dde5', cursor: '#7ee787', selectionBackground: '#264f78' },
    });
    this.term.loadAddon(this.fit);
    this.term.open(container);
    this.fit.fit();
    window.addEventListener('resize', () => this.fit.fit());
    this.editor = new LineEditor({
      write: (text) => this.term.write(text),
      submit: (line) => this.onLine(line),
      interrupt: () => {
        this.assembler.reset();
        this.term.write(PROMPT);
      },
      redraw: (line) => this.term.write(`\x1b[2K\r${this.prompt()}${line}`),
    });
    this.term.onData((data) => {
      if (!this.runner) return; // no attempt: nothing to type into
      if (this.streaming) {
        if (data.includes('\x03')) this.stopStream();
        return; // a running command owns the terminal; other keys are not echoed
      }
      if (this.busy) this.queued += data;
      else this.editor.feed(data);
    });
    this.term.writeln('\x1b[1mCrashLoop\x1b[0m — register, pick a scenario, then fix the cluster with kubectl.');
  }

  /** Binds the terminal to an attempt; `run` sends one complete command to the server. */
  attach(title: string, run: (command: string) => Promise<CommandOutput>, interrupt: (streamId: string) => void = () => undefined): void {
    this.runner = run;
    this.interrupter = interrupt;
    this.streaming = null;
    this.assembler.reset();
    this.queued = '';
    this.term.writeln(`\r\n\x1b[1;36m── ${title} ──\x1b[0m`);
    this.term.write(PROMPT);
    this.term.focus();
  }

  /** Output pushed by a running command. */
  streamOutput(streamId: string, stdout: string): void {
    if (this.streaming === streamId) this.term.write(stdout);
  }

  detach(message: string): void {
    this.runner = null;
    this.streaming = null;
    this.term.writeln(`\r\n${message}`);
  }

  notice(message: string): void {
    this.term.write(`\x1b[2K\r\x1b[1;33m${message}\x1b[0m\r\n`);
    if (this.runner && !this.busy) this.term.write(`${this.prompt()}${this.editor.line}`);
  }

  private prompt(): string {
    return this.assembler.continuing ? CONTINUATION : PROMPT;
  }

  private onLine(line: string): void {
    const command = this.assembler.push(line);
    if (command === null) {
      this.term.write(CONTINUATION);
      return;
    }
    if (command.trim().length === 0 || !this.runner) {
      this.term.write(PROMPT);
      return;
    }
    void this.execute(this.runner, command);
  }

  private async execute(run: (command: string) => Promise<CommandOutput>, command: string): Promise<void> {
    this.busy = true;
    try {
      const result = await run(command);
      const output = result.stdout + (result.stderr ? `${RED}${result.stderr}${RESET}` : '');
      const text = result.stdout + result.stderr;
      this.term.write(output);
      if (text.length > 0 && !text.endsWith('\n')) this.term.write('\r\n');
      if (result.streamId) this.streaming = result.streamId;
    } catch (err) {
      this.term.write(`${RED}${err instanceof Error ? err.message : String(err)}${RESET}\r\n`);
    } finally {
      this.busy = false;
    }
    if (!this.runner || this.streaming) return;
    this.term.write(PROMPT);
    const pending = this.queued;
    this.queued = '';
    if (pending) this.editor.feed(pending);
  }

  private stopStream(): void {
    const id = this.streaming;
    this.streaming = null;
    if (id) this.interrupter?.(id);
    this.term.write(`^C\r\n${PROMPT}`);
    const pending = this.queued;
    this.queued = '';
    if (pending) this.editor.feed(pending);
  }
}
