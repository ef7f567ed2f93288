/**
 * Go's `text/tabwriter` (without flags): cells are tab-terminated; text after a line's last tab is not aligned.
 * A column block is a run of consecutive lines that have a cell in that column; every cell of the block is
 * padded to max(minWidth, widest cell + padding). Blocks nest: column k's blocks live inside column k-1's.
 */
export interface TabwriterOptions {
  minWidth: number;
  padding: number;
}

/** kubectl get's table writer (cli-runtime tabwriter.go). */
export const TABLE_TABWRITER: TabwriterOptions = { minWidth: 6, padding: 3 };
/** kubectl describe's `tabbedString` writer. */
export const DESCRIBE_TABWRITER: TabwriterOptions = { minWidth: 0, padding: 2 };

/** Cell width in runes (Go's tabwriter counts utf8 runes): the UTF-16 length less one per surrogate pair. */
function width(s: string): number {
  let w = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        w--;
        i++;
      }
    }
  }
  return w;
}

const SPACES = ' '.repeat(128);
const spaces = (n: number): string => (n <= 0 ? '' : n <= SPACES.length ? SPACES.slice(0, n) : ' '.repeat(n));

export function formatTabbed(text: string, opts: TabwriterOptions): string {
  const endsWithNewline = text.endsWith('\n');
  const lines = (endsWithNewline ? text.slice(0, -1) : text).split('\n').map((l) => l.split('\t'));
  return formatCells(lines, opts) + (endsWithNewline ? '\n' : '');
}

/**
 * formatTabbed over lines already split into cells (every cell but a line's last is tab-terminated);
 * the lines come back joined by `\n`, without a final one. Each cell's width is measured once.
 */
export function formatCells(lines: readonly (readonly string[])[], opts: TabwriterOptions): string {
  const cellWidths: number[][] = lines.map((cells) => {
    const w = new Array<number>(Math.max(0, cells.length - 1));
    for (let j = 0; j < cells.length - 1; j++) w[j] = width(cells[j]);
    return w;
  });
  const out: string[] = new Array(lines.length);
  const widths: number[] = [];

  const writeLines = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const cells = lines[i];
      const w = cellWidths[i];
      let line = '';
      for (let j = 0; j < cells.length; j++) line += j < widths.length && j < cells.length - 1 ? cells[j] + spaces(widths[j] - w[j]) : cells[j];
      out[i] = line;
    }
  };

  const format = (line0: number, line1: number) => {
    const column = widths.length;
    let start = line0;
    for (let i = line0; i < line1; i++) {
      if (column >= lines[i].length - 1) continue;
      writeLines(start, i);
      let w = opts.minWidth;
      let end = i;
      for (; end < line1 && column < lines[end].length - 1; end++) w = Math.max(w, cellWidths[end][column] + opts.padding);
      widths.push(w);
      format(i, end);
      widths.pop();
      start = end;
      i = end - 1;
    }
    writeLines(start, line1);
  };

  format(0, lines.length);
  return out.join('\n');
}

/** Buffers text and formats it on `flush()`, like a tabwriter whose Flush ends all open column blocks. */
export class Tabwriter {
  private pending = '';
  private done = '';

  constructor(private readonly opts: TabwriterOptions) {}

  write(text: string): void {
    this.pending += text;
  }

  flush(): void {
    if (this.pending) this.done += formatTabbed(this.pending, this.opts);
    this.pending = '';
  }

  toString(): string {
    this.flush();
    return this.done;
  }
}
