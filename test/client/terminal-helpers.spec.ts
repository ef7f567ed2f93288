import { colorizeStderr, colorizeStdout } from '../../client/src/colorize';
import { applyCompletion, commonPrefix, formatColumns } from '../../client/src/completion';
import { LineEditor } from '../../client/src/line-editor';
import { namespaceSwitch } from '../../client/src/namespace-tracker';

describe('tab completion (bash-like)', () => {
  it.each([
    ['one candidate completes the word and adds a space', 'kubectl get po', 'po', ['pods'], 'kubectl get pods ', []],
    ['a flag waiting for its value gets no space', 'kubectl get pods --names', '--names', ['--namespace='], 'kubectl get pods --namespace=', []],
    ['several candidates complete their common prefix', 'kubectl get pods web', 'web', ['web-7d9f-abcde', 'web-7d9f-xyz12'], 'kubectl get pods web-7d9f-', []],
    ['several with nothing in common are listed, sorted', 'kubectl d', 'd', ['describe', 'delete', 'drain'], 'kubectl d', ['delete', 'describe', 'drain']],
    ['no candidate leaves the line alone', 'kubectl get zz', 'zz', [], 'kubectl get zz', []],
    ['an answer for a line that moved on is ignored', 'kubectl get x', 'po', ['pods'], 'kubectl get x', []],
    ['duplicates count once', 'kubectl get po', 'po', ['pods', 'pods'], 'kubectl get pods ', []],
  ])('%s', (_name, line, prefix, candidates, expectedLine, expectedList) => {
    expect(applyCompletion(line, prefix, candidates)).toEqual({ line: expectedLine, list: expectedList });
  });

  it('finds the common prefix and lays candidates out in columns', () => {
    expect(commonPrefix(['deployments', 'deploy', 'depth'])).toBe('dep');
    expect(commonPrefix([])).toBe('');
    expect(formatColumns(['apply', 'annotate', 'api-resources'], 32)).toBe('apply          annotate\r\napi-resources');
  });

  it('Tab asks the host for completions of the current line and replace() redraws it', () => {
    const asked: string[] = [];
    const redraws: string[] = [];
    const editor = new LineEditor({ write: () => undefined, submit: () => undefined, interrupt: () => undefined, redraw: (l) => redraws.push(l), complete: (l) => asked.push(l) });
    editor.feed('kubectl get po\t');
    expect(asked).toEqual(['kubectl get po']);
    editor.replace('kubectl get pods ');
    expect(editor.line).toBe('kubectl get pods ');
    expect(redraws).toEqual(['kubectl get pods ']);
  });

  it('history starts from what was stored and reports every new line to persist it', () => {
    const saved: string[][] = [];
    const redraws: string[] = [];
    const editor = new LineEditor(
      { write: () => undefined, submit: () => undefined, interrupt: () => undefined, redraw: (l) => redraws.push(l), historyChanged: (h) => saved.push([...h]) },
      ['kubectl get nodes'],
    );
    editor.feed('\x1b[A');
    expect(editor.line).toBe('kubectl get nodes');
    editor.feed('\r');
    editor.feed('kubectl get pods\r');
    expect(saved.at(-1)).toEqual(['kubectl get nodes', 'kubectl get pods']);
  });
});

describe('kubectl colours', () => {
  it('colours a table header and status words, and leaves YAML and logs as printed', () => {
    const table = 'NAME   READY   STATUS             RESTARTS   AGE\nweb    0/1     ImagePullBackOff   0          5s\napi    1/1     Running            0          5s\n';
    const out = colorizeStdout(table);
    expect(out).toContain('\x1b[1m\x1b[36mNAME');
    expect(out).toContain('\x1b[31mImagePullBackOff\x1b[0m');
    expect(out).toContain('\x1b[32mRunning\x1b[0m');
    expect(out.replace(/\x1b\[[0-9;]*m/g, '')).toBe(table);
    const yaml = 'status:\n  phase: Running\n';
    expect(colorizeStdout(yaml)).toBe(yaml);
    expect(colorizeStdout('  Warning  BackOff  5s  kubelet  Back-off pulling image')).toContain('\x1b[33mWarning');
    expect(colorizeStderr('Error from server (NotFound)\n')).toBe('\x1b[31mError from server (NotFound)\n\x1b[0m');
    expect(colorizeStderr('')).toBe('');
  });
});

describe('the prompt namespace', () => {
  it.each([
    ['kubectl config set-context --current --namespace=shop', 0, 'shop'],
    ['kubectl config set-context --current --namespace shop', 0, 'shop'],
    ['kubectl config set-context --current --namespace=shop', 1, null],
    ['kubectl config set-context other --namespace=shop', 0, null],
    ['kubectl get pods -n shop', 0, null],
    ['kubectl config set-context --current --namespace=Bad_Name', 0, null],
  ])('%s (exit %i) → %s', (command, exitCode, expected) => {
    expect(namespaceSwitch(command, exitCode)).toBe(expected);
  });
});
