import { AndOr, Pipeline, Redirect, Script, ShellSyntaxError, SimpleCommand, Word, WordPart } from './syntax';

type Token = { t: 'word'; word: Word; raw: string } | { t: 'op'; op: string };

interface PendingHeredoc {
  delimiter: string;
  stripTabs: boolean;
  redirect: Extract<Redirect, { op: '<<' }>;
}

const OPERATORS = ['2>&1', '2>>', '&&', '||', '>>', '<<-', '<<', '&>', '2>', '|', ';', '>', '<', '&', '\n'];
/** The characters an operator can start with: any other starts a word. */
const OPERATOR_STARTS = new Set(OPERATORS.map((o) => o[0]));

/**
 * Splits a command line into tokens like bash: quotes (`'…'` literal, `"…"` with `\` escapes and `$`
 * expansion), backslash escapes, `#` comments, operators, and here-document bodies read from the lines
 * after the one that opened them.
 */
class Lexer {
  private i = 0;
  private readonly tokens: Token[] = [];
  private pending: PendingHeredoc[] = [];
  /** Set when the input ends inside a quote, `$(`, or an unterminated here-document. */
  incomplete = false;
  /** The delimiter of a here-document the input ended in (bash runs it anyway, with a warning). */
  openHeredoc?: string;
  /** The quote character the input ended in. */
  openQuote?: string;

  constructor(private readonly src: string) {}

  run(): Token[] {
    const s = this.src;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === ' ' || c === '\t' || c === '\r') {
        this.i++;
        continue;
      }
      if (c === '#') {
        while (this.i < s.length && s[this.i] !== '\n') this.i++;
        continue;
      }
      if (c === '\\' && s[this.i + 1] === '\n') {
        this.i += 2;
        continue;
      }
      const op = OPERATOR_STARTS.has(c) ? OPERATORS.find((o) => s.startsWith(o, this.i)) : undefined;
      if (op) {
        this.i += op.length;
        if (op === '\n') {
          this.tokens.push({ t: 'op', op: 'nl' });
          this.readHeredocBodies();
        } else if (op === '<<' || op === '<<-') {
          this.heredoc(op === '<<-');
        } else this.tokens.push({ t: 'op', op: op === '&' ? ';' : op });
        continue;
      }
      const start = this.i;
      const word = this.word();
      this.tokens.push({ t: 'word', word, raw: s.slice(start, this.i) });
    }
    if (this.pending.length) {
      this.incomplete = true;
      this.readHeredocBodies();
    }
    return this.tokens;
  }

  private heredoc(stripTabs: boolean): void {
    while (this.src[this.i] === ' ' || this.src[this.i] === '\t') this.i++;
    const start = this.i;
    const w = this.word();
    const raw = this.src.slice(start, this.i);
    if (!raw) throw new ShellSyntaxError("syntax error near unexpected token `newline'");
    const delimiter = w.parts.map((p) => (p.t === 'lit' ? p.text : p.t === 'var' ? `$${p.name}` : `$(${p.script})`)).join('');
    const redirect: Extract<Redirect, { op: '<<' }> = { op: '<<', body: '', expand: !/['"\\]/.test(raw) };
    this.pending.push({ delimiter, stripTabs, redirect });
    this.tokens.push({ t: 'op', op: '<<' });
    this.tokens.push({ t: 'op', op: `heredoc:${this.pending.length - 1}` });
    (this.tokens[this.tokens.length - 1] as { redirect?: Redirect }).redirect = redirect;
  }

  private readHeredocBodies(): void {
    for (const h of this.pending) {
      const lines: string[] = [];
      let closed = false;
      while (this.i < this.src.length) {
        const nl = this.src.indexOf('\n', this.i);
        const end = nl < 0 ? this.src.length : nl;
        let line = this.src.slice(this.i, end);
        this.i = nl < 0 ? this.src.length : nl + 1;
        if (h.stripTabs) line = line.replace(/^\t+/, '');
        if (line.replace(/\r$/, '') === h.delimiter) {
          closed = true;
          break;
        }
        lines.push(line);
      }
      if (!closed) {
        this.incomplete = true;
        this.openHeredoc ??= h.delimiter;
      }
      h.redirect.body = lines.length ? `${lines.join('\n')}\n` : '';
    }
    this.pending = [];
  }

  private word(): Word {
    const s = this.src;
    const parts: WordPart[] = [];
    const lit = (text: string, quoted: boolean) => {
      const last = parts[parts.length - 1];
      if (last && last.t === 'lit' && last.quoted === quoted) last.text += text;
      else parts.push({ t: 'lit', text, quoted });
    };
    while (this.i < s.length) {
      const c = s[this.i];
      if (' \t\r\n'.includes(c) || OPERATORS.some((o) => o !== '2>&1' && o !== '2>' && o !== '2>>' && s.startsWith(o, this.i))) break;
      if (c === "'") {
        const end = s.indexOf("'", this.i + 1);
        if (end < 0) {
          this.incomplete = true;
          this.openQuote = "'";
          lit(s.slice(this.i + 1), true);
          this.i = s.length;
          break;
        }
        lit(s.slice(this.i + 1, end), true);
        this.i = end + 1;
      } else if (c === '"') {
        this.i++;
        this.doubleQuoted(parts, lit);
      } else if (c === '\\') {
        if (this.i + 1 < s.length) lit(s[this.i + 1], true);
        this.i += 2;
      } else if (c === '$') {
        this.dollar(parts, false, lit);
      } else {
        lit(c, false);
        this.i++;
      }
    }
    return { parts };
  }

  private doubleQuoted(parts: WordPart[], lit: (t: string, q: boolean) => void): void {
    const s = this.src;
    let closed = false;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === '"') {
        this.i++;
        closed = true;
        break;
      }
      if (c === '\\' && '"\\$`\n'.includes(s[this.i + 1] ?? '')) {
        if (s[this.i + 1] !== '\n') lit(s[this.i + 1], true);
        this.i += 2;
      } else if (c === '$') this.dollar(parts, true, lit);
      else {
        lit(c, true);
        this.i++;
      }
    }
    if (!closed) {
      this.incomplete = true;
      this.openQuote = '"';
    }
    if (!parts.length) lit('', true);
  }

  private dollar(parts: WordPart[], quoted: boolean, lit: (t: string, q: boolean) => void): void {
    const s = this.src;
    const rest = s.slice(this.i + 1);
    if (rest.startsWith('(')) {
      let depth = 0;
      let j = this.i + 1;
      for (; j < s.length; j++) {
        if (s[j] === '(') depth++;
        else if (s[j] === ')' && --depth === 0) break;
      }
      if (j >= s.length) {
        this.incomplete = true;
        this.openQuote = ')';
        parts.push({ t: 'cmd', script: s.slice(this.i + 2), quoted });
        this.i = s.length;
        return;
      }
      parts.push({ t: 'cmd', script: s.slice(this.i + 2, j), quoted });
      this.i = j + 1;
      return;
    }
    const m = /^\{([A-Za-z_][A-Za-z0-9_]*)\}|^([A-Za-z_][A-Za-z0-9_]*|\?)/.exec(rest);
    if (!m) {
      lit('$', quoted);
      this.i++;
      return;
    }
    parts.push({ t: 'var', name: m[1] ?? m[2], quoted });
    this.i += 1 + m[0].length;
  }
}

