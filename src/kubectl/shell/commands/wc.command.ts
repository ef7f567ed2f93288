import { CommandResult } from '../../result';
import { getopt, inputs, ShellCommand } from './command';

export const wcCommand: ShellCommand = {
  name: 'wc',
  summary: 'count lines, words and bytes (-l -w -c)',
  run(args, io): CommandResult {
    const parsed = getopt('wc', args, 'lwcm', '', { lines: 'l', words: 'w', bytes: 'c', chars: 'm' });
    if (typeof parsed === 'string') return { stdout: '', stderr: parsed, exitCode: 1 };
    const { opts, operands } = parsed;
    const which = (['l', 'w', 'c', 'm'] as const).filter((k) => opts.has(k));
    const shown = which.length ? which : (['l', 'w', 'c'] as const);
    const { texts, errors } = inputs('wc', operands, io);
    const count = (t: string) => ({ l: (t.match(/\n/g) ?? []).length, w: t.split(/\s+/).filter(Boolean).length, c: Buffer.byteLength(t), m: [...t].length });
    const rows = texts.map((t) => ({ name: operands.length ? t.name : '', n: count(t.text) }));
    if (rows.length > 1) rows.push({ name: 'total', n: rows.reduce((a, r) => ({ l: a.l + r.n.l, w: a.w + r.n.w, c: a.c + r.n.c, m: a.m + r.n.m }), { l: 0, w: 0, c: 0, m: 0 }) });
    // GNU wc pads to a common width unless a single count of stdin is printed.
    const single = shown.length === 1 && !operands.length;
    const width = single ? 0 : Math.max(operands.length ? 1 : 7, ...rows.flatMap((r) => shown.map((k) => String(r.n[k]).length)));
    const out = rows.map((r) => `${shown.map((k) => String(r.n[k]).padStart(width)).join(' ')}${r.name ? ` ${r.name}` : ''}\n`).join('');
    return { stdout: out, stderr: errors, exitCode: errors ? 1 : 0 };
  },
};
