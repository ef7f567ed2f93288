import { parseAllDocuments } from 'yaml';

/** cmdutil.ManualStrip: drops the lines that are comments (`#`, not `#!`). */
export function manualStrip(text: string): string {
  return text
    .split('\n')
    .filter((line) => {
      const t = line.trim();
      return !(t.startsWith('#') && !t.startsWith('#!'));
    })
    .join('\n');
}

/** cmdutil.StripComments: the file as JSON when it parses (comments and layout do not count), else manually stripped. */
export function stripComments(text: string): string {
  try {
    const docs = parseAllDocuments(text);
    const list = Array.isArray(docs) ? docs : [docs];
    if (list.some((d) => d.errors.length > 0)) return manualStrip(text);
    return JSON.stringify(list.map((d) => d.toJS({ maxAliasCount: 100 }) as unknown));
  } catch {
    return manualStrip(text);
  }
}

/** hasLines: whether any line is neither blank nor a comment. */
export function hasLines(text: string): boolean {
  return text.split('\n').some((line) => {
    const t = line.trim();
    return t.length > 0 && t[0] !== '#';
  });
}

/** hashOnLineBreak: a multi-line message stays inside the comment block. */
export function hashOnLineBreak(s: string): string {
  return s.replace(/\n(?!#)/g, '\n# ');
}
