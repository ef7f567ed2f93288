import { parseScript } from './parse';
import { ShellSyntaxError, Word } from './syntax';

const text = (w: Word) => w.parts.map((p) => (p.t === 'lit' ? p.text : p.t === 'var' ? `$${p.name}` : `$(${p.script})`)).join('');
/** Pipelines (and-or lists flattened) → commands → words. */
const argv = (src: string) => parseScript(src).script.flatMap((a) => [a.first, ...a.rest.map((r) => r.pipeline)].map((p) => p.commands.map((c) => c.words.map(text))));

describe('parseScript', () => {
  it.each<[string, string, string[][][]]>([
    ['plain words', 'kubectl get pods', [[['kubectl', 'get', 'pods']]]],
    ['single quotes keep everything', "echo 'a | b; c'", [[['echo', 'a | b; c']]]],
    ['double quotes with escapes', 'echo "say \\"hi\\""', [[['echo', 'say "hi"']]]],
    ['adjacent quoting joins one word', `kubectl get pods -o jsonpath='{.items[*]}'"x"`, [[['kubectl', 'get', 'pods', '-o', 'jsonpath={.items[*]}x']]]],
    ['backslash escapes a space', 'echo a\\ b', [[['echo', 'a b']]]],
    ['pipes', 'kubectl get pods | grep web | wc -l', [[['kubectl', 'get', 'pods'], ['grep', 'web'], ['wc', '-l']]]],
    ['; and newlines separate commands', 'echo a; echo b\necho c', [[['echo', 'a']], [['echo', 'b']], [['echo', 'c']]]],
    ['&& chains', 'true && echo ok', [[['true']], [['echo', 'ok']]]],
    ['comments are dropped', 'echo a # not this', [[['echo', 'a']]]],
    ['variables and substitutions stay parts', 'echo $HOME "$(echo x)"', [[['echo', '$HOME', '$(echo x)']]]],
    ['a pipe may continue on the next line', 'echo a |\n  grep a', [[['echo', 'a'], ['grep', 'a']]]],
  ])('%s', (_n, src, expected) => {
    expect(argv(src)).toEqual(expected);
  });

  it('reads here-document bodies from the following lines, quoted delimiters disabling expansion', () => {
    const { script } = parseScript("cat > f.yaml <<'EOF'\nkind: Pod\n  name: $x\nEOF\necho done");
    const cat = script[0].first.commands[0];
    expect(cat.redirects).toEqual([
      { op: '>', target: { parts: [{ t: 'lit', text: 'f.yaml', quoted: false }] } },
      { op: '<<', body: 'kind: Pod\n  name: $x\n', expand: false },
    ]);
    expect(script[1].first.commands[0].words.map(text)).toEqual(['echo', 'done']);
    expect(parseScript('cat <<EOF\nx\nEOF').script[0].first.commands[0].redirects[0]).toEqual({ op: '<<', body: 'x\n', expand: true });
    expect(parseScript('cat <<-EOF\n\tx\n\tEOF').script[0].first.commands[0].redirects[0]).toEqual({ op: '<<', body: 'x\n', expand: true });
  });

  it.each([
    ['echo "open', true],
    ["echo 'open", true],
    ['cat <<EOF\nno end', true],
    ['echo a |', true],
    ['echo a &&', true],
    ['echo a', false],
  ])('knows %j is incomplete: %s', (src, incomplete) => {
    expect(parseScript(src).incomplete).toBe(incomplete);
  });

  it.each([['| grep x'], ['echo a ; ; echo b'], ['echo >'], ['&& echo']])('rejects %j', (src) => {
    expect(() => parseScript(src)).toThrow(ShellSyntaxError);
  });

  it('parses redirections with file descriptors', () => {
    const cmd = parseScript('kubectl get pods 2>/dev/null >> out.txt 2>&1 < in').script[0].first.commands[0];
    expect(cmd.redirects.map((r) => r.op)).toEqual(['2>', '>>', '2>&1', '<']);
    expect(cmd.words.map(text)).toEqual(['kubectl', 'get', 'pods']);
  });
});
