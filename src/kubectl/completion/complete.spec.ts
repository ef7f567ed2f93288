import { KubeObject } from '../../cluster-engine';
import { pod, testShell } from '../testing/fixture';

function setup() {
  const t = testShell([
    pod('web', 'nginx:1.27'),
    pod('worker', 'nginx:1.27'),
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } } as KubeObject,
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'cart', namespace: 'shop' }, spec: { initContainers: [{ name: 'migrate', image: 'nginx:1.27' }], containers: [{ name: 'api', image: 'nginx:1.27' }, { name: 'proxy', image: 'nginx:1.27' }] } } as KubeObject,
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web-config' }, data: {} } as KubeObject,
  ]);
  t.vfs.write('/root/manifests/web.yaml', 'x');
  t.vfs.write('/root/manifests/worker.yaml', 'x');
  t.vfs.write('/root/notes.txt', 'x');
  return t;
}

describe('tab completion', () => {
  it.each<[string, string, string[]]>([
    ['', '', expect.arrayContaining(['kubectl', 'k', 'ssh', 'cat', 'grep']) as unknown as string[]],
    ['kub', 'kub', ['kubectl']],
    ['kubectl ', '', expect.arrayContaining(['get', 'describe', 'logs', 'edit', 'help']) as unknown as string[]],
    ['kubectl de', 'de', ['delete', 'describe']],
    ['kubectl get po', 'po', ['po', 'pod', 'poddisruptionbudget', 'poddisruptionbudgets', 'pods']],
    ['kubectl get deploy', 'deploy', ['deploy', 'deployment', 'deployments']],
    ['kubectl get pods w', 'w', ['web', 'worker']],
    ['kubectl get pods -n shop ', '', ['cart']],
    ['kubectl -n shop get pods ', '', ['cart']],
    ['kubectl get pods --namespace=shop c', 'c', ['cart']],
    ['kubectl describe pod/w', 'pod/w', ['pod/web', 'pod/worker']],
    ['kubectl get cm ', '', ['kube-root-ca.crt', 'web-config']],
    ['kubectl get nodes ', '', ['control-plane', 'worker-1']],
    ['kubectl logs ', '', ['web', 'worker']],
    ['kubectl logs -n shop cart -c ', '', ['api', 'migrate', 'proxy']],
    ['kubectl cordon w', 'w', ['worker-1']],
    ['kubectl taint nodes ', '', ['control-plane', 'worker-1']],
    ['kubectl get pods -n ', '', ['default', 'kube-node-lease', 'kube-public', 'kube-system', 'shop']],
    ['kubectl get pods -o ', '', ['custom-columns=', 'json', 'jsonpath=', 'name', 'wide', 'yaml']],
    ['kubectl logs web --ta', '--ta', ['--tail']],
    ['kubectl get pods --sh', '--sh', ['--show-kind', '--show-labels']],
    ['kubectl apply -f ', '', ['manifests/', 'notes.txt']],
    ['kubectl apply -f manifests/w', 'manifests/w', ['manifests/web.yaml', 'manifests/worker.yaml']],
    ['cat ~/no', '~/no', ['~/notes.txt']],
    ['cat no', 'no', ['notes.txt']],
    ['ssh ', '', ['control-plane', 'worker-1']],
    ['ssh worker-1 ', '', []],
    ['kubectl rollout ', '', ['history', 'pause', 'restart', 'resume', 'status', 'undo']],
    ['kubectl get pods | gr', 'gr', ['grep']],
    ['kubectl frobnicate ', '', []],
  ])('%j → %j %j', (line, prefix, candidates) => {
    expect(setup().shell.complete(line)).toEqual({ prefix, candidates });
  });

  it('completes on the node while logged in over ssh', () => {
    const t = setup();
    t.run('ssh control-plane');
    expect(t.shell.complete('system').candidates).toEqual(['systemctl']);
    expect(t.shell.complete('cat /var/lib/kubelet/con').candidates).toEqual(['/var/lib/kubelet/config.yaml']);
  });

  it('changes nothing: no command runs, nothing is written', () => {
    const t = setup();
    const before = JSON.stringify(t.vfs.toJSON());
    const rv = t.cluster.resourceVersion;
    t.shell.complete('kubectl delete pod ');
    expect(JSON.stringify(t.vfs.toJSON())).toBe(before);
    expect(t.cluster.resourceVersion).toBe(rv);
  });
});
