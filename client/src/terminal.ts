import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import type { CommandResult, Completion, EditPayload } from '../../src/game/protocol/messages';
import { colorizeStderr, colorizeStdout } from './colorize';
import { CommandAssembler } from './command-assembler';
import { applyCompletion, formatColumns } from './completion';
import { LineEditor } from './line-editor';
import { namespaceSwitch } from './namespace-tracker';

/** What the terminal needs from the attempt it is bound to. */
export interface TerminalSession {
  title: string;
  run(command: string): Promise<CommandResult>;
  interrupt(streamId: string): void;
  /** Tab completion; rejects when the server has none (then Tab does nothing). */
  complete(line: string): Promise<Completion>;
  /** `kubectl edit`: resolves with the result of saving (or cancelling) the edited text. */
  edit(request: EditPayload): Promise<CommandResult>;
  /** localStorage key of this player's history. */
  historyKey: string;
  namespaceKey: string;
}

const CONTINUATION = '\x1b[2m>\x1b[0m ';
const HISTORY_LIMIT = 200;

function loadList(key: string): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string').slice(-HISTORY_LIMIT) : [];
  } catch {
    return [];
  }
}

/** The xterm.js terminal: line editing, heredocs, history, Tab completion, Ctrl-C, one command at a time. */
export class GameTerminal {
  private readonly term: Terminal;
  private readonly fit = new FitAddon();
  private readonly assembler = new CommandAssembler();
  private readonly editor: LineEditor;
  private busy = false;
  /** Keys typed (or pasted) while a command runs; replayed afterwards. */
  private queued = '';
  private session: TerminalSession | null = null;
  /** The running command (`get -w`) the terminal is showing; Ctrl-C ends it. */
  private streaming: string | null = null;
  private namespace = 'default';

  constructor(private readonly container: HTMLElement) {
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
    this.refit();
    new ResizeObserver(() => this.refit()).observe(container);
    this.editor = new LineEditor({
      write: (text) => this.term.write(text),
      submit: (line) => this.onLine(line),
      interrupt: () => {
        this.assembler.reset();
        this.term.write(this.prompt());
      },
      redraw: (line) => this.term.write(`\x1b[2K\r${this.prompt()}${line}`),
      complete: (line) => void this.complete(line),
      historyChanged: (history) => {
        if (this.session) localStorage.setItem(this.session.historyKey, JSON.stringify(history));
      },
    });
    // Copy with Ctrl-Shift-C (Ctrl-C stays the interrupt); paste arrives through onData.
    this.term.attachCustomKeyEventHandler((e) => {
      if (e.type === 'keydown' && e.ctrlKey && e.shiftKey && e.code === 'KeyC') {
        void navigator.clipboard?.writeText(this.term.getSelection()).catch(() => undefined);
        return false;
      }
      return true;
    });
    this.term.onData((data) => {
      if (!this.session) return; // no attempt: nothing to type into
      if (this.streaming) {
        if (data.includes('\x03')) this.stopStream();
        return; // a running command owns the terminal; other keys are not echoed
      }
      if (this.busy) this.queued += data;
      else this.editor.feed(data);
    });
    this.term.writeln('\x1b[1mCrashLoop\x1b[0m — pick a scenario in the catalogue, then fix the cluster with kubectl.');
  }

  refit(): void {
    if (this.container.offsetParent !== null) this.fit.fit();
  }

  focus(): void {
    this.term.focus();
  }

  get cols(): number {
    return this.term.cols;
  }

  /** Binds the terminal to an attempt. */
  attach(session: TerminalSession): void {
    this.session = session;
    this.streaming = null;
    this.busy = false;
    this.assembler.reset();
    this.queued = '';
    this.namespace = localStorage.getItem(session.namespaceKey) ?? 'default';
    this.editor.loadHistory(loadList(session.historyKey));
    this.term.writeln(`\r\n\x1b[1;36m── ${session.title} ──\x1b[0m`);
    this.term.write(this.prompt());
    this.refit();
    this.term.focus();
  }

