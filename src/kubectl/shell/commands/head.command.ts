import { CommandResult } from '../../result';
import { getopt, inputs, lines, ShellCommand } from './command';

export const headCommand: ShellCommand = {
  name: 'head',
  summary: 'first lines of input (-n N, -N)',
  run(args, io): CommandResult {
    const parsed = getopt('head', args, '', 'nc', { lines: 'n' }, true);
    if (typeof parsed === 'string') return { stdout: '', stderr: parsed, exitCode: 1 };
    const raw = String(parsed.opts.get('n') ?? '10');
    if (!/^-?\d+$/.test(raw)) return { stdout: '', stderr: `head: invalid number of lines: '${raw}'\n`, exitCode: 1 };
    const n = Number(raw);
    const { texts, errors } = inputs('head', parsed.operands, io);
    const many = texts.length > 1;
    const out = texts
      .map(({ name, text }, i) => {
        const ls = lines(text);
        const picked = n >= 0 ? ls.slice(0, n) : ls.slice(0, Math.max(0, ls.length + n));
        return `${many ? `${i ? '\n' : ''}==> ${name} <==\n` : ''}${picked.map((l) => `${l}\n`).join('')}`;
      })
      .join('');
    return { stdout: out, stderr: errors, exitCode: errors ? 1 : 0 };
  },
};
