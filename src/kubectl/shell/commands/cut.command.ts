import { CommandResult } from '../../result';
import { getopt, inputs, lines, ShellCommand } from './command';

/** `1,3`, `2-`, `-3`, `1-3` → a predicate on 1-based positions; undefined when the list is invalid. */
function parseList(list: string): ((n: number) => boolean) | undefined {
  const ranges: Array<[number, number]> = [];
  for (const part of list.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (!m[1] && !m[3]) || m[1] === '0' || m[3] === '0') return undefined;
    const from = m[1] ? Number(m[1]) : 1;
    const to = m[2] ? (m[3] ? Number(m[3]) : Infinity) : from;
    if (to < from) return undefined;
    ranges.push([from, to]);
  }
  return (n) => ranges.some(([a, b]) => n >= a && n <= b);
}

export const cutCommand: ShellCommand = {
  name: 'cut',
  summary: 'print selected fields (-d SEP -f LIST) or characters (-c LIST)',
  run(args, io): CommandResult {
    const parsed = getopt('cut', args, 's', 'dfc', { delimiter: 'd', fields: 'f', characters: 'c', 'only-delimited': 's' });
    if (typeof parsed === 'string') return { stdout: '', stderr: parsed, exitCode: 1 };
    const { opts, operands } = parsed;
    const fields = opts.get('f');
    const chars = opts.get('c');
    const usage = "Try 'cut --help' for more information.\n";
    if (!fields && !chars) return { stdout: '', stderr: `cut: you must specify a list of bytes, characters, or fields\n${usage}`, exitCode: 1 };
    if (fields && chars) return { stdout: '', stderr: `cut: only one type of list may be specified\n${usage}`, exitCode: 1 };
    const delim = typeof opts.get('d') === 'string' ? (opts.get('d') as string) : '\t';
    if (delim.length !== 1) return { stdout: '', stderr: `cut: the delimiter must be a single character\n${usage}`, exitCode: 1 };
    const list = parseList(String(fields ?? chars));
    if (!list) return { stdout: '', stderr: `cut: invalid field value '${String(fields ?? chars)}'\n${usage}`, exitCode: 1 };
    const { texts, errors } = inputs('cut', operands, io);
    let out = '';
    for (const line of texts.flatMap((t) => lines(t.text))) {
      if (chars) {
        out += `${[...line].filter((_c, i) => list(i + 1)).join('')}\n`;
        continue;
      }
      if (!line.includes(delim)) {
        if (!opts.has('s')) out += `${line}\n`;
        continue;
      }
      out += `${line.split(delim).filter((_f, i) => list(i + 1)).join(delim)}\n`;
    }
    return { stdout: out, stderr: errors, exitCode: errors ? 1 : 0 };
  },
};
