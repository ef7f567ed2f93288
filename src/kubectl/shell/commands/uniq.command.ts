import { CommandResult } from '../../result';
import { getopt, inputs, lines, ShellCommand } from './command';

export const uniqCommand: ShellCommand = {
  name: 'uniq',
  summary: 'drop repeated adjacent lines (-c: count them)',
  run(args, io): CommandResult {
    const parsed = getopt('uniq', args, 'cdu', '');
    if (typeof parsed === 'string') return { stdout: '', stderr: parsed, exitCode: 1 };
    const { texts, errors } = inputs('uniq', parsed.operands.slice(0, 1), io);
    const groups: Array<{ line: string; n: number }> = [];
    for (const l of lines(texts[0]?.text ?? '')) {
      const last = groups[groups.length - 1];
      if (last && last.line === l) last.n++;
      else groups.push({ line: l, n: 1 });
    }
    const o = parsed.opts;
    const kept = groups.filter((g) => (!o.has('d') || g.n > 1) && (!o.has('u') || g.n === 1));
    return { stdout: kept.map((g) => (o.has('c') ? `${String(g.n).padStart(7)} ${g.line}\n` : `${g.line}\n`)).join(''), stderr: errors, exitCode: errors ? 1 : 0 };
  },
};
