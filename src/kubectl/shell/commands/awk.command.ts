import { CommandResult } from '../../result';
import { inputs, lines, ShellCommand } from './command';

/**
 * A small awk: `BEGIN`/`END`, `pattern { action }` rules, `-F` and `-v`; fields (`$1`, `$NF`, `$(NF-1)`), `NR`,
 * `NF`, variables, comparisons, `~` regexes, `&&`/`||`/`!`, arithmetic and concatenation; `print`, `printf`,
 * assignments (`+=`, `++`), `if`/`else`, `next`; `length`, `substr`, `tolower`, `toupper`.
 */
type Tok = { t: 'num' | 'str' | 're' | 'id' | 'op'; v: string };

class AwkError extends Error {}

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const regexAllowed = () => {
    const last = out[out.length - 1];
    return !last || (last.t === 'op' && !')]'.includes(last.v)) || (last.t === 'id' && ['print', 'printf'].includes(last.v));
  };
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t') i++;
    else if (c === '\n' || c === ';') (out.push({ t: 'op', v: ';' }), i++);
    else if (c === '#') while (i < src.length && src[i] !== '\n') i++;
    else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^\d*\.?\d+(?:[eE][-+]?\d+)?/.exec(src.slice(i))!;
      out.push({ t: 'num', v: m[0] });
      i += m[0].length;
    } else if (c === '"') {
      let s = '';
      i++;
      while (i < src.length && src[i] !== '"') {
        if (src[i] === '\\' && i + 1 < src.length) {
          const e = src[++i];
          s += e === 'n' ? '\n' : e === 't' ? '\t' : e;
        } else s += src[i];
        i++;
      }
      if (src[i] !== '"') throw new AwkError('non-terminated string');
      i++;
      out.push({ t: 'str', v: s });
    } else if (c === '/' && regexAllowed()) {
      let s = '';
      i++;
      while (i < src.length && src[i] !== '/') s += src[i] === '\\' && src[i + 1] === '/' ? src[++i] : src[i], i++;
      if (src[i] !== '/') throw new AwkError('non-terminated regular expression');
      i++;
      out.push({ t: 're', v: s });
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_]\w*/.exec(src.slice(i))!;
      out.push({ t: 'id', v: m[0] });
      i += m[0].length;
    } else {
      const two = src.slice(i, i + 2);
      const op = ['==', '!=', '<=', '>=', '&&', '||', '+=', '-=', '*=', '/=', '++', '--', '!~'].includes(two) ? two : c;
      if (!'{}()$,<>!~+-*/%=?:&|'.includes(op[0]) || op === '&' || op === '|') throw new AwkError(`syntax error at source line 1: unexpected character '${c}'`);
      out.push({ t: 'op', v: op });
      i += op.length;
    }
  }
  return out;
}

type Node = (env: Env) => string | number;
type Stmt = (env: Env) => void;

interface Env {
  fields: string[];
  vars: Record<string, string | number>;
  out: string[];
  ofs: string;
}

class Next extends Error {}

const num = (v: string | number) => (typeof v === 'number' ? v : parseFloat(v) || 0);
const str = (v: string | number) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)))) : v);
const looksNumeric = (v: string | number) => typeof v === 'number' || /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v);
const truthy = (v: string | number) => (typeof v === 'number' ? v !== 0 : v !== '' && !(looksNumeric(v) && num(v) === 0 && /^\s*[-+]?0*\.?0*\s*$/.test(v)));

function getField(env: Env, n: number): string {
  if (n === 0) return env.fields[0];
  return env.fields[n] ?? '';
}

