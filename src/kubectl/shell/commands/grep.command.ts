import { CommandResult } from '../../result';
import { getopt, inputs, lines, ShellCommand } from './command';

const USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";

/** GNU basic regular expressions: `\|`, `\(`, `\+` … are the operators, the bare characters are literals. */
function basicToJs(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) {
      const n = pattern[++i];
      out += '|(){}+?'.includes(n) ? n : `\\${n}`;
    } else out += '|(){}+?'.includes(c) ? `\\${c}` : c;
  }
  return out;
}

function compile(patterns: string[], opts: Map<string, string | true>): RegExp | string {
  const sources = patterns.map((p) => (opts.has('F') ? p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : opts.has('E') ? p : basicToJs(p)));
  let src = sources.map((s) => `(?:${s})`).join('|');
  if (opts.has('w')) src = `(?<![\\w])(?:${src})(?![\\w])`;
  if (opts.has('x')) src = `^(?:${src})$`;
  try {
    return new RegExp(src, opts.has('i') ? 'gi' : 'g');
  } catch {
    return `grep: Unmatched ( or \\(\n`;
  }
}

export const grepCommand: ShellCommand = {
  name: 'grep',
  summary: 'print lines matching a pattern (-i -v -E -F -c -n -w -x -o -q -e PATTERN -A/-B/-C N)',
  run(args, io): CommandResult {
    const parsed = getopt('grep', args, 'ivEFcnwxoqhHrR', 'eABCm', { 'ignore-case': 'i', 'invert-match': 'v', 'extended-regexp': 'E', count: 'c', 'line-number': 'n', regexp: 'e', quiet: 'q' });
    if (typeof parsed === 'string') return { stdout: '', stderr: parsed, exitCode: 2 };
    const { opts } = parsed;
    const operands = [...parsed.operands];
    const patterns = opts.has('e') ? [String(opts.get('e'))] : operands.length ? [operands.shift()!] : [];
    if (patterns.length === 0) return { stdout: '', stderr: USAGE, exitCode: 2 };
    const re = compile(patterns.flatMap((p) => p.split('\n')), opts);
    if (typeof re === 'string') return { stdout: '', stderr: re, exitCode: 2 };
    const { texts, errors } = inputs('grep', operands, io);
    const prefixName = texts.length > 1 && !opts.has('h');
    const after = Number(opts.get('A') ?? opts.get('C') ?? 0);
    const before = Number(opts.get('B') ?? opts.get('C') ?? 0);
    let out = '';
    let matched = 0;
    for (const { name, text } of texts) {
      const ls = lines(text);
      let count = 0;
      let lastPrinted = -1;
      let afterLeft = 0;
      const emit = (i: number, sep: string) => {
        if ((after || before) && lastPrinted >= 0 && i > lastPrinted + 1) out += '--\n';
        out += `${prefixName ? `${name}${sep}` : ''}${opts.has('n') ? `${i + 1}${sep}` : ''}${ls[i]}\n`;
        lastPrinted = i;
      };
      ls.forEach((line, i) => {
        re.lastIndex = 0;
        const hit = re.test(line) !== opts.has('v');
        if (!hit) {
          if (afterLeft > 0 && !opts.has('c') && !opts.has('q')) {
            emit(i, '-');
            afterLeft--;
          }
          return;
        }
        count++;
        if (opts.has('c') || opts.has('q')) return;
        if (opts.has('o') && !opts.has('v')) {
          re.lastIndex = 0;
          for (const m of line.matchAll(re)) out += `${prefixName ? `${name}:` : ''}${m[0]}\n`;
          return;
        }
        for (let b = Math.max(lastPrinted + 1, i - before); b < i; b++) emit(b, '-');
        emit(i, ':');
        afterLeft = after;
      });
      matched += count;
      if (opts.has('c')) out += `${prefixName ? `${name}:` : ''}${count}\n`;
    }
    if (opts.has('q')) out = '';
    return { stdout: out, stderr: errors, exitCode: errors ? 2 : matched > 0 ? 0 : 1 };
  },
};
