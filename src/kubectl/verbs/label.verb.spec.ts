import { pod, testShell } from '../testing/fixture';

const steps = (lines: string[]) => {
  const t = testShell([pod('web', 'nginx:1.27', { metadata: { labels: { app: 'web' } } })]);
  return lines.map((l) => t.run(l));
};

describe('kubectl label / annotate', () => {
  it.each<[string[], string, string, number]>([
    [['kubectl label pod web tier=fe'], 'pod/web labeled\n', '', 0],
    [['kubectl label pods/web tier=fe', 'kubectl label pod web tier=be'], '', "error: 'tier' already has a value (fe), and --overwrite is false\n", 1],
    [['kubectl label pod web tier=fe', 'kubectl label pod web tier=be --overwrite'], 'pod/web labeled\n', '', 0],
    [['kubectl label pod web app-'], 'pod/web unlabeled\n', '', 0],
    [['kubectl label pod web nope-'], 'pod/web not labeled\n', 'label "nope" not found.\n', 0],
    [['kubectl label pod web'], '', 'error: at least one label update is required\n', 1],
    [['kubectl label pod web --list'], 'app=web\n', '', 0],
    [['kubectl label nodes worker-1 disk=ssd'], 'node/worker-1 labeled\n', '', 0],
    [['kubectl annotate pod web note=hi'], 'pod/web annotated\n', '', 0],
    [['kubectl annotate pod web note=hi', 'kubectl annotate pod web note=ho'], '', "error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (hi)\n", 1],
  ])('%j', (lines, stdout, stderr, exitCode) => {
    expect(steps(lines).pop()).toEqual({ stdout, stderr, exitCode });
  });

  it('changes what a selector matches', () => {
    const t = testShell([pod('web', 'nginx:1.27')]);
    t.run('kubectl label pod web tier=fe');
    expect(t.run('kubectl get pods -l tier=fe -o name').stdout).toBe('pod/web\n');
  });
});
