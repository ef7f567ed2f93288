/**
 * kubectl reuses a pure command's output (get without -w) only while nothing it could print has changed: the
 * cluster's objects, its clock, the namespace (flag or kubeconfig), the exact arguments, the cluster itself.
 * Each case runs the command, changes one thing, and expects exactly what a fresh, uncached run prints.
 */
import { Cluster } from '../cluster-engine';
import { runKubectl } from './kubectl';
import { Shell } from './shell/shell';
import { VirtualFs } from './shell/vfs';
import { pod, testShell } from './testing/fixture';

/** The same command in a cluster of its own restored from this one's snapshot: never seen by the cache. */
function fresh(cluster: Cluster, vfs: VirtualFs, line: string): string {
  const twin = Cluster.restore(cluster.snapshot());
  const r = new Shell(twin, new VirtualFs(vfs.toJSON())).run(line);
  return r.stdout + r.stderr;
}

function settle(cluster: Cluster): void {
  cluster.tick(30_000);
}

describe('kubectl output cache', () => {
  it('gives the same text again while the cluster and its clock stand still', () => {
    const { cluster, run } = testShell([pod('web', 'nginx:1.27')]);
    settle(cluster);
    const first = run('kubectl get pods');
    expect(first.stdout).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nweb\s+1\/1\s+Running\s+0\s+30s\n$/);
    expect(run('kubectl get pods')).toEqual(first);
    expect(run('kubectl get pods')).not.toBe(first); // a copy: the caller may change its result
  });

  it('prints the new state after a write, even within the same millisecond', () => {
    const { cluster, vfs, run } = testShell([pod('web', 'nginx:1.27')]);
    settle(cluster);
    run('kubectl get pods');
    run('kubectl label pod web tier=front');
    const out = run('kubectl get pods --show-labels');
    expect(out.stdout).toContain('tier=front');
    cluster.api.delete('Pod', 'default', 'web', { gracePeriodSeconds: 0 });
    const after = run('kubectl get pods');
    expect(after.stdout + after.stderr).toBe(fresh(cluster, vfs, 'kubectl get pods'));
    expect(after.stdout).not.toContain('web ');
  });

  it('prints the new ages once the clock moved, though no object changed', () => {
    const { cluster, run } = testShell([pod('web', 'nginx:1.27')]);
    settle(cluster);
    expect(run('kubectl get pods').stdout).toMatch(/30s\n$/);
    // A simulated second in which nothing was written (no heartbeat due): only the clock tells the outputs apart.
    let quietSeconds = 0;
    for (let s = 31; s <= 60; s++) {
      const rv = cluster.resourceVersion;
      run('kubectl get pods');
      cluster.tick(1_000);
      expect(run('kubectl get pods').stdout).toMatch(new RegExp(`\\s${s}s\\n$`));
      if (cluster.resourceVersion === rv) quietSeconds++;
    }
    expect(quietSeconds).toBeGreaterThan(0);
  });

  it('follows the namespace of the kubeconfig and of -n, and the exact arguments', () => {
    const { cluster, vfs, run } = testShell([pod('web', 'nginx:1.27')]);
    cluster.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'data' } });
    cluster.api.create({ ...pod('db', 'nginx:1.27'), metadata: { name: 'db', namespace: 'data' } });
    settle(cluster);
    expect(run('kubectl get pods').stdout).toContain('web');
    expect(run('kubectl config set-context --current --namespace=data').exitCode).toBe(0);
    const inData = run('kubectl get pods');
    expect(inData.stdout).toContain('db');
    expect(inData.stdout).not.toContain('web');
    expect(run('kubectl get pods -n default').stdout).toContain('web');
    expect(run('kubectl get pods -o wide').stdout).toContain('NOMINATED NODE');
    expect(run('kubectl get pods --no-headers').stdout).not.toContain('NAME');
    expect(run('kubectl get pods').stdout).toBe(fresh(cluster, vfs, 'kubectl get pods'));
  });

  it('never shares outputs between clusters, even at the same resourceVersion and time', () => {
    const a = testShell([pod('web', 'nginx:1.27')], 3);
    const b = testShell([pod('api', 'nginx:1.27')], 3);
    settle(a.cluster);
    settle(b.cluster);
    expect(a.cluster.resourceVersion).toBe(b.cluster.resourceVersion);
    expect(a.run('kubectl get pods').stdout).toContain('web');
    expect(b.run('kubectl get pods').stdout).toContain('api');
    expect(b.run('kubectl get pods').stdout).not.toContain('web');
  });

  it('keeps `get -w` running (never cached) and leaves commands that write alone', () => {
    const { cluster, run } = testShell([pod('web', 'nginx:1.27')]);
    settle(cluster);
    const w1 = run('kubectl get pods -w');
    const w2 = run('kubectl get pods -w');
    expect(w1.stream).toBeDefined();
    expect(w2.stream).toBeDefined();
    expect(w2.stream).not.toBe(w1.stream);
    w1.stream!.close();
    w2.stream!.close();
    const env = { cluster, vfs: new VirtualFs(), cwd: '/root', stdin: '' };
    expect(runKubectl(['delete', 'pod', 'web', '--grace-period=0', '--force'], env).exitCode).toBe(0);
    expect(runKubectl(['delete', 'pod', 'web', '--grace-period=0', '--force'], env).exitCode).toBe(1);
    expect(runKubectl(['get', 'pods'], env).stderr).toBe('No resources found in default namespace.\n');
  });
});

