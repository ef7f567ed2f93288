import { DESCRIBE_TABWRITER, formatCells, formatTabbed, TABLE_TABWRITER, Tabwriter, type TabwriterOptions } from './tabwriter';
import { Rng } from '../../cluster-engine/rng';

/** The first, straightforward implementation (cells re-measured with [...s] on every use): the optimised one must agree. */
function referenceTabbed(text: string, opts: TabwriterOptions): string {
  const width = (s: string): number => [...s].length;
  const endsWithNewline = text.endsWith('\n');
  const lines = (endsWithNewline ? text.slice(0, -1) : text).split('\n').map((l) => l.split('\t'));
  const out: string[] = new Array(lines.length);
  const widths: number[] = [];
  const writeLines = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const cells = lines[i];
      out[i] = cells.map((c, j) => (j < widths.length && j < cells.length - 1 ? c + ' '.repeat(Math.max(0, widths[j] - width(c))) : c)).join('');
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
      for (; end < line1 && column < lines[end].length - 1; end++) w = Math.max(w, width(lines[end][column]) + opts.padding);
      widths.push(w);
      format(i, end);
      widths.pop();
      start = end;
      i = end - 1;
    }
    writeLines(start, line1);
  };
  format(0, lines.length);
  return out.join('\n') + (endsWithNewline ? '\n' : '');
}

/** The engine's seeded PRNG, so a failure names its seed. */
function rng(seed: number): () => number {
  const r = new Rng(seed);
  return () => r.next();
}

describe('formatTabbed (Go text/tabwriter)', () => {
  it.each([
    ['table: width is max(cell + 3, 6), last column unpadded', 'NAME\tREADY\tSTATUS\nweb\t1/1\tRunning\n', TABLE_TABWRITER, 'NAME   READY   STATUS\nweb    1/1     Running\n'],
    ['table: min width 6 for short cells', 'A\tB\nx\ty\n', TABLE_TABWRITER, 'A     B\nx     y\n'],
    ['describe: padding 2, no min width', 'Name:\tweb\nNamespace:\tdefault\n', DESCRIBE_TABWRITER, 'Name:       web\nNamespace:  default\n'],
    ['a line without tabs ends the block', 'Name:\tx\nIPs:\n  IP:\t10.0.0.1\nControlled By:\tRS/x\n', DESCRIBE_TABWRITER, 'Name:  x\nIPs:\n  IP:           10.0.0.1\nControlled By:  RS/x\n'],
    ['nested blocks: column 1 only spans lines that have it', 'a\tb\tc\naaaa\tb\nx\tyyyyy\tz\n', DESCRIBE_TABWRITER, 'a     b  c\naaaa  b\nx     yyyyy  z\n'],
    ['trailing-space cells as in Conditions rows', 'Type\tStatus\nReady \tTrue \n', DESCRIBE_TABWRITER, 'Type    Status\nReady   True \n'],
    ['empty columns still take padding', 'Name\t\tCPU\nweb\t\t100m\n', DESCRIBE_TABWRITER, 'Name    CPU\nweb     100m\n'],
  ])('%s', (_n, input, opts, expected) => {
    expect(formatTabbed(input, opts)).toBe(expected);
  });

  it('flush() aligns what was written so far independently of what follows', () => {
    const w = new Tabwriter(DESCRIBE_TABWRITER);
    w.write('A-very-long-key:\tv\n');
    w.flush();
    w.write('k:\tv\n');
    expect(w.toString()).toBe('A-very-long-key:  v\nk:  v\n');
  });

  it('counts runes, not UTF-16 units', () => {
    expect(formatTabbed('●x\ty\nab\tz\n', DESCRIBE_TABWRITER)).toBe('●x  y\nab  z\n');
  });

  it('agrees with the reference implementation on random tables (ragged rows, empty cells, wide runes, lone surrogates)', () => {
    const pieces = ['', 'a', 'web-7d4b9', 'Running', '●', '😀x', 'é', '\ud800', '\udc00z', '   ', '1/1', 'CrashLoopBackOff', 'x'.repeat(140)];
    for (let seed = 1; seed <= 400; seed++) {
      const r = rng(seed);
      const lineCount = Math.floor(r() * 8);
      const lines: string[] = [];
      for (let i = 0; i < lineCount; i++) {
        const cells = Array.from({ length: Math.floor(r() * 6) }, () => pieces[Math.floor(r() * pieces.length)]);
        lines.push(cells.join('\t') + (r() < 0.3 ? '\t' : ''));
      }
      const text = lines.join('\n') + (r() < 0.7 ? '\n' : '');
      for (const opts of [TABLE_TABWRITER, DESCRIBE_TABWRITER]) {
        expect({ seed, out: formatTabbed(text, opts) }).toEqual({ seed, out: referenceTabbed(text, opts) });
      }
    }
  });

  it('formatCells lays out cells as formatTabbed lays out the same text', () => {
    const rows = [['NAME', 'READY', 'STATUS'], ['web-1', '1/1', 'Running'], ['a-much-longer-name', '0/1', 'CrashLoopBackOff']];
    expect(formatCells(rows, TABLE_TABWRITER) + '\n').toBe(formatTabbed(`${rows.map((r) => r.join('\t')).join('\n')}\n`, TABLE_TABWRITER));
  });
});
