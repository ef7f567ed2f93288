import { DESCRIBE_TABWRITER, Tabwriter } from '../printers/tabwriter';

/** describe.go's PrefixWriter: two spaces of indent per level over one `tabbedString` tabwriter. */
export class PrefixWriter {
  private readonly tw = new Tabwriter(DESCRIBE_TABWRITER);

  write(level: number, text: string): void {
    this.tw.write('  '.repeat(level) + text);
  }

  /** `WriteLine`: text plus newline, no indent. */
  writeLine(text = ''): void {
    this.tw.write(`${text}\n`);
  }

  /** Ends all open column blocks (DescribeEvents flushes before its table). */
  flush(): void {
    this.tw.flush();
  }

  toString(): string {
    return this.tw.toString();
  }
}

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
