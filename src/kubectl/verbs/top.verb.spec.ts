import { Cluster, KubeObject } from '../../cluster-engine';
import { Shell } from '../shell/shell';
import { VirtualFs } from '../shell/vfs';

function pod(name: string, image: string, labels: Record<string, string> = { app: name }, ns?: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels, ...(ns ? { namespace: ns } : {}) }, spec: { containers: [{ name: 'main', image }] } } as KubeObject;
}

function setup(opts: { metricsServer?: boolean } = {}) {
  const cluster = Cluster.create(
    {
      nodes: [{ name: 'controlplane', role: 'control-plane' }, { name: 'node01', cpu: '2', memory: '4Gi' }, { name: 'node02', cpu: '2', memory: '4Gi' }],
      registry: [
        { name: 'api', tags: { '1': {} }, behaviour: { listens: [8080], cpuMillis: 250, memoryMiB: 300 } },
        { name: 'nginx', tags: { '1.27': {} }, behaviour: { listens: [80], memoryMiB: 12 } },
        { name: 'duo', tags: { '1': {} }, behaviour: { cpuMillis: 40, memoryMiB: 64 } },
      ],
      objects: [
        pod('api', 'api:1'),
        pod('web', 'nginx:1.27'),
        pod('typo', 'nginx:0.0.1'),
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } } as KubeObject,
        { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'cart', namespace: 'shop' }, spec: { containers: [{ name: 'app', image: 'duo:1' }, { name: 'proxy', image: 'nginx:1.27' }] } } as KubeObject,
      ],
      ...opts,
    },
    5,
  );
  return { cluster, shell: new Shell(cluster, new VirtualFs()) };
}

