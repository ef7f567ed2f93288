import { CommandResult } from '../../result';
import { readPath } from '../fs-view';
import { VirtualFs } from '../vfs';
import { getopt, lines, ShellCommand } from './command';

type Address = { line: number } | { re: RegExp } | { last: true };
type Script = { addr?: Address; cmd: 'p' } | { addr?: Address; cmd: 'd' } | { addr?: Address; cmd: 's'; re: RegExp; replacement: string; print: boolean };

/** GNU sed basic regex → JS: `\(`, `\)`, `\+`, `\?`, `\|`, `\{` are operators; with -E the bare ones are. */
function toJs(re: string, extended: boolean): string {
  if (extended) return re;
  let out = '';
  for (let i = 0; i < re.length; i++) {
    const c = re[i];
    if (c === '\\' && i + 1 < re.length) {
      const n = re[++i];
      out += '()+?|{}'.includes(n) ? n : `\\${n}`;
    } else out += '()+?|{}'.includes(c) ? `\\${c}` : c;
  }
  return out;
}

function parseAddress(s: string, extended: boolean): { addr?: Address; rest: string } {
  if (/^\d+/.test(s)) {
    const m = /^\d+/.exec(s)!;
    return { addr: { line: Number(m[0]) }, rest: s.slice(m[0].length) };
  }
  if (s.startsWith('$')) return { addr: { last: true }, rest: s.slice(1) };
  if (s.startsWith('/')) {
    const end = s.indexOf('/', 1);
    if (end > 0) return { addr: { re: new RegExp(toJs(s.slice(1, end), extended)) }, rest: s.slice(end + 1) };
  }
  return { rest: s };
}

/** Splits `s/a/b/g` on its own delimiter, honouring `\/` escapes. */
function splitSubstitute(s: string): string[] | undefined {
  const delim = s[1];
  const parts: string[] = [];
  let cur = '';
  for (let i = 2; i < s.length; i++) {
    if (s[i] === '\\' && s[i + 1] === delim) {
      cur += delim;
      i++;
    } else if (s[i] === delim) {
      parts.push(cur);
      cur = '';
    } else cur += s[i];
  }
  parts.push(cur);
  return parts.length === 3 ? parts : undefined;
}

function parseScript(src: string, extended: boolean): Script | string {
  const { addr, rest } = parseAddress(src.trim(), extended);
  if (rest === 'p') return { addr, cmd: 'p' };
  if (rest === 'd') return { addr, cmd: 'd' };
  if (rest.startsWith('s') && rest.length > 1) {
    const parts = splitSubstitute(rest);
    if (!parts) return `sed: -e expression #1, char ${src.length}: unterminated \`s' command\n`;
    const [pattern, replacement, flags] = parts;
    if (/[^gip0-9]/.test(flags)) return `sed: -e expression #1, char ${src.length}: unknown option to \`s'\n`;
    try {
      const re = new RegExp(toJs(pattern, extended), `${flags.includes('g') ? 'g' : ''}${flags.includes('i') ? 'i' : ''}`);
      // sed's `&` is the whole match and `\1` a group; JS writes them `$&` and `$1`.
      const js = replacement.replace(/\$/g, '$$$$').replace(/\\(\d)/g, '$$$1').replace(/(^|[^\\])&/g, '$1$$&').replace(/\\&/g, '&').replace(/\\n/g, '\n');
      return { addr, cmd: 's', re, replacement: js, print: flags.includes('p') };
    } catch {
      return `sed: -e expression #1, char ${src.length}: Invalid preceding regular expression\n`;
    }
  }
  return `sed: -e expression #1, char ${src.length}: unknown command: \`${rest[0] ?? ''}'\n`;
}

function matches(addr: Address | undefined, line: string, n: number, last: boolean): boolean {
  if (!addr) return true;
  if ('line' in addr) return addr.line === n;
  if ('last' in addr) return last;
  return addr.re.test(line);
}

function apply(scripts: Script[], text: string, quiet: boolean): string {
  const ls = lines(text);
  let out = '';
  ls.forEach((original, i) => {
    let line = original;
    let deleted = false;
    for (const s of scripts) {
      if (!matches(s.addr, line, i + 1, i === ls.length - 1)) continue;
      if (s.cmd === 'd') {
        deleted = true;
        break;
      }
      if (s.cmd === 'p') out += `${line}\n`;
      else {
        s.re.lastIndex = 0;
        const changed = s.re.test(line);
        s.re.lastIndex = 0;
        line = line.replace(s.re, s.replacement);
        if (changed && s.print) out += `${line}\n`;
      }
    }
    if (!deleted && !quiet) out += `${line}\n`;
  });
  return out;
}

export const sedCommand: ShellCommand = {
  name: 'sed',
  summary: "edit text: s/old/new/[g], /re/d, Np (-i in place, -n, -e, -E)",
  run(args, io): CommandResult {
    const parsed = getopt('sed', args, 'inEr', 'e', { 'in-place': 'i', quiet: 'n', expression: 'e', 'regexp-extended': 'E' });
    if (typeof parsed === 'string') return { stdout: '', stderr: parsed, exitCode: 1 };
    const { opts } = parsed;
    const operands = [...parsed.operands];
    const sources = opts.has('e') ? [String(opts.get('e'))] : operands.length ? [operands.shift()!] : [];
    if (sources.length === 0) return { stdout: '', stderr: 'Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n', exitCode: 1 };
    const extended = opts.has('E') || opts.has('r');
    const scripts: Script[] = [];
    for (const src of sources.flatMap((s) => s.split(/;|\n/)).filter((s) => s.trim())) {
      const s = parseScript(src, extended);
      if (typeof s === 'string') return { stdout: '', stderr: s, exitCode: 1 };
      scripts.push(s);
    }
    if (operands.length === 0) return { stdout: apply(scripts, io.stdin, opts.has('n')), stderr: '', exitCode: 0 };
    let out = '';
    let err = '';
    for (const f of operands) {
      const path = VirtualFs.resolve(f, io.state.cwd);
      const r = readPath(io.vfs, path);
      if (!r.ok) {
        err += `sed: can't read ${f}: No such file or directory\n`;
        continue;
      }
      const result = apply(scripts, r.content, opts.has('n'));
      if (opts.has('i')) io.vfs.write(path, result);
      else out += result;
    }
    return { stdout: out, stderr: err, exitCode: err ? 2 : 0 };
  },
};
