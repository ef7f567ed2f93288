import { CommandResult } from '../../result';
import { getopt, inputs, lines, ShellCommand } from './command';

export const tailCommand: ShellCommand = {
  name: 'tail',
  summary: 'last lines of input (-n N, -N, -n +N)',
  run(args, io): CommandResult {
    const parsed = getopt('tail', args, 'fF', 'nc', { lines: 'n', follow: 'f' }, true);
    if (typeof parsed === 'string') return { stdout: '', stderr: parsed, exitCode: 1 };
    const raw = String(parsed.opts.get('n') ?? '10');
    if (!/^[+-]?\d+$/.test(raw)) return { stdout: '', stderr: `tail: invalid number of lines: '${raw}'\n`, exitCode: 1 };
    const { texts, errors } = inputs('tail', parsed.operands, io);
    const many = texts.length > 1;
    const out = texts
      .map(({ name, text }, i) => {
        const ls = lines(text);
        const n = Math.abs(Number(raw));
        const picked = raw.startsWith('+') ? ls.slice(Math.max(0, n - 1)) : n === 0 ? [] : ls.slice(-n);
        return `${many ? `${i ? '\n' : ''}==> ${name} <==\n` : ''}${picked.map((l) => `${l}\n`).join('')}`;
      })
      .join('');
    return { stdout: out, stderr: errors, exitCode: errors ? 1 : 0 };
  },
};
