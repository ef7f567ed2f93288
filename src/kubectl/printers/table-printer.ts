import { Table, TableColumnDefinition } from '../../cluster-engine';
import { formatCells, formatTabbed, TABLE_TABWRITER } from './tabwriter';

export interface TableLayoutOptions {
  wide?: boolean;
  noHeaders?: boolean;
  /** `-A`: a NAMESPACE column first (namespaced kinds only). */
  withNamespace?: boolean;
  /** `pod`, `lease.coordination.k8s.io`: prefixes the name column when several kinds are printed together. */
  kindPrefix?: string;
  showLabels?: boolean;
  /** `-L key`: one column per label key, after the printer's columns. */
  labelColumns?: string[];
}

type Cell = string | number | boolean;

/** Cut a cell at its first line break and mark the cut with `...` (tableprinter.go). */
function escapeCell(cell: Cell | null | undefined): string {
  if (cell === null || cell === undefined) return '';
  const text = String(cell);
  const cut = text.search(/[\n\r\f]/);
  return cut >= 0 ? `${text.slice(0, cut)}...` : text;
}

function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${labels![k]}`).join(',') : '<none>';
}

/** kubectl's header for `-L app.kubernetes.io/name` is the last path segment, upper-cased. */
function labelHeader(key: string): string {
  const parts = key.split('/');
  return parts[parts.length - 1];
}

/**
 * Lays out a server Table as kubectl's table printer does: wide columns only with `-o wide`, headers
 * upper-cased and omitted when there are no rows, tabwriter alignment (padding 3, min width 6).
 */
export function renderTable(table: Table, opts: TableLayoutOptions = {}): string {
  const visible = table.columnDefinitions.map((c) => c.priority === 0 || !!opts.wide);
  const nameIndex = table.columnDefinitions.findIndex((c) => c.format === 'name');
  const headers: string[] = [];
  if (opts.withNamespace) headers.push('NAMESPACE');
  table.columnDefinitions.forEach((c: TableColumnDefinition, i) => visible[i] && headers.push(c.name.toUpperCase()));
  for (const key of opts.labelColumns ?? []) headers.push(labelHeader(key).toUpperCase());
  if (opts.showLabels) headers.push('LABELS');

  const lines: string[][] = [];
  if (!opts.noHeaders && table.rows.length > 0) lines.push(headers);
  const labelColumns = opts.labelColumns ?? [];
  for (const row of table.rows) {
    const meta = row.object.metadata;
    const cells: string[] = [];
    if (opts.withNamespace) cells.push(meta.namespace ?? '');
    for (let i = 0; i < row.cells.length; i++) {
      if (!visible[i]) continue;
      const text = escapeCell(row.cells[i]);
      cells.push(i === nameIndex && opts.kindPrefix ? `${opts.kindPrefix}/${text}` : text);
    }
    for (const key of labelColumns) cells.push(meta.labels?.[key] ?? '');
    if (opts.showLabels) cells.push(formatLabels(meta.labels));
    lines.push(cells);
  }
  if (lines.length === 0) return '';
  // A tab or line break inside a cell (a label value, say) splits it as the text tabwriter would; otherwise lay out the cells as they are.
  const plain = lines.every((cells) => cells.every((c) => !c.includes('\t') && !c.includes('\n')));
  return plain ? `${formatCells(lines, TABLE_TABWRITER)}\n` : formatTabbed(`${lines.map((cells) => cells.join('\t')).join('\n')}\n`, TABLE_TABWRITER);
}