describe('kubectl top', () => {
  it('lists pods with their CPU and memory in kubectl\'s columns (trailing cells padded too); pods not Running are left out', () => {
    const { cluster, shell } = setup();
    cluster.tick(60_000);
    const r = shell.run('kubectl top pods');
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('NAME   CPU(cores)   MEMORY(bytes)   ');
    expect(lines[1]).toMatch(/^api    2\d\dm         (29\d|30\d)Mi           $/);
    expect(lines[2]).toMatch(/^web    [01]m           1[12]Mi            $/);
    expect(lines).toHaveLength(4);
    expect(r.stdout).not.toContain('typo');
  });

  it('sorts, shows containers and namespaces, and sums', () => {
    const { cluster, shell } = setup();
    cluster.tick(60_000);
    expect(shell.run('kubectl top pods --sort-by=memory --no-headers').stdout.split('\n')[0]).toMatch(/^api /);
    expect(shell.run('kubectl top pods --sort-by=cpu -l app=web --no-headers').stdout).toMatch(/^web\s+\d+m\s+\d+Mi\s+\n$/);
    const c = shell.run('kubectl top pod cart -n shop --containers').stdout.split('\n');
    expect(c[0]).toBe('POD    NAME    CPU(cores)   MEMORY(bytes)   ');
    expect(c[1]).toMatch(/^cart   app     \d+m\s+6\dMi\s+$/);
    expect(c[2]).toMatch(/^cart   proxy   [01]m\s+1[12]Mi\s+$/);
    const a = shell.run('kubectl top pods -A').stdout;
    expect(a.split('\n')[0]).toBe('NAMESPACE   NAME   CPU(cores)   MEMORY(bytes)   ');
    expect(a).toMatch(/^default     api /m);
    expect(a).toMatch(/^shop        cart /m);
    const s = shell.run('kubectl top pods --sum').stdout.split('\n');
    expect(s[3]).toMatch(/^\s+________\s+________\s+$/);
    expect(s[4]).toMatch(/^\s+2\d\dm\s+3\d\dMi\s+$/);
  });

  it('lists nodes with percentages of allocatable, and <unknown> for a node whose kubelet is down', () => {
    const { cluster, shell } = setup();
    cluster.tick(60_000);
    shell.run('ssh node02');
    shell.run('systemctl stop kubelet');
    shell.run('exit');
    const lines = shell.run('kubectl top nodes').stdout.split('\n');
    expect(lines[0]).toBe('NAME           CPU(cores)   CPU(%)      MEMORY(bytes)   MEMORY(%)   ');
    expect(lines[1]).toMatch(/^controlplane   \d+m\s+\d+%\s+\d+Mi\s+\d+%\s+$/);
    expect(lines[2]).toMatch(/^node01         \d+m\s+\d+%\s+\d+Mi\s+\d+%\s+$/);
    expect(lines[3]).toBe('node02         <unknown>    <unknown>   <unknown>       <unknown>   ');
    expect(shell.run('kubectl top node node02')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): nodemetrics.metrics.k8s.io "node02" not found\n', exitCode: 1 });
    const cpus = shell.run('kubectl top nodes --sort-by=cpu --no-headers').stdout.trimEnd().split('\n').slice(0, 2).map((l) => parseInt(l.split(/\s+/)[1], 10));
    expect(cpus[0]).toBeGreaterThanOrEqual(cpus[1]);
  });

  it('node usage is the sum of its containers plus the system', () => {
    const { cluster } = setup();
    cluster.tick(60_000);
    const node01 = cluster.nodeMetrics().find((n) => n.name === 'node01')!;
    const onNode = cluster.podMetrics().filter((p) => cluster.api.get<import('../../cluster-engine').Pod>('Pod', p.namespace, p.name).spec.nodeName === 'node01');
    const cpu = onNode.flatMap((p) => p.containers).reduce((s, c) => s + c.cpuMillis, 0);
    expect(node01.cpuMillis).toBeGreaterThan(cpu);
    expect(node01.cpuMillis).toBeLessThan(cpu + 40);
  });

  it('has no metrics for young pods yet, and names an old pod without metrics', () => {
    const { cluster, shell } = setup();
    cluster.tick(5_000);
    expect(shell.run('kubectl top pods -l app=api')).toEqual({ stdout: '', stderr: 'error: metrics not available yet\n', exitCode: 1 });
    expect(shell.run('kubectl top pod api')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): podmetrics.metrics.k8s.io "default/api" not found\n', exitCode: 1 });
    cluster.tick(180_000);
    expect(shell.run('kubectl top pods -l app=typo')).toEqual({ stdout: '', stderr: 'error: Metrics not available for pod default/typo, age: 3m5s\n', exitCode: 1 });
    expect(shell.run('kubectl top pods -l app=nothing')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
  });

  it.each([
    ['kubectl top pods --sort-by=name', 'error: --sort-by accepts only cpu or memory\n'],
    ['kubectl top pod api -l app=api', 'error: only one of NAME or --selector can be provided\n'],
    ['kubectl top deployments', 'error: unknown command "deployments" for "kubectl top"\n\nDid you mean this?\n\tnode\n\tpod\n'],
  ])('%s', (line, stderr) => {
    expect(setup().shell.run(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });

  it('says the Metrics API is not available on a cluster without metrics-server', () => {
    const { cluster, shell } = setup({ metricsServer: false });
    cluster.tick(60_000);
    expect(shell.run('kubectl top nodes')).toEqual({ stdout: '', stderr: 'error: Metrics API not available\n', exitCode: 1 });
    expect(shell.run('kubectl top pods')).toEqual({ stdout: '', stderr: 'error: Metrics API not available\n', exitCode: 1 });
    expect(cluster.snapshot().metricsServer).toBe(false);
    expect(Cluster.restore(cluster.snapshot()).metricsAvailable()).toBe(false);
  });

  it('prints its help without a subcommand', () => {
    expect(setup().shell.run('kubectl top').stdout).toMatch(/^Display resource \(CPU\/memory\) usage\.\n/);
  });
});
