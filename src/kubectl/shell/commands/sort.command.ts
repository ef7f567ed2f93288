import { CommandResult } from '../../result';
import { getopt, inputs, lines, ShellCommand } from './command';

export const sortCommand: ShellCommand = {
  name: 'sort',
  summary: 'sort lines (-r -n -u -k N -t SEP)',
  run(args, io): CommandResult {
    const parsed = getopt('sort', args, 'rnuhfb', 'kt', { reverse: 'r', 'numeric-sort': 'n', unique: 'u' });
    if (typeof parsed === 'string') return { stdout: '', stderr: parsed, exitCode: 2 };
    const { opts, operands } = parsed;
    const { texts, errors } = inputs('sort', operands, io);
    const sep = opts.get('t');
    const field = opts.has('k') ? Number(String(opts.get('k')).split(',')[0].replace(/\D.*$/, '')) || 1 : 0;
    const key = (l: string) => {
      if (!field) return l;
      const parts = typeof sep === 'string' ? l.split(sep) : l.trim().split(/\s+/);
      return parts.slice(field - 1).join(typeof sep === 'string' ? sep : ' ');
    };
    const fold = (s: string) => (opts.has('f') ? s.toLowerCase() : s);
    const cmp = (a: string, b: string) => {
      if (opts.has('n') || opts.has('h')) {
        const d = (parseFloat(key(a)) || 0) - (parseFloat(key(b)) || 0);
        if (d !== 0) return d;
      } else {
        const [x, y] = [fold(key(a)), fold(key(b))];
        if (x !== y) return x < y ? -1 : 1;
      }
      return a < b ? -1 : a > b ? 1 : 0;
    };
    let ls = texts.flatMap((t) => lines(t.text)).sort(cmp);
    if (opts.has('r')) ls.reverse();
    if (opts.has('u')) ls = ls.filter((l, i) => i === 0 || cmp(ls[i - 1], l) !== 0);
    return { stdout: ls.map((l) => `${l}\n`).join(''), stderr: errors, exitCode: errors ? 2 : 0 };
  },
};
