import { Cluster, deepFreeze } from '../../cluster-engine';
import { runKubectl } from '../kubectl';
import { runNodeCommand } from '../node-shell/node-shell';
import { CommandResult, CommandStream, PendingEdit } from '../result';
import { findShellCommand } from './commands/registry';
import { HISTORY_SIZE } from './commands/history.command';
import { completeLine, Completion } from '../completion/complete';
import { Expander } from './expand';
import { isDirectory } from './fs-view';
import { ParseResult, parseScript } from './parse';
import { newShellState, ShellState } from './state';
import { AndOr, Pipeline, Redirect, ShellSyntaxError, SimpleCommand } from './syntax';
import { HOME, VirtualFs } from './vfs';

export interface ShellOptions {
  /** Session state to continue from (cwd, environment, ssh login); mutated in place. */
  state?: ShellState;
}

const EDITORS = ['vi', 'vim', 'nano', 'emacs', 'nvim'];

/**
 * Parsed lines, by their text: players repeat commands (history, the same `kubectl get pods`), and parsing is a
 * pure function of the text. The trees are frozen, so nothing can change one it hands out again. Bounded.
 */
const parsedLines = new Map<string, ParseResult | ShellSyntaxError>();
const MAX_PARSED_LINES = 256;

function parseLine(line: string): ParseResult | ShellSyntaxError {
  let parsed = parsedLines.get(line);
  if (parsed === undefined) {
    try {
      parsed = deepFreeze(parseScript(line));
    } catch (e) {
      if (!(e instanceof ShellSyntaxError)) throw e;
      parsed = e;
    }
    if (parsedLines.size >= MAX_PARSED_LINES) parsedLines.delete(parsedLines.keys().next().value!);
    parsedLines.set(line, parsed);
  }
  return parsed;
}

const MAX_DEPTH = 8;

/**
 * The player's terminal: a small bash with kubectl, pipes, redirects and here-documents over a virtual file
 * system. `run` never throws for user mistakes; they come back as stderr and an exit code.
 */
export class Shell {
  readonly state: ShellState;
  private depth = 0;
  private readonly expand: Expander;

  constructor(
    private readonly cluster: Cluster,
    private readonly vfs: VirtualFs,
    opts: ShellOptions = {},
  ) {
    this.state = opts.state ?? newShellState();
    this.expand = new Expander(this.state, vfs, (script, onError) => this.substitute(script, onError));
  }

  /** True when `text` needs more lines (open quote or here-document, trailing `|`), as bash's `> ` prompt. */
  static isIncomplete(text: string): boolean {
    try {
      return parseScript(text).incomplete;
    } catch {
      return false;
    }
  }

  /** The file system commands act on: the node's disk while logged in over ssh, else the player's own. */
  private get fs(): VirtualFs {
    const node = this.state.login.node;
    return node ? VirtualFs.over(this.cluster.nodeFiles(node)) : this.vfs;
  }

  /** Tab completion of a partly typed line; reads the cluster and files, changes nothing. */
  complete(line: string): Completion {
    return completeLine(line, { cluster: this.cluster, vfs: this.vfs, state: this.state });
  }

  prompt(): string {
    const host = this.state.login.node ?? 'workstation';
    const cwd = this.state.cwd === HOME ? '~' : this.state.cwd.startsWith(`${HOME}/`) ? `~${this.state.cwd.slice(HOME.length)}` : this.state.cwd;
    return `root@${host}:${cwd}# `;
  }

  run(line: string): CommandResult {
    // Top-level lines go to the history (bash's HISTCONTROL unset: every non-blank line, duplicates too).
    if (this.depth === 0 && line.trim() !== '') this.remember(line);
    const parsed = parseLine(line);
    if (parsed instanceof ShellSyntaxError) return this.finish({ stdout: '', stderr: `bash: ${parsed.message}\n`, exitCode: 2 });
    if (parsed.openQuote) {
      const q = parsed.openQuote === ')' ? ')' : parsed.openQuote;
      return this.finish({ stdout: '', stderr: `bash: unexpected EOF while looking for matching \`${q}'\n`, exitCode: 2 });
    }
    let stderr = parsed.openHeredoc ? `bash: warning: here-document at line 1 delimited by end-of-file (wanted \`${parsed.openHeredoc}')\n` : '';
    let stdout = '';
    let stream: CommandStream | undefined;
    let edit: PendingEdit | undefined;
    for (const item of parsed.script) {
      stream?.close();
      const r = this.andOr(item);
      stdout += r.stdout;
      stderr += r.stderr;
      stream = r.stream;
      // Only the last command may wait in the editor (there is no way to resume a script after it).
      edit = r.edit;
    }
    return this.finish({ stdout, stderr, exitCode: this.state.lastExitCode, ...(stream ? { stream } : {}), ...(edit ? { edit } : {}) });
  }

