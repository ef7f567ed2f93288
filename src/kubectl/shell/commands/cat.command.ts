import { CommandResult } from '../../result';
import { getopt, inputs, lines, ShellCommand } from './command';

export const catCommand: ShellCommand = {
  name: 'cat',
  summary: 'print files or stdin (-n: number lines)',
  run(args, io): CommandResult {
    const parsed = getopt('cat', args, 'n', '');
    if (typeof parsed === 'string') return { stdout: '', stderr: parsed, exitCode: 1 };
    const { texts, errors } = inputs('cat', parsed.operands, io);
    let out = texts.map((t) => t.text).join('');
    if (parsed.opts.has('n')) out = lines(out).map((l, i) => `${String(i + 1).padStart(6)}\t${l}\n`).join('');
    return { stdout: out, stderr: errors, exitCode: errors ? 1 : 0 };
  },
};
