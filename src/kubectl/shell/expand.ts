import { listDirectory } from './fs-view';
import { ShellState } from './state';
import { Word } from './syntax';
import { HOME, VirtualFs } from './vfs';

/** Runs a `$(…)` script and returns its stdout; its stderr goes to `onError`. */
export type Substitute = (script: string, onError: (e: string) => void) => string;

/** Word expansion as bash does it, minus what the game does not need: variables, `$(…)`, `~`, simple globs. */
export class Expander {
  constructor(
    private readonly state: ShellState,
    private readonly vfs: VirtualFs,
    private readonly substitute: Substitute,
  ) {}

  /** One word's fields: unquoted expansion results are split on whitespace; unmatched globs stay literal. */
  word(w: Word, onError: (e: string) => void = () => undefined): string[] {
    const fields: string[] = [];
    let cur = '';
    let has = false;
    let glob = false;
    w.parts.forEach((p, idx) => {
      if (p.t === 'lit') {
        const text = !p.quoted && idx === 0 && (p.text === '~' || p.text.startsWith('~/')) ? HOME + p.text.slice(1) : p.text;
        if (!p.quoted && /[*?]/.test(text)) glob = true;
        cur += text;
        has = true;
        return;
      }
      const text = p.t === 'var' ? this.variable(p.name) : this.substitute(p.script, onError);
      if (p.quoted) {
        cur += text;
        has = true;
        return;
      }
      text.split(/[ \t\n]+/).forEach((piece, i) => {
        if (i > 0) {
          if (has) fields.push(cur);
          cur = '';
          has = false;
        }
        if (piece) {
          cur += piece;
          has = true;
        }
      });
    });
    if (has) fields.push(cur);
    return glob ? fields.flatMap((f) => this.glob(f)) : fields;
  }

  /** A word as one string (redirect targets). */
  text(w: Word): string {
    return this.word(w).join(' ');
  }

  /** Here-document bodies with an unquoted delimiter: `$VAR`, `${VAR}`, `$(…)` and `\$` are expanded. */
  heredoc(body: string, onError: (e: string) => void): string {
    return body.replace(/\\([$`\\])|\$\(([^()]*)\)|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*|\?)/g, (_m, esc: string, cmd: string, braced: string, plain: string) => {
      if (esc) return esc;
      if (cmd !== undefined) return this.substitute(cmd, onError);
      return this.variable(braced ?? plain);
    });
  }

  private variable(name: string): string {
    if (name === '?') return String(this.state.lastExitCode);
    if (name === 'PWD') return this.state.cwd;
    return this.state.env[name] ?? '';
  }

  private glob(pattern: string): string[] {
    const slash = pattern.lastIndexOf('/');
    const dir = slash >= 0 ? pattern.slice(0, slash + 1) : '';
    const base = pattern.slice(slash + 1);
    const re = new RegExp(`^${base.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
    const names = listDirectory(this.vfs, VirtualFs.resolve(dir || '.', this.state.cwd))
      .map((n) => n.replace(/\/$/, ''))
      .filter((n) => re.test(n) && (!n.startsWith('.') || base.startsWith('.')));
    return names.length ? names.map((n) => dir + n) : [pattern];
  }
}