function setVar(env: Env, name: string, v: string | number): void {
  env.vars[name] = v;
}

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}
  peek(o = 0): Tok | undefined {
    return this.toks[this.i + o];
  }
  is(v: string): boolean {
    const t = this.peek();
    return !!t && (t.t === 'op' || t.t === 'id') && t.v === v;
  }
  eat(v: string): void {
    if (!this.is(v)) throw new AwkError(`syntax error at source line 1: expected '${v}'${this.peek() ? ` near '${this.peek()!.v}'` : ''}`);
    this.i++;
  }
  skipSemis(): void {
    while (this.is(';')) this.i++;
  }
  done(): boolean {
    return this.i >= this.toks.length;
  }

  program(): { begin: Stmt[]; rules: Array<{ pattern?: Node; action?: Stmt[] }>; end: Stmt[] } {
    const prog = { begin: [] as Stmt[], rules: [] as Array<{ pattern?: Node; action?: Stmt[] }>, end: [] as Stmt[] };
    this.skipSemis();
    while (!this.done()) {
      if (this.is('BEGIN')) (this.i++, prog.begin.push(...this.block()));
      else if (this.is('END')) (this.i++, prog.end.push(...this.block()));
      else {
        const pattern = this.is('{') ? undefined : this.expr();
        const action = this.is('{') ? this.block() : undefined;
        prog.rules.push({ pattern, action });
      }
      this.skipSemis();
    }
    return prog;
  }

  block(): Stmt[] {
    this.eat('{');
    const out: Stmt[] = [];
    this.skipSemis();
    while (!this.is('}')) {
      if (this.done()) throw new AwkError("syntax error at source line 1: missing '}'");
      out.push(this.statement());
      this.skipSemis();
    }
    this.eat('}');
    return out;
  }

  statement(): Stmt {
    if (this.is('{')) {
      const b = this.block();
      return (env) => b.forEach((s) => s(env));
    }
    if (this.is('next')) {
      this.i++;
      return () => {
        throw new Next();
      };
    }
    if (this.is('if')) {
      this.i++;
      this.eat('(');
      const cond = this.expr();
      this.eat(')');
      this.skipSemis();
      const then = this.statement();
      const save = this.i;
      this.skipSemis();
      let otherwise: Stmt | undefined;
      if (this.is('else')) {
        this.i++;
        this.skipSemis();
        otherwise = this.statement();
      } else this.i = save;
      return (env) => (truthy(cond(env)) ? then(env) : otherwise?.(env));
    }
    if (this.is('print') || this.is('printf')) {
      const printf = this.peek()!.v === 'printf';
      this.i++;
      const paren = this.is('(') && printf;
      if (paren) this.i++;
      const args: Node[] = [];
      if (!this.is(';') && !this.is('}') && !this.done() && !this.is(')')) {
        args.push(this.expr(true));
        while (this.is(',')) (this.i++, args.push(this.expr(true)));
      }
      if (paren) this.eat(')');
      if (printf) {
        if (!args.length) throw new AwkError('printf: no format');
        return (env) => env.out.push(sprintf(str(args[0](env)), args.slice(1).map((a) => a(env))));
      }
      return (env) => env.out.push(`${args.length ? args.map((a) => str(a(env))).join(env.ofs) : env.fields[0]}\n`);
    }
    const e = this.expr();
    return (env) => void e(env);
  }

  expr(noGt = false): Node {
    return this.assignment(noGt);
  }

  assignment(noGt: boolean): Node {
    const t = this.peek();
    const op = this.peek(1);
    if (t?.t === 'id' && op?.t === 'op' && ['=', '+=', '-=', '*=', '/='].includes(op.v) && !isBuiltinVar(t.v)) {
      this.i += 2;
      const rhs = this.assignment(noGt);
      const name = t.v;
      return (env) => {
        const r = rhs(env);
        const cur = env.vars[name] ?? '';
        const v = op.v === '=' ? r : op.v === '+=' ? num(cur) + num(r) : op.v === '-=' ? num(cur) - num(r) : op.v === '*=' ? num(cur) * num(r) : num(cur) / num(r);
        setVar(env, name, v);
        return v;
      };
    }
    return this.or(noGt);
  }

  or(noGt: boolean): Node {
    let l = this.and(noGt);
    while (this.is('||')) {
      this.i++;
      const a = l;
      const r = this.and(noGt);
      l = (env) => (truthy(a(env)) || truthy(r(env)) ? 1 : 0);
    }
    return l;
  }

  and(noGt: boolean): Node {
    let l = this.not(noGt);
    while (this.is('&&')) {
      this.i++;
      const a = l;
      const r = this.not(noGt);
      l = (env) => (truthy(a(env)) && truthy(r(env)) ? 1 : 0);
    }
    return l;
  }

  not(noGt: boolean): Node {
    if (this.is('!')) {
      this.i++;
      const e = this.not(noGt);
      return (env) => (truthy(e(env)) ? 0 : 1);
    }
    return this.comparison(noGt);
  }

  comparison(noGt: boolean): Node {
    const l = this.concat();
    const t = this.peek();
    const ops = noGt ? ['==', '!=', '<', '<=', '>=', '~', '!~'] : ['==', '!=', '<', '<=', '>', '>=', '~', '!~'];
    if (t?.t === 'op' && ops.includes(t.v)) {
      this.i++;
      if (t.v === '~' || t.v === '!~') {
        const reTok = this.peek();
        let re: (env: Env) => RegExp;
        if (reTok?.t === 're') {
          this.i++;
          const compiled = toRegExp(reTok.v);
          re = () => compiled;
        } else {
          const e = this.concat();
          re = (env) => toRegExp(str(e(env)));
        }
        return (env) => (re(env).test(str(l(env))) === (t.v === '~') ? 1 : 0);
      }
      const r = this.concat();
      return (env) => {
        const [a, b] = [l(env), r(env)];
        const c = looksNumeric(a) && looksNumeric(b) ? num(a) - num(b) : str(a) < str(b) ? -1 : str(a) > str(b) ? 1 : 0;
        const ok = { '==': c === 0, '!=': c !== 0, '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0 }[t.v as '=='];
        return ok ? 1 : 0;
      };
    }
    return l;
  }

  concat(): Node {
    let l = this.additive();
    while (this.startsPrimary()) {
      const a = l;
      const r = this.additive();
      l = (env) => str(a(env)) + str(r(env));
    }
    return l;
  }

  startsPrimary(): boolean {
    const t = this.peek();
    if (!t) return false;
    if (t.t === 'num' || t.t === 'str') return true;
    if (t.t === 'id') return !['BEGIN', 'END', 'else', 'if', 'next', 'print', 'printf'].includes(t.v) && !(this.peek(1)?.v === '=' && this.peek(1)?.t === 'op');
    return t.t === 'op' && (t.v === '$' || t.v === '(');
  }

  additive(): Node {
    let l = this.mul();
    while (this.is('+') || this.is('-')) {
      const op = this.peek()!.v;
      this.i++;
      const a = l;
      const r = this.mul();
      l = (env) => (op === '+' ? num(a(env)) + num(r(env)) : num(a(env)) - num(r(env)));
    }
    return l;
  }

  mul(): Node {
    let l = this.unary();
    while (this.is('*') || this.is('/') || this.is('%')) {
      const op = this.peek()!.v;
      this.i++;
      const a = l;
      const r = this.unary();
      l = (env) => {
        const [x, y] = [num(a(env)), num(r(env))];
        if (op !== '*' && y === 0) throw new AwkError('division by zero');
        return op === '*' ? x * y : op === '/' ? x / y : x % y;
      };
    }
    return l;
  }

  unary(): Node {
    if (this.is('-')) {
      this.i++;
      const e = this.unary();
      return (env) => -num(e(env));
    }
    if (this.is('!')) {
      this.i++;
      const e = this.unary();
      return (env) => (truthy(e(env)) ? 0 : 1);
    }
    return this.primary();
  }

  primary(): Node {
    const t = this.peek();
    if (!t) throw new AwkError('syntax error at source line 1: unexpected end of program');
    this.i++;
    if (t.t === 'num') return () => Number(t.v);
    if (t.t === 'str') return () => t.v;
    if (t.t === 're') {
      const re = toRegExp(t.v);
      return (env) => (re.test(env.fields[0]) ? 1 : 0);
    }
    if (t.t === 'op' && t.v === '(') {
      const e = this.expr();
      this.eat(')');
      return e;
    }
    if (t.t === 'op' && t.v === '$') {
      const e = this.is('(') ? this.primary() : this.primaryNoConcat();
      return (env) => getField(env, Math.trunc(num(e(env))));
    }
    if (t.t === 'id') {
      const name = t.v;
      if (this.is('(')) return this.call(name);
      if (this.is('++') || this.is('--')) {
        const d = this.peek()!.v === '++' ? 1 : -1;
        this.i++;
        return (env) => {
          const cur = num(env.vars[name] ?? 0);
          setVar(env, name, cur + d);
          return cur;
        };
      }
      return (env) => {
        if (name === 'NF') return env.fields.length - 1;
        return env.vars[name] ?? '';
      };
    }
    throw new AwkError(`syntax error at source line 1 near '${t.v}'`);
  }

  /** After `$`: a number, a variable or a parenthesised expression, without concatenation. */
  primaryNoConcat(): Node {
    const t = this.peek();
    if (t?.t === 'num') return (this.i++, () => Number(t.v));
    if (t?.t === 'id') {
      this.i++;
      return (env) => (t.v === 'NF' ? env.fields.length - 1 : env.vars[t.v] ?? 0);
    }
    throw new AwkError(`syntax error at source line 1 near '$'`);
  }

  call(name: string): Node {
    this.eat('(');
    const args: Node[] = [];
    if (!this.is(')')) {
      args.push(this.expr());
      while (this.is(',')) (this.i++, args.push(this.expr()));
    }
    this.eat(')');
    switch (name) {
      case 'length':
        return (env) => (args[0] ? str(args[0](env)) : env.fields[0]).length;
      case 'tolower':
        return (env) => str(args[0]?.(env) ?? '').toLowerCase();
      case 'toupper':
        return (env) => str(args[0]?.(env) ?? '').toUpperCase();
      case 'substr':
        return (env) => {
          const s = str(args[0](env));
          const start = Math.max(1, Math.round(num(args[1](env))));
          return args[2] ? s.substr(start - 1, Math.max(0, Math.round(num(args[2](env))))) : s.slice(start - 1);
        };
      case 'int':
        return (env) => Math.trunc(num(args[0](env)));
      default:
        throw new AwkError(`calling undefined function ${name}`);
    }
  }
}

