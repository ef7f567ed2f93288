import { CommandResult } from '../../result';
import { ShellState } from '../state';
import { VirtualFs } from '../vfs';
import { readPath } from '../fs-view';

export interface CommandIo {
  stdin: string;
  vfs: VirtualFs;
  state: ShellState;
  /** True when stdout goes to the terminal rather than a pipe or file (ls lays out differently). */
  tty: boolean;
}

/** A shell builtin: `grep`, `head`, … Adding one is one file and one registry line. */
export interface ShellCommand {
  name: string;
  summary: string;
  run(args: string[], io: CommandIo): CommandResult;
}

export interface GetoptResult {
  opts: Map<string, string | true>;
  operands: string[];
}

/**
 * POSIX-style option parsing: `-iv`, `-n 5`, `-n5`, `--` and long options given in `long`
 * (`--decode` → `d`). `-5` means `-n 5` when `numberAsN` is set (head/tail).
 */
export function getopt(cmd: string, args: string[], flags: string, withArg: string, long: Record<string, string> = {}, numberAsN = false): GetoptResult | string {
  const opts = new Map<string, string | true>();
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const [name, value] = a.slice(2).split(/=(.*)/s);
      const short = long[name];
      if (!short) return `${cmd}: unrecognized option '${a}'\nTry '${cmd} --help' for more information.\n`;
      if (withArg.includes(short)) {
        const v = value ?? args[++i];
        if (v === undefined) return `${cmd}: option '--${name}' requires an argument\nTry '${cmd} --help' for more information.\n`;
        opts.set(short, v);
      } else opts.set(short, true);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      if (numberAsN && /^-\d+$/.test(a)) {
        opts.set('n', a.slice(1));
        continue;
      }
      for (let j = 1; j < a.length; j++) {
        const ch = a[j];
        if (withArg.includes(ch)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (v === undefined) return `${cmd}: option requires an argument -- '${ch}'\nTry '${cmd} --help' for more information.\n`;
          opts.set(ch, v);
          break;
        }
        if (!flags.includes(ch)) return `${cmd}: invalid option -- '${ch}'\nTry '${cmd} --help' for more information.\n`;
        opts.set(ch, true);
      }
      continue;
    }
    operands.push(a);
  }
  return { opts, operands };
}

/** The text of each operand file, or stdin when there are none (or for `-`). */
export function inputs(cmd: string, operands: string[], io: CommandIo): { texts: Array<{ name: string; text: string }>; errors: string } {
  if (operands.length === 0) return { texts: [{ name: '(standard input)', text: io.stdin }], errors: '' };
  const texts: Array<{ name: string; text: string }> = [];
  let errors = '';
  for (const op of operands) {
    if (op === '-') {
      texts.push({ name: '(standard input)', text: io.stdin });
      continue;
    }
    const r = readPath(io.vfs, VirtualFs.resolve(op, io.state.cwd));
    if (r.ok) texts.push({ name: op, text: r.content });
    else errors += `${cmd}: ${op}: ${r.error === 'directory' ? 'Is a directory' : 'No such file or directory'}\n`;
  }
  return { texts, errors };
}

/** Lines of a text, without the empty string after a final newline. */
export function lines(text: string): string[] {
  if (text === '') return [];
  const ls = text.split('\n');
  if (ls[ls.length - 1] === '') ls.pop();
  return ls;
}
