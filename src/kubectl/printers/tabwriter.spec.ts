import { DESCRIBE_TABWRITER, formatTabbed, TABLE_TABWRITER, Tabwriter } from './tabwriter';

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
});