function isBuiltinVar(name: string): boolean {
  return name === 'NF';
}

function toRegExp(src: string): RegExp {
  try {
    return new RegExp(src);
  } catch {
    throw new AwkError(`syntax error in regular expression ${src}`);
  }
}

/** printf's %s %d %i %f %x %c %% with flags, width and precision. */
function sprintf(fmt: string, args: Array<string | number>): string {
  let n = 0;
  return fmt.replace(/%([-+ 0#]*)(\d+|\*)?(?:\.(\d+))?([sdifxXoceg%])/g, (_m, flags: string, width: string | undefined, prec: string | undefined, conv: string) => {
    if (conv === '%') return '%';
    const v = args[n++] ?? '';
    let s: string;
    switch (conv) {
      case 'd':
      case 'i':
        s = String(Math.trunc(num(v)));
        break;
      case 'f':
        s = num(v).toFixed(prec ? Number(prec) : 6);
        break;
      case 'e':
      case 'g':
        s = String(num(v));
        break;
      case 'x':
      case 'X':
        s = Math.trunc(num(v)).toString(16);
        if (conv === 'X') s = s.toUpperCase();
        break;
      case 'o':
        s = Math.trunc(num(v)).toString(8);
        break;
      case 'c':
        s = typeof v === 'number' ? String.fromCharCode(v) : v.charAt(0);
        break;
      default:
        s = str(v);
        if (prec) s = s.slice(0, Number(prec));
    }
    const w = width ? Number(width) : 0;
    if (s.length < w) s = flags.includes('-') ? s.padEnd(w) : flags.includes('0') && conv !== 's' ? s.padStart(w, '0') : s.padStart(w);
    return s;
  });
}

function splitFields(line: string, fs: string): string[] {
  if (fs === ' ') return line.trim() === '' ? [] : line.trim().split(/[ \t\n]+/);
  if (fs.length === 1 && fs !== '\\') return line.split(fs);
  return line.split(new RegExp(fs === '\\t' ? '\t' : fs));
}

export const awkCommand: ShellCommand = {
  name: 'awk',
  summary: "pattern scanning: awk [-F sep] [-v var=value] 'program' [file…]",
  run(args, io): CommandResult {
    let fs = ' ';
    const vars: Record<string, string | number> = {};
    let i = 0;
    for (; i < args.length; i++) {
      const a = args[i];
      if (a === '--') {
        i++;
        break;
      }
      if (a.startsWith('-F')) fs = a.length > 2 ? a.slice(2) : args[++i] ?? ' ';
      else if (a.startsWith('-v')) {
        const assign = a.length > 2 ? a.slice(2) : args[++i] ?? '';
        const eq = assign.indexOf('=');
        if (eq <= 0) return { stdout: '', stderr: `awk: invalid -v argument: ${assign}\n`, exitCode: 2 };
        vars[assign.slice(0, eq)] = assign.slice(eq + 1);
      } else if (a.startsWith('-') && a !== '-') return { stdout: '', stderr: `awk: not an option: ${a}\n`, exitCode: 2 };
      else break;
    }
    const program = args[i];
    if (program === undefined) return { stdout: '', stderr: "usage: awk [-F fs][-v var=value] ['prog' | -f progfile][file ...]\n", exitCode: 2 };
    if (fs === 't') fs = '\t';
    let prog: ReturnType<Parser['program']>;
    try {
      prog = new Parser(tokenize(program)).program();
    } catch (e) {
      if (e instanceof AwkError) return { stdout: '', stderr: `awk: ${e.message}\n awk: source line number 1\n`, exitCode: 2 };
      throw e;
    }
    const { texts, errors } = inputs('awk', args.slice(i + 1), io);
    const env: Env = { fields: [''], vars: { FS: fs, OFS: ' ', NR: 0, ...vars }, out: [], ofs: ' ' };
    try {
      for (const s of prog.begin) s(env);
      for (const t of texts) {
        for (const line of lines(t.text)) {
          env.vars.NR = num(env.vars.NR) + 1;
          env.ofs = str(env.vars.OFS);
          env.fields = [line, ...splitFields(line, str(env.vars.FS))];
          try {
            for (const rule of prog.rules) {
              if (rule.pattern && !truthy(rule.pattern(env))) continue;
              if (rule.action) for (const s of rule.action) s(env);
              else env.out.push(`${env.fields[0]}\n`);
            }
          } catch (e) {
            if (!(e instanceof Next)) throw e;
          }
        }
      }
      env.ofs = str(env.vars.OFS);
      for (const s of prog.end) s(env);
    } catch (e) {
      if (e instanceof AwkError) return { stdout: env.out.join(''), stderr: `awk: ${e.message}\n`, exitCode: 2 };
      throw e;
    }
    return { stdout: env.out.join(''), stderr: errors, exitCode: errors ? 2 : 0 };
  },
};