  /** Output pushed by a running command; `ended`: it finished by itself (`logs -f` after the container exited). */
  streamOutput(streamId: string, stdout: string, ended = false): void {
    if (this.streaming !== streamId) return;
    this.term.write(colorizeStdout(stdout));
    if (!ended) return;
    this.streaming = null;
    if (stdout.length > 0 && !stdout.endsWith('\n')) this.term.write('\r\n');
    this.term.write(this.prompt());
    const pending = this.queued;
    this.queued = '';
    if (pending) this.editor.feed(pending);
  }

  detach(message: string): void {
    this.session = null;
    this.streaming = null;
    this.term.writeln(`\r\n${message}`);
  }

  notice(message: string): void {
    this.term.write(`\x1b[2K\r\x1b[1;33m${message}\x1b[0m\r\n`);
    if (this.session && !this.busy && !this.streaming) this.term.write(`${this.prompt()}${this.editor.line}`);
  }

  private prompt(): string {
    return this.assembler.continuing ? CONTINUATION : `\x1b[36m[ns:${this.namespace}]\x1b[0m \x1b[1;32m$\x1b[0m `;
  }

  private onLine(line: string): void {
    const command = this.assembler.push(line);
    if (command === null) {
      this.term.write(CONTINUATION);
      return;
    }
    if (command.trim().length === 0 || !this.session) {
      this.term.write(this.prompt());
      return;
    }
    void this.execute(this.session, command);
  }

  private async complete(line: string): Promise<void> {
    const session = this.session;
    if (!session || this.busy || this.assembler.continuing) return;
    this.busy = true;
    let answer: Completion | null = null;
    try {
      answer = await session.complete(line);
    } catch {
      answer = null; // no completion (server without it, or nothing to complete): Tab does nothing
    } finally {
      this.busy = false;
    }
    // Keys typed while waiting are applied after the completion, as in a shell.
    const pending = this.queued;
    this.queued = '';
    if (answer && this.session === session && this.editor.line === line) {
      const outcome = applyCompletion(line, answer.prefix, answer.candidates);
      if (outcome.list.length > 0) {
        this.term.write(`\r\n${formatColumns(outcome.list, this.term.cols)}\r\n${this.prompt()}${line}`);
      } else if (outcome.line !== line) {
        this.editor.replace(outcome.line);
      } else {
        this.term.write('\x07');
      }
    }
    if (pending) this.editor.feed(pending);
  }

  private print(result: CommandResult): void {
    const text = result.stdout + result.stderr;
    this.term.write(colorizeStdout(result.stdout) + colorizeStderr(result.stderr));
    if (text.length > 0 && !text.endsWith('\n')) this.term.write('\r\n');
  }

  private async execute(session: TerminalSession, command: string): Promise<void> {
    this.busy = true;
    try {
      let result = await session.run(command);
      this.print(result);
      // `kubectl edit` opens the editor pane; saving may hand back the text again (an invalid edit).
      while (result.edit && this.session === session) {
        this.term.write(`\x1b[2mEditing ${result.edit.path} — save with Ctrl-S, cancel with Esc\x1b[0m\r\n`);
        result = await session.edit(result.edit);
        this.print(result);
      }
      const ns = namespaceSwitch(command, result.exitCode);
      if (ns) {
        this.namespace = ns;
        localStorage.setItem(session.namespaceKey, ns);
      }
      if (result.streamId) this.streaming = result.streamId;
    } catch (err) {
      this.term.write(colorizeStderr(`${err instanceof Error ? err.message : String(err)}\n`));
    } finally {
      this.busy = false;
    }
    if (this.session !== session || this.streaming) return;
    this.term.write(this.prompt());
    this.term.focus();
    const pending = this.queued;
    this.queued = '';
    if (pending) this.editor.feed(pending);
  }

  private stopStream(): void {
    const id = this.streaming;
    this.streaming = null;
    if (id) this.session?.interrupt(id);
    this.term.write(`^C\r\n${this.prompt()}`);
    const pending = this.queued;
    this.queued = '';
    if (pending) this.editor.feed(pending);
  }
}
