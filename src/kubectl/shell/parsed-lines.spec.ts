import { testShell } from '../testing/fixture';

describe('Shell: a repeated line reuses its parse, never its expansion or output', () => {
  it('expands variables, files and history afresh each time the same text runs', () => {
    const { run } = testShell();
    run('X=one');
    expect(run('echo $X; cat notes.txt 2>/dev/null || echo none').stdout).toBe('one\nnone\n');
    run('X=two');
    run('echo hello > notes.txt');
    expect(run('echo $X; cat notes.txt 2>/dev/null || echo none').stdout).toBe('two\nhello\n');
    expect(run('echo "unterminated').stderr).toMatch(/unexpected EOF/);
    expect(run('echo "unterminated').exitCode).toBe(2);
    expect(run('history | tail -n 2').stdout).toMatch(/echo "unterminated\n.*history \| tail -n 2\n$/);
  });
});
