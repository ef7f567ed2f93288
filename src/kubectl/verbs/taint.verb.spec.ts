import { Node } from '../../cluster-engine';
import { testShell } from '../testing/fixture';

describe('kubectl taint', () => {
  it.each<[string[], string, string, number]>([
    [['kubectl taint nodes worker-1 dedicated=gpu:NoSchedule'], 'node/worker-1 tainted\n', '', 0],
    [['kubectl taint node worker-1 dedicated=gpu:NoSchedule', 'kubectl taint node worker-1 dedicated=gpu:NoSchedule'], '', 'error: node worker-1 already has dedicated taint(s) with same effect(s) and --overwrite is false\n', 1],
    [['kubectl taint no worker-1 dedicated=gpu:NoSchedule', 'kubectl taint no worker-1 dedicated=cpu:NoSchedule --overwrite'], 'node/worker-1 modified\n', '', 0],
    [['kubectl taint nodes worker-1 dedicated=gpu:NoSchedule', 'kubectl taint nodes worker-1 dedicated-'], 'node/worker-1 untainted\n', '', 0],
    [['kubectl taint nodes control-plane node-role.kubernetes.io/control-plane:NoSchedule-'], 'node/control-plane untainted\n', '', 0],
    [['kubectl taint nodes worker-1 dedicated-'], '', 'error: taint "dedicated" not found\n', 1],
    [['kubectl taint nodes worker-1 foo:Bad'], '', 'error: invalid taint spec: foo:Bad, invalid taint effect: Bad, unsupported taint effect\n', 1],
    [['kubectl taint nodes worker-1'], '', 'error: at least one taint update is required\n', 1],
    [['kubectl taint nodes nope a=b:NoSchedule'], '', 'Error from server (NotFound): nodes "nope" not found\n', 1],
  ])('%j', (lines, stdout, stderr, exitCode) => {
    const t = testShell();
    const results = lines.map((l) => t.run(l));
    expect(results.pop()).toEqual({ stdout, stderr, exitCode });
  });

  it('writes the taint to the node', () => {
    const t = testShell();
    t.run('kubectl taint nodes worker-1 dedicated=gpu:NoExecute');
    expect(t.cluster.api.get<Node>('Node', undefined, 'worker-1').spec.taints).toEqual([{ key: 'dedicated', value: 'gpu', effect: 'NoExecute' }]);
  });
});
