import { pod, testShell } from '../testing/fixture';

function scene() {
  const t = testShell([pod('web', 'nginx:1.27', { metadata: { labels: { app: 'web' } } }), pod('api', 'nginx:1.27', { metadata: { labels: { app: 'api' } } })]);
  t.cluster.tick(20_000);
  return t;
}

describe('kubectl delete', () => {
  it('deletes gracefully: the pod is Terminating until the kubelet stops it', () => {
    const t = scene();
    expect(t.run('kubectl delete pod web')).toEqual({ stdout: 'pod "web" deleted\n', stderr: '', exitCode: 0 });
    expect(t.run('kubectl get pod web --no-headers').stdout).toMatch(/Terminating/);
    t.cluster.tick(35_000);
    expect(t.run('kubectl get pod web').stderr).toBe('Error from server (NotFound): pods "web" not found\n');
  });

  it('force-deletes at once with the real warning', () => {
    const t = scene();
    expect(t.run('kubectl delete pod web --force --grace-period=0')).toEqual({
      stdout: 'pod "web" force deleted\n',
      stderr: 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      exitCode: 0,
    });
    expect(t.cluster.api.tryGet('Pod', 'default', 'web')).toBeUndefined();
  });

  it.each<[string, string, string, number]>([
    ['kubectl delete pods -l app=api', 'pod "api" deleted\n', '', 0],
    ['kubectl delete pods --all', 'pod "api" deleted\npod "web" deleted\n', '', 0],
    ['kubectl delete pod/web pod/api', 'pod "web" deleted\npod "api" deleted\n', '', 0],
    ['kubectl delete pod nope', '', 'Error from server (NotFound): pods "nope" not found\n', 1],
    ['kubectl delete pod nope --ignore-not-found', '', '', 0],
    ['kubectl delete pods -l app=none', '', 'No resources found\n', 0],
    ['kubectl delete pods', '', 'error: resource(s) were provided, but no name was specified\n', 1],
    ['kubectl delete pod web --force --grace-period=5', '', 'error: --force and --grace-period greater than 0 cannot be specified together\n', 1],
    ['kubectl delete', '', "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n", 1],
    ['kubectl delete ns default', '', expect.stringMatching(/^Error from server \(Forbidden\): namespaces "default" is forbidden: this namespace may not be deleted\n$/) as unknown as string, 1],
  ])('%s', (line, stdout, stderr, exitCode) => {
    expect(scene().run(line)).toEqual({ stdout, stderr, exitCode });
  });

  it('deletes what a file names', () => {
    const t = scene();
    t.vfs.write('/root/web.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n');
    expect(t.run('kubectl delete -f web.yaml --grace-period=0 --force').stdout).toBe('pod "web" force deleted\n');
  });
});

describe('kubectl delete --cascade', () => {
  function withDeployment() {
    const t = testShell([]);
    t.run('kubectl create deployment shop --image=nginx:1.27 --replicas=2');
    t.cluster.tick(30_000);
    return t;
  }

  it('background (the default): the ReplicaSet and its pods go with the Deployment', () => {
    const t = withDeployment();
    expect(t.run('kubectl delete deployment shop').stdout).toBe('deployment.apps "shop" deleted\n');
    t.cluster.tick(40_000);
    expect(t.run('kubectl get rs,pods').stderr).toBe('No resources found in default namespace.\n');
  });

  it('orphan: the ReplicaSet stays, without its ownerReference, and keeps its pods running', () => {
    const t = withDeployment();
    expect(t.run('kubectl delete deployment shop --cascade=orphan')).toEqual({ stdout: 'deployment.apps "shop" deleted\n', stderr: '', exitCode: 0 });
    t.cluster.tick(40_000);
    expect(t.run('kubectl get rs -o jsonpath={.items[*].metadata.ownerReferences}').stdout).toBe('');
    expect(t.run('kubectl get rs -o jsonpath={.items[*].status.readyReplicas}').stdout).toBe('2');
    expect(t.run('kubectl get pods --no-headers').stdout.trim().split('\n')).toHaveLength(2);
  });

  it('the old boolean still works, with kubectl\'s warning; a bad value is refused', () => {
    const t = withDeployment();
    expect(t.run('kubectl delete deployment shop --cascade=false')).toEqual({
      stdout: 'deployment.apps "shop" deleted\n',
      stderr: 'warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n',
      exitCode: 0,
    });
    expect(t.run('kubectl delete rs --all --cascade=sideways').stderr).toBe('error: invalid cascade value (sideways). Must be "background", "foreground", or "orphan".\n');
  });
});