/** Parses tokens into and-or lists of pipelines; `incomplete` tells an interactive caller to read more lines. */
export interface ParseResult {
  script: Script;
  /** More input is needed to finish the command (an interactive terminal would show `> `). */
  incomplete: boolean;
  openHeredoc?: string;
  openQuote?: string;
}

export function parseScript(src: string): ParseResult {
  const lexer = new Lexer(src);
  const tokens = lexer.run() as Array<Token & { redirect?: Redirect }>;
  const script: Script = [];
  let pos = 0;
  const peek = () => tokens[pos];
  const isOp = (t: Token | undefined, ...ops: string[]) => t?.t === 'op' && ops.includes(t.op);

  const command = (): SimpleCommand => {
    const cmd: SimpleCommand = { words: [], redirects: [] };
    for (;;) {
      const t = peek();
      if (!t) break;
      if (t.t === 'word') {
        cmd.words.push(t.word);
        pos++;
      } else if (isOp(t, '>', '>>', '<', '2>', '2>>', '&>')) {
        pos++;
        const target = peek();
        if (!target || target.t !== 'word') throw new ShellSyntaxError(`syntax error near unexpected token \`${target && target.t === 'op' ? target.op.replace(';', 'newline') : 'newline'}'`);
        cmd.redirects.push({ op: t.op as '>', target: target.word });
        pos++;
      } else if (isOp(t, '2>&1')) {
        cmd.redirects.push({ op: '2>&1' });
        pos++;
      } else if (isOp(t, '<<')) {
        pos++;
        cmd.redirects.push(tokens[pos].redirect!);
        pos++;
      } else break;
    }
    return cmd;
  };

  let incomplete = lexer.incomplete;
  /** After `|`, `&&` or `||` a command may continue on the next line; input ending there needs more. */
  const continuation = (): boolean => {
    while (isOp(peek(), 'nl')) pos++;
    if (pos < tokens.length) return true;
    incomplete = true;
    return false;
  };

  const pipeline = (): Pipeline => {
    const commands = [command()];
    while (isOp(peek(), '|')) {
      pos++;
      if (!continuation()) break;
      commands.push(command());
    }
    for (const c of commands) {
      if (c.words.length === 0 && c.redirects.length === 0) {
        const next = peek();
        throw new ShellSyntaxError(`syntax error near unexpected token \`${next && next.t === 'op' && next.op !== 'nl' ? next.op : 'newline'}'`);
      }
    }
    return { commands };
  };

  while (pos < tokens.length) {
    if (isOp(peek(), 'nl')) {
      pos++;
      continue;
    }
    const t = peek();
    if (t.t === 'op' && ['|', '&&', '||', ';'].includes(t.op)) throw new ShellSyntaxError(`syntax error near unexpected token \`${t.op}'`);
    const item: AndOr = { first: pipeline(), rest: [] };
    while (isOp(peek(), '&&', '||')) {
      const op = (peek() as { op: '&&' | '||' }).op;
      pos++;
      if (!continuation()) break;
      item.rest.push({ op, pipeline: pipeline() });
    }
    script.push(item);
    if (isOp(peek(), ';')) pos++;
  }
  return { script, incomplete, openHeredoc: lexer.openHeredoc, openQuote: lexer.openQuote };
}
