import { Cluster, KubeObject } from '../../cluster-engine';
import { Shell } from '../shell/shell';
import { VirtualFs } from '../shell/vfs';

function setup() {
  const cluster = Cluster.create(
    {
      nodes: [{ name: 'controlplane', role: 'control-plane' }, { name: 'node01' }],
      registry: [{ name: 'nginx', tags: { '1.27': {} }, behaviour: { listens: [80] } }],
      objects: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } as KubeObject],
    },
    4,
  );
  cluster.tick(10_000);
  return { cluster, shell: new Shell(cluster, new VirtualFs()) };
}

describe('kubectl get -w', () => {
  it('prints the table, then one row per change without the header, until interrupted', () => {
    const { cluster, shell } = setup();
    const r = shell.run('kubectl get pods -w');
    expect(r.stdout).toBe('NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          10s\n');
    expect(r.stream).toBeDefined();
    shell.run('kubectl run api --image=nginx:1.27.99');
    cluster.tick(1_000);
    const rows = r.stream!.poll().trimEnd().split('\n');
    // the new pod appears (scheduled, then waiting) under the same columns
    expect(rows[0]).toMatch(/^api    0\/1     (Pending|ContainerCreating)\s+0          [01]s$/);
    cluster.tick(10_000);
    expect(r.stream!.poll()).toMatch(/^api    0\/1     (ErrImagePull|ImagePullBackOff)\s+0\s+11s$/m);
    r.stream!.close();
    shell.run('kubectl delete pod api');
    cluster.tick(2_000);
    expect(r.stream!.poll()).toBe('');
  });

  it('ends at once when piped or redirected', () => {
    const { shell } = setup();
    expect(shell.run('kubectl get pods -w | grep web').stream).toBeUndefined();
    expect(shell.run('kubectl get pods -w > /tmp/pods').stream).toBeUndefined();
    expect(shell.run('kubectl get pods -w; echo done').stream).toBeUndefined();
  });
});
