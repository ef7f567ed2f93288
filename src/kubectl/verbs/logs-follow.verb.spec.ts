import { Cluster, KubeObject } from '../../cluster-engine';
import { Shell } from '../shell/shell';
import { VirtualFs } from '../shell/vfs';

const TICKER = { logs: [{ line: 'boot' }, { at: 5, line: 'tick 5' }, { at: 10, line: 'tick 10' }, { at: 20, line: 'tick 20' }], exit: { afterSeconds: 25, code: 0 } };

function labelled(name: string, image: string, app = 'ticker'): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app } }, spec: { restartPolicy: 'Never', containers: [{ name: 'main', image }] } } as KubeObject;
}

function setup(objects: KubeObject[]) {
  const cluster = Cluster.create(
    {
      nodes: [{ name: 'controlplane', role: 'control-plane' }, { name: 'node01' }],
      registry: [
        { name: 'ticker', tags: { '1': { sizeBytes: 1_000_000, pullSeconds: 1 } }, behaviour: TICKER },
        { name: 'nginx', tags: { '1.27': {} }, behaviour: { listens: [80], logs: [{ line: 'nginx: ready' }] } },
      ],
      objects,
    },
    3,
  );
  const shell = new Shell(cluster, new VirtualFs());
  /** Advances until the pod's container has started (pull and start take a few seconds). */
  const started = (name: string) => {
    for (let i = 0; i < 30 && !shell.run(`kubectl logs ${name}`).stdout.includes('boot'); i++) cluster.tick(1000);
  };
  return { cluster, shell, started };
}

describe('kubectl logs -f', () => {
  it('streams new lines as the clock advances and ends by itself when the container exits', () => {
    const { cluster, shell, started } = setup([labelled('t', 'ticker:1')]);
    started('t');
    const r = shell.run('kubectl logs -f t');
    expect(r.stdout).toBe('boot\n');
    expect(r.stream).toBeDefined();
    expect(r.stream!.poll()).toBe('');
    cluster.tick(6000);
    expect(r.stream!.poll()).toBe('tick 5\n');
    expect(r.stream!.ended!()).toBe(false);
    cluster.tick(30_000);
    expect(r.stream!.poll()).toBe('tick 10\ntick 20\n');
    expect(r.stream!.ended!()).toBe(true);
  });

  it('stops printing once interrupted', () => {
    const { cluster, shell, started } = setup([labelled('t', 'ticker:1')]);
    started('t');
    const r = shell.run('kubectl logs t --follow --timestamps');
    expect(r.stdout).toMatch(/^\S+Z boot\n$/);
    r.stream!.close();
    cluster.tick(12_000);
    expect(r.stream!.poll()).toBe('');
  });

  it('does not stream for a container that already exited, nor when piped', () => {
    const { cluster, shell, started } = setup([labelled('t', 'ticker:1')]);
    started('t');
    expect(shell.run('kubectl logs -f t | grep boot')).toEqual({ stdout: 'boot\n', stderr: '', exitCode: 0 });
    cluster.tick(40_000);
    const r = shell.run('kubectl logs -f t');
    expect(r.stdout).toBe('boot\ntick 5\ntick 10\ntick 20\n');
    expect(r.stream).toBeUndefined();
  });

  it('follows several pods with -l and --prefix, each line tagged with its source', () => {
    const { cluster, shell, started } = setup([labelled('a', 'ticker:1'), labelled('b', 'ticker:1'), labelled('web', 'nginx:1.27', 'web')]);
    started('a');
    started('b');
    const r = shell.run('kubectl logs -l app=ticker -f --prefix');
    expect(r.stdout).toBe('[pod/a/main] boot\n[pod/b/main] boot\n');
    cluster.tick(6000);
    expect(r.stream!.poll()).toBe('[pod/a/main] tick 5\n[pod/b/main] tick 5\n');
    shell.run('kubectl delete pod a --grace-period=0 --force');
    cluster.tick(30_000);
    expect(r.stream!.poll()).toBe('[pod/b/main] tick 10\n[pod/b/main] tick 20\n');
    expect(r.stream!.ended!()).toBe(true);
  });

  it('refuses to follow more streams than --max-log-requests', () => {
    const pods = ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => labelled(n, 'ticker:1'));
    const { cluster, shell } = setup(pods);
    cluster.tick(3000);
    expect(shell.run('kubectl logs -l app=ticker -f')).toEqual({
      stdout: '',
      stderr: 'error: you are attempting to follow 6 log streams, but maximum allowed concurrency is 5, use --max-log-requests to increase the limit\n',
      exitCode: 1,
    });
    expect(shell.run('kubectl logs -l app=ticker -f --max-log-requests=6').exitCode).toBe(0);
    // without -f the pods are read one after the other, with no limit
    expect(shell.run('kubectl logs -l app=ticker').exitCode).toBe(0);
  });
});

describe('kubectl logs --since', () => {
  it('keeps only lines newer than the duration, together with --tail and --timestamps', () => {
    const { cluster, shell, started } = setup([labelled('t', 'ticker:1')]);
    started('t');
    cluster.tick(11_000);
    expect(shell.run('kubectl logs t').stdout).toBe('boot\ntick 5\ntick 10\n');
    expect(shell.run('kubectl logs t --since=8s').stdout).toBe('tick 5\ntick 10\n');
    expect(shell.run('kubectl logs t --since=8s --tail=1').stdout).toBe('tick 10\n');
    expect(shell.run('kubectl logs t --since=1h --tail=1 --timestamps').stdout).toMatch(/^\S+Z tick 10\n$/);
  });

  it.each([
    ['kubectl logs t --since=5x', 'error: invalid argument "5x" for "--since" flag: time: invalid duration "5x"\nSee \'kubectl logs --help\' for usage.\n'],
    ['kubectl logs t --since=5s --since-time=2025-01-01T00:00:00Z', 'error: at most one of `sinceTime` or `sinceSeconds` may be specified\n'],
    ['kubectl logs t --since-time=yesterday', 'error: yesterday is not a valid time\n'],
    ['kubectl logs t -c main --all-containers', 'error: --all-containers=true should not be specified with container name main\n'],
  ])('%s', (line, stderr) => {
    const { shell } = setup([labelled('t', 'ticker:1')]);
    expect(shell.run(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });
});
