import { LineEditor } from '../../client/src/line-editor';

function harness() {
  const out: string[] = [];
  const submitted: string[] = [];
  let interrupts = 0;
  const redraws: string[] = [];
  const editor = new LineEditor({
    write: (t) => out.push(t),
    submit: (l) => submitted.push(l),
    interrupt: () => interrupts++,
    redraw: (l) => redraws.push(l),
  });
  return { editor, out, submitted, redraws, interrupts: () => interrupts };
}

const UP = '\x1b[A';
const DOWN = '\x1b[B';

describe('LineEditor', () => {
  it('echoes printable characters and submits on enter', () => {
    const h = harness();
    h.editor.feed('kubectl');
    h.editor.feed('\r');
    expect(h.out.join('')).toBe('kubectl\r\n');
    expect(h.submitted).toEqual(['kubectl']);
  });

  it('backspace removes the last character only when there is one', () => {
    const h = harness();
    h.editor.feed('ab\x7f\x7f\x7fc\r');
    expect(h.submitted).toEqual(['c']);
  });

  it('Ctrl-C clears the line and interrupts', () => {
    const h = harness();
    h.editor.feed('oops\x03');
    expect(h.editor.line).toBe('');
    expect(h.interrupts()).toBe(1);
    expect(h.submitted).toEqual([]);
  });

  it('browses history with up and down, keeping the draft', () => {
    const h = harness();
    h.editor.feed('one\rtwo\rdra');
    h.editor.feed(UP);
    expect(h.editor.line).toBe('two');
    h.editor.feed(UP + UP);
    expect(h.editor.line).toBe('one');
    h.editor.feed(DOWN + DOWN);
    expect(h.editor.line).toBe('dra');
    expect(h.redraws).toEqual(['two', 'one', 'two', 'dra']);
  });

  it('splits a multi-line paste into lines (CRLF counts once) and ignores other escape sequences', () => {
    const h = harness();
    h.editor.feed('a\r\nb\nc\x1b[C\x1b[1;5D\r');
    expect(h.submitted).toEqual(['a', 'b', 'c']);
  });
});
