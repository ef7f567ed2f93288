import { Cluster, Node, Pod } from '../../cluster-engine';
import { Shell } from '../../kubectl/shell/shell';
import { VirtualFs } from '../../kubectl/shell/vfs';
import { FAULTS } from './registry';

function scene() {
  const cluster = Cluster.create(
    {
      nodes: [{ name: 'controlplane', role: 'control-plane' }, { name: 'node01' }],
      registry: [{ name: 'nginx', tags: { '1.27': {} }, behaviour: { listens: [80], memoryMiB: 40 } }],
      objects: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } as Pod],
    },
    3,
  );
  cluster.tick(15_000);
  return { cluster, shell: new Shell(cluster, new VirtualFs()) };
}

function inject(cluster: Cluster, params: Record<string, unknown>): void {
  const plugin = FAULTS.get(params.type as string)!;
  const parsed = plugin.parse(params as never);
  if (typeof parsed === 'string') throw new Error(parsed);
  plugin.apply(cluster, parsed as never);
}

const condition = (c: Cluster, type: string) => c.api.get<Node>('Node', undefined, 'node01').status.conditions!.find((x) => x.type === type)!.status;

describe('pressure faults, diagnosed and fixed from a node shell', () => {
  it('fill-disk: df shows the full disk, du finds the file, rm frees it and DiskPressure clears', () => {
    const { cluster, shell } = scene();
    inject(cluster, { type: 'fill-disk', node: 'node01' });
    cluster.tick(40_000);
    expect(condition(cluster, 'DiskPressure')).toBe('True');
    // The killed container's terminated reason wins in STATUS (kubectl ≥1.2x); describe shows the pod's reason.
    expect(shell.run('kubectl get pods').stdout).toMatch(/web {4}0\/1 {5}Error/);
    expect(shell.run('kubectl describe pod web').stdout).toMatch(/\nStatus: +Failed\nReason: +Evicted\nMessage: +The node was low on resource: ephemeral-storage\. Threshold quantity: \d+, available: \d+(Ki)?\. \n/);
    expect(shell.run('kubectl describe node node01').stdout).toContain('node.kubernetes.io/disk-pressure:NoSchedule');
    shell.run('ssh node01');
    expect(shell.run('df -h /').stdout).toMatch(/^Filesystem +Size +Used +Avail +Use% +Mounted on\n\/dev\/root +98G +\d+G +\S+ +9[5-9]% \/\n/);
    expect(shell.run('du -sh /var/lib/backup').stdout).toMatch(/^\d+G\t\/var\/lib\/backup\n$/);
    expect(shell.run('rm /var/lib/backup/db-dump.tar').exitCode).toBe(0);
    expect(shell.run('df -h /').stdout).toMatch(/\/dev\/root +98G +\d+G +\d+G +[1-3]\d% \//);
    shell.run('exit');
    cluster.tick(330_000);
    expect(condition(cluster, 'DiskPressure')).toBe('False');
    expect(shell.run('kubectl get node node01 -o jsonpath={.spec.taints}').stdout).toBe('');
  });

  it('exhaust-memory: free and ps aux show the leaking process; kill PID ends MemoryPressure', () => {
    const { cluster, shell } = scene();
    inject(cluster, { type: 'exhaust-memory', node: 'node01' });
    cluster.tick(40_000);
    expect(condition(cluster, 'MemoryPressure')).toBe('True');
    shell.run('ssh node01');
    expect(shell.run('free -m').stdout).toMatch(/^ {7} +total +used +free +shared +buff\/cache +available\nMem: +4096 +\d+ +\d+ +0 +0 +\d+\n/);
    const ps = shell.run('ps aux').stdout;
    const line = ps.split('\n').find((l) => l.includes('metrics-agent'))!;
    const pid = line.trim().split(/\s+/)[1];
    expect(shell.run(`kill ${pid}`)).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(shell.run(`kill ${pid}`).stderr).toBe(`bash: kill: (${pid}) - No such process\n`);
    shell.run('exit');
    cluster.tick(330_000);
    expect(condition(cluster, 'MemoryPressure')).toBe('False');
  });

  it('rejects bad parameters with a message', () => {
    expect(FAULTS.get('fill-disk')!.parse({})).toBe('fill-disk needs "node"');
    expect(FAULTS.get('fill-disk')!.parse({ node: 'n', size: 'lots' })).toBe('fill-disk: "size" must be a quantity such as 80Gi');
    expect(FAULTS.get('exhaust-memory')!.parse({ node: 'n', memory: -1 })).toBe('exhaust-memory: "memory" must be a quantity such as 3Gi');
  });
});