  private remember(line: string): void {
    const h = (this.state.history ??= []);
    h.push(line.endsWith('\n') ? line.replace(/\n+$/, '') : line);
    if (h.length > HISTORY_SIZE) {
      this.state.historyBase = (this.state.historyBase ?? 0) + (h.length - HISTORY_SIZE);
      // shift(), not splice(): V8 drops the first element without moving the other 499 (one per command once full).
      while (h.length > HISTORY_SIZE) h.shift();
    }
  }

  private finish(r: CommandResult): CommandResult {
    this.state.lastExitCode = r.exitCode;
    return r;
  }

  private andOr(item: AndOr): CommandResult {
    let r = this.pipeline(item.first);
    let stdout = r.stdout;
    let stderr = r.stderr;
    for (const { op, pipeline } of item.rest) {
      if ((op === '&&') !== (r.exitCode === 0)) continue;
      r = this.pipeline(pipeline);
      stdout += r.stdout;
      stderr += r.stderr;
    }
    return { stdout, stderr, exitCode: r.exitCode, ...(r.stream ? { stream: r.stream } : {}), ...(r.edit ? { edit: r.edit } : {}) };
  }

  private pipeline(p: Pipeline): CommandResult {
    let input = '';
    let stderr = '';
    let last: CommandResult = { stdout: '', stderr: '', exitCode: 0 };
    p.commands.forEach((cmd, i) => {
      const piped = i < p.commands.length - 1;
      last = this.simple(cmd, i === 0 ? '' : input, !piped);
      // Only a command writing to the terminal keeps running (`get -w`); piped, it ends with its first output.
      if (last.stream && (piped || p.commands.length > 1)) {
        last.stream.close();
        delete last.stream;
      }
      // An editor needs the terminal: in a pipeline the edit is abandoned, as if closed unchanged.
      if (last.edit && p.commands.length > 1) delete last.edit;
      stderr += last.stderr;
      input = last.stdout;
      this.state.lastExitCode = last.exitCode;
    });
    return { stdout: last.stdout, stderr, exitCode: last.exitCode, ...(last.stream ? { stream: last.stream } : {}), ...(last.edit ? { edit: last.edit } : {}) };
  }

  private simple(cmd: SimpleCommand, pipedIn: string, toTerminal: boolean): CommandResult {
    let stderr = '';
    const fields = cmd.words.flatMap((w) => this.expand.word(w, (e) => (stderr += e)));
    let stdin = pipedIn;
    for (const r of cmd.redirects) {
      if (r.op === '<<') stdin = r.expand ? this.expand.heredoc(r.body, (e) => (stderr += e)) : r.body;
      else if (r.op === '<') {
        const path = VirtualFs.resolve(this.expand.text(r.target), this.state.cwd);
        const content = this.fs.read(path);
        if (content === undefined) return { stdout: '', stderr: `${stderr}bash: ${this.expand.text(r.target)}: No such file or directory\n`, exitCode: 1 };
        stdin = content;
      }
    }
    const stdoutRedirected = cmd.redirects.some((r) => r.op === '>' || r.op === '>>' || r.op === '&>');
    // `NAME=value` alone sets a variable; in front of a command it would only scope to it, which we ignore.
    const assignments: string[] = [];
    while (fields.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(fields[0])) assignments.push(fields.shift()!);
    if (fields.length === 0) for (const a of assignments) this.state.env[a.slice(0, a.indexOf('='))] = a.slice(a.indexOf('=') + 1);
    const result = this.exec(fields, stdin, toTerminal && !stdoutRedirected);
    const redirected = this.redirectOutput(cmd.redirects, { ...result, stderr: stderr + result.stderr });
    // A running command whose output goes to a file ends at once (there is no background job control).
    if (result.stream && stdoutRedirected) result.stream.close();
    if (result.edit && !stdoutRedirected) redirected.edit = result.edit;
    return result.stream && !stdoutRedirected ? { ...redirected, stream: result.stream } : redirected;
  }

  private redirectOutput(redirects: Redirect[], r: CommandResult): CommandResult {
    let { stdout, stderr } = r;
    for (const red of redirects) {
      if (red.op === '2>&1') {
        stdout += stderr;
        stderr = '';
        continue;
      }
      if (red.op === '<' || red.op === '<<') continue;
      const name = this.expand.text(red.target);
      const path = VirtualFs.resolve(name, this.state.cwd);
      const data = red.op === '2>' || red.op === '2>>' ? stderr : red.op === '&>' ? stdout + stderr : stdout;
      if (red.op === '2>' || red.op === '2>>') stderr = '';
      else if (red.op === '&>') [stdout, stderr] = ['', ''];
      else stdout = '';
      if (path === '/dev/null') continue;
      if (isDirectory(this.fs, path)) return { stdout, stderr: `${stderr}bash: ${name}: Is a directory\n`, exitCode: 1 };
      if (red.op === '>>' || red.op === '2>>') this.fs.append(path, data);
      else this.fs.write(path, data);
    }
    return { stdout, stderr, exitCode: r.exitCode };
  }

