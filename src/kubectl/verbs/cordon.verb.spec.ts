import { testShell } from '../testing/fixture';

describe('kubectl cordon / uncordon', () => {
  it.each<[string[], string, string, number]>([
    [['kubectl cordon worker-1'], 'node/worker-1 cordoned\n', '', 0],
    [['kubectl cordon worker-1', 'kubectl cordon worker-1'], 'node/worker-1 already cordoned\n', '', 0],
    [['kubectl cordon worker-1', 'kubectl uncordon worker-1'], 'node/worker-1 uncordoned\n', '', 0],
    [['kubectl uncordon worker-1'], 'node/worker-1 already uncordoned\n', '', 0],
    [['kubectl cordon worker-1 --dry-run=client'], 'node/worker-1 cordoned (dry run)\n', '', 0],
    [['kubectl cordon nope'], '', 'Error from server (NotFound): nodes "nope" not found\n', 1],
    [['kubectl cordon'], '', "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n", 1],
  ])('%j', (lines, stdout, stderr, exitCode) => {
    const t = testShell();
    let r = t.run(lines[0]);
    for (const l of lines.slice(1)) r = t.run(l);
    expect(r).toEqual({ stdout, stderr, exitCode });
  });

  it('marks the node unschedulable in the API', () => {
    const t = testShell();
    t.run('kubectl cordon -l kubernetes.io/hostname=worker-1');
    expect(t.cluster.api.get('Node', undefined, 'worker-1').spec).toMatchObject({ unschedulable: true });
  });
});
