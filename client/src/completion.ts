/** Applies a `command:complete` answer to the typed line, as bash does on Tab. Pure. */
export interface CompletionOutcome {
  /** the line after completion (unchanged when nothing could be added) */
  line: string;
  /** candidates to print below the prompt (several and no longer common prefix) */
  list: string[];
}

export function commonPrefix(words: string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0];
  for (const w of words.slice(1)) {
    let i = 0;
    while (i < prefix.length && i < w.length && prefix[i] === w[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}

export function applyCompletion(line: string, prefix: string, candidates: string[]): CompletionOutcome {
  const unique = [...new Set(candidates)];
  // The server completes the trailing word; if the line moved on meanwhile, do nothing.
  if (unique.length === 0 || !line.endsWith(prefix)) return { line, list: [] };
  const head = line.slice(0, line.length - prefix.length);
  if (unique.length === 1) {
    const word = unique[0];
    // A finished word gets a space; a path or flag waiting for its value does not.
    const open = /[/=:]$/.test(word);
    return { line: head + word + (open ? '' : ' '), list: [] };
  }
  const common = commonPrefix(unique);
  if (common.length > prefix.length) return { line: head + common, list: [] };
  return { line, list: unique.sort() };
}

/** Candidates in columns across the terminal width, like bash lists them. */
export function formatColumns(words: string[], width: number): string {
  const colWidth = Math.max(...words.map((w) => w.length)) + 2;
  const perRow = Math.max(1, Math.floor(width / colWidth));
  const rows: string[] = [];
  for (let i = 0; i < words.length; i += perRow) {
    rows.push(words.slice(i, i + perRow).map((w) => w.padEnd(colWidth)).join('').trimEnd());
  }
  return rows.join('\r\n');
}