  private exec(argv: string[], stdin: string, tty: boolean): CommandResult {
    if (argv.length === 0) return { stdout: '', stderr: '', exitCode: 0 };
    const [name, ...args] = argv;
    const node = runNodeCommand(this.cluster, this.state.login, argv);
    if (node) {
      // Logging in or out lands in the home directory of the machine you arrive on.
      if (['ssh', 'exit', 'logout'].includes(name) && node.exitCode === 0) this.state.cwd = HOME;
      return node;
    }
    if (name === 'sudo') return this.exec(args, stdin, tty);
    if (name === 'xargs') return this.xargs(args, stdin, tty);
    if (name === 'kubectl' || name === 'k') return runKubectl(args, { cluster: this.cluster, vfs: this.fs, cwd: this.state.cwd, stdin, node: this.state.login.node });
    if (name === 'exit' || name === 'logout') return { stdout: '', stderr: '', exitCode: 0 };
    const builtin = findShellCommand(name);
    if (builtin) return builtin.run(args, { stdin, vfs: this.fs, state: this.state, tty });
    const hint = EDITORS.includes(name) ? "hint: there is no editor here; write files with: cat > pod.yaml <<'EOF' … EOF\n" : '';
    return { stdout: '', stderr: `bash: ${name}: command not found\n${hint}`, exitCode: 127 };
  }

  /** `xargs [-n N] [-I {}] [-r] [CMD args…]`: runs CMD with words read from stdin appended (or substituted for {}). */
  private xargs(args: string[], stdin: string, tty: boolean): CommandResult {
    let perCall = Infinity;
    let replace: string | undefined;
    let skipEmpty = false;
    let i = 0;
    for (; i < args.length && args[i].startsWith('-'); i++) {
      const a = args[i];
      if (a === '-r' || a === '--no-run-if-empty') skipEmpty = true;
      else if (a.startsWith('-n')) perCall = Number(a.length > 2 ? a.slice(2) : args[++i]);
      else if (a.startsWith('-I')) replace = a.length > 2 ? a.slice(2) : args[++i];
      else if (a === '-0' || a === '-t') continue;
      else return { stdout: '', stderr: `xargs: invalid option -- '${a.replace(/^-+/, '')}'\nTry 'xargs --help' for more information.\n`, exitCode: 1 };
    }
    if (!Number.isInteger(perCall) && perCall !== Infinity) return { stdout: '', stderr: `xargs: invalid number "${args[i - 1]}" for -n option\n`, exitCode: 1 };
    const command = args.slice(i).length ? args.slice(i) : ['echo'];
    const items = replace !== undefined ? stdin.split('\n').filter((l) => l.trim() !== '') : stdin.split(/\s+/).filter((w) => w !== '');
    if (items.length === 0 && (skipEmpty || replace !== undefined)) return { stdout: '', stderr: '', exitCode: 0 };
    const batches: string[][] = [];
    if (replace !== undefined) for (const item of items) batches.push(command.map((w) => w.split(replace!).join(item)));
    else if (items.length === 0) batches.push(command);
    else {
      const size = perCall === Infinity ? items.length : Math.max(1, perCall);
      for (let k = 0; k < items.length; k += size) batches.push([...command, ...items.slice(k, k + size)]);
    }
    let stdout = '';
    let stderr = '';
    let failed = false;
    for (const argv of batches) {
      const r = this.exec(argv, '', tty);
      r.stream?.close();
      stdout += r.stdout;
      stderr += r.stderr;
      if (r.exitCode === 127) return { stdout, stderr: stderr.replace(/^bash: (\S+): command not found\n.*$/s, 'xargs: $1: No such file or directory\n'), exitCode: 127 };
      if (r.exitCode !== 0) failed = true;
    }
    return { stdout, stderr, exitCode: failed ? 123 : 0 };
  }

  /** `$(…)`: runs the script in this shell (same state), depth-limited against runaway recursion. */
  private substitute(script: string, onError: (e: string) => void): string {
    if (this.depth >= MAX_DEPTH) return '';
    this.depth++;
    try {
      const r = this.run(script);
      r.stream?.close();
      onError(r.stderr);
      return r.stdout.replace(/\n+$/, '');
    } finally {
      this.depth--;
    }
  }
}
