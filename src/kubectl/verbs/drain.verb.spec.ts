import { pod, testShell } from '../testing/fixture';

describe('kubectl drain', () => {
  function scene() {
    const t = testShell([pod('web', 'nginx:1.27')]);
    t.cluster.tick(20_000);
    return t;
  }

  it('refuses pods without a controller unless --force, leaving the node cordoned', () => {
    const t = scene();
    expect(t.run('kubectl drain worker-1')).toEqual({
      stdout: 'node/worker-1 cordoned\n',
      stderr:
        'error: unable to drain node "worker-1" due to error:cannot delete Pods that declare no controller (use --force to override): default/web, continuing command...\nThere are pending nodes to be drained:\n worker-1\nerror: cannot delete Pods that declare no controller (use --force to override): default/web\n',
      exitCode: 1,
    });
    expect(t.run('kubectl get node worker-1 --no-headers').stdout).toMatch(/Ready,SchedulingDisabled/);
  });

  it('evicts with --force', () => {
    const t = scene();
    expect(t.run('kubectl drain worker-1 --ignore-daemonsets --force')).toEqual({
      stdout: 'node/worker-1 cordoned\nevicting pod default/web\npod/web evicted\nnode/worker-1 drained\n',
      stderr: 'Warning: deleting Pods that declare no controller: default/web\n',
      exitCode: 0,
    });
    expect(t.run('kubectl get pod web --no-headers').stdout).toMatch(/Terminating/);
  });

  it('needs a node', () => {
    expect(scene().run('kubectl drain').stderr).toBe("error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples\n");
  });
});
