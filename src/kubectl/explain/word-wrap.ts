/** mitchellh/go-wordwrap's WrapString (what kubectl explain's `wrap` uses): breaks at spaces, never inside a word. */
export function wrapString(s: string, lim: number): string {
  let out = '';
  let current = 0;
  let word = '';
  let space = '';
  const isSpace = (ch: string) => /\s/.test(ch) && ch !== '\u00a0';
  for (const ch of s) {
    const wordLen = [...word].length;
    const spaceLen = [...space].length;
    if (ch === '\n') {
      if (word.length === 0) {
        if (current + spaceLen > lim) current = 0;
        else out += space;
      } else out += space + word;
      space = '';
      word = '';
      out += ch;
      current = 0;
    } else if (isSpace(ch)) {
      if (space.length === 0 || word.length > 0) {
        current += spaceLen + wordLen;
        out += space + word;
        space = '';
        word = '';
      }
      space += ch;
    } else {
      word += ch;
      const wl = wordLen + 1;
      if (current + spaceLen + wl > lim && wl < lim) {
        out += '\n';
        current = 0;
        space = '';
      }
    }
  }
  if (word.length === 0) {
    if (current + [...space].length <= lim) out += space;
  } else out += space + word;
  return out;
}

/** explain's `wrap`: line breaks in the text are dropped first, then the text is word-wrapped. */
export function wrap(limit: number, text: string): string {
  return wrapString(text.replace(/\n/g, ''), limit);
}

/** explain's `indent`: every line, the first included, gets `amount` spaces. */
export function indent(amount: number, text: string): string {
  const pad = ' '.repeat(amount);
  return pad + text.replace(/\n/g, `\n${pad}`);
}
