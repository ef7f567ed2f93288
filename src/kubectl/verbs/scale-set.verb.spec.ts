import { Deployment, KubeObject, ReplicaSet } from '../../cluster-engine';
import { testShell } from '../testing/fixture';

function deploymentShell() {
  const t = testShell();
  t.run('kubectl create deployment web --image=nginx:1.27 --replicas=3');
  t.cluster.tick(30_000);
  const deploy = () => t.cluster.api.get<Deployment>('Deployment', 'default', 'web');
  return { ...t, deploy };
}

describe('kubectl create deployment', () => {
  it('generates the Deployment kubectl would', () => {
    const t = testShell();
    const r = t.run('kubectl create deployment api --image=registry.local/team/my_api:2.1 --port=8080 --dry-run=client -o yaml');
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('kind: Deployment');
    const created = t.run('kubectl create deployment api --image=nginx:1.27 -r 2 --port=80');
    expect(created).toEqual({ stdout: 'deployment.apps/api created\n', stderr: '', exitCode: 0 });
    const d = t.cluster.api.get<Deployment>('Deployment', 'default', 'api');
    expect(d.metadata.labels).toEqual({ app: 'api' });
    expect(d.spec.replicas).toBe(2);
    expect(d.spec.selector).toEqual({ matchLabels: { app: 'api' } });
    expect(d.spec.template.spec.containers).toMatchObject([{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' }] }]);
  });

  it.each<[string, string]>([
    ['kubectl create deployment api', 'error: required flag(s) "image" not set\n'],
    ['kubectl create deployment --image=nginx:1.27', "error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples\n"],
    ['kubectl create deployment Bad --image=nginx:1.27', 'The Deployment "Bad" is invalid: metadata.name: Invalid value: "Bad": a lowercase RFC 1123 subdomain'],
  ])('%s', (line, err) => {
    const r = testShell().run(line);
    expect(r.exitCode).toBe(1);
    expect(r.stderr.startsWith(err)).toBe(true);
  });
});

describe('kubectl scale', () => {
  it.each<[string, number]>([
    ['kubectl scale deployment web --replicas=5', 5],
    ['kubectl scale --replicas=1 deploy/web', 1],
    ['kubectl scale deploy web --replicas=0', 0],
  ])('%s', (line, n) => {
    const t = deploymentShell();
    expect(t.run(line)).toEqual({ stdout: 'deployment.apps/web scaled\n', stderr: '', exitCode: 0 });
    t.cluster.tick(60_000);
    expect(t.run('kubectl get deploy web').stdout).toMatch(new RegExp(`^NAME   READY   UP-TO-DATE   AVAILABLE   AGE\\nweb    ${n}/${n} `));
    expect(t.cluster.api.list('Pod').filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(n);
  });

  it('scales a ReplicaSet directly (its Deployment then scales it back)', () => {
    const t = deploymentShell();
    const rs = t.cluster.api.list<ReplicaSet>('ReplicaSet')[0].metadata.name;
    expect(t.run(`kubectl scale rs ${rs} --replicas=4`).stdout).toBe(`replicaset.apps/${rs} scaled\n`);
    t.cluster.tick(2_000);
    expect(t.cluster.api.get<ReplicaSet>('ReplicaSet', 'default', rs).spec.replicas).toBe(3);
  });

  it.each<[string, string]>([
    ['kubectl scale deployment web', 'error: required flag(s) "replicas" not set\n'],
    ['kubectl scale deployment web --replicas=-1', 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n'],
    ['kubectl scale deployment web --replicas=2 --current-replicas=5', 'error: Expected replicas to be 5, was 3\n'],
    ['kubectl scale deployment nope --replicas=2', 'error: no objects passed to scale deployments.apps "nope" not found\n'],
  ])('%s', (line, err) => {
    expect(deploymentShell().run(line)).toEqual({ stdout: '', stderr: err, exitCode: 1 });
  });
});

describe('kubectl set', () => {
  it('set image starts a rollout; a missing container is an error', () => {
    const t = deploymentShell();
    expect(t.run('kubectl set image deployment/web nginx=nginx:1.28')).toEqual({ stdout: 'deployment.apps/web image updated\n', stderr: '', exitCode: 0 });
    expect(t.run('kubectl set image deployment/web nginx=nginx:1.28')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(t.run('kubectl set image deployment/web app=nginx:1.28')).toEqual({ stdout: '', stderr: 'error: unable to find container named "app"\n', exitCode: 1 });
    expect(t.run('kubectl set image deployment/web')).toMatchObject({ stderr: expect.stringContaining('error: at least one image update is required'), exitCode: 1 });
    t.cluster.tick(120_000);
    expect(t.run('kubectl rollout status deployment/web').stdout).toBe('deployment "web" successfully rolled out\n');
    expect(t.run('kubectl get rs').stdout.split('\n').filter((l) => / 0 {9}0 {9}0 /.test(l))).toHaveLength(1);
  });

  it('set env adds, replaces and removes variables, and --list shows them', () => {
    const t = deploymentShell();
    expect(t.run('kubectl set env deployment/web MODE=prod LEVEL=debug').stdout).toBe('deployment.apps/web env updated\n');
    expect(t.run('kubectl set env deployment/web MODE=test LEVEL-').stdout).toBe('deployment.apps/web env updated\n');
    expect(t.deploy().spec.template.spec.containers[0].env).toEqual([{ name: 'MODE', value: 'test' }]);
    expect(t.run('kubectl set env deployment/web --list').stdout).toBe('# deployment web, container nginx\nMODE=test\n');
    t.run('kubectl create configmap cfg --from-literal=db.host=x');
    t.run('kubectl set env deployment/web --from=configmap/cfg');
    expect(t.deploy().spec.template.spec.containers[0].env).toContainEqual({ name: 'DB_HOST', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'db.host' } } });
  });

  it('set resources writes limits and requests', () => {
    const t = deploymentShell();
    expect(t.run('kubectl set resources deployment web --limits=cpu=200m,memory=256Mi --requests=cpu=100m').stdout).toBe('deployment.apps/web resource requirements updated\n');
    expect(t.deploy().spec.template.spec.containers[0].resources).toEqual({ limits: { cpu: '200m', memory: '256Mi' }, requests: { cpu: '100m', memory: '256Mi' } });
    expect(t.run('kubectl set resources deployment web')).toEqual({ stdout: '', stderr: 'error: you must specify an update to requests or limits (in the form of --requests/--limits)\n', exitCode: 1 });
  });

  it('set image on a bare pod changes only its image', () => {
    const t = testShell([{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'solo' }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } as KubeObject]);
    expect(t.run('kubectl set image pod/solo app=nginx:1.28').stdout).toBe('pod/solo image updated\n');
  });
});

describe('garbage collection through kubectl', () => {
  it('kubectl delete deployment removes its ReplicaSets and pods', () => {
    const t = deploymentShell();
    expect(t.run('kubectl delete deployment web').stdout).toBe('deployment.apps "web" deleted\n');
    t.cluster.tick(60_000);
    expect(t.run('kubectl get rs,pods')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
  });
});

describe('kubectl apply of a Deployment manifest', () => {
  const manifest = (image: string, replicas = 2) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels:\n      app: api\n  template:\n    metadata:\n      labels:\n        app: api\n    spec:\n      containers:\n      - name: api\n        image: ${image}\n`;

  it('creates, rolls out a changed template, and leaves an unchanged one alone', () => {
    const t = testShell();
    t.vfs.write('/root/api.yaml', manifest('nginx:1.27'));
    expect(t.run('kubectl apply -f api.yaml').stdout).toBe('deployment.apps/api created\n');
    t.cluster.tick(30_000);
    expect(t.run('kubectl apply -f api.yaml').stdout).toBe('deployment.apps/api unchanged\n');
    t.vfs.write('/root/api.yaml', manifest('nginx:1.28', 3));
    expect(t.run('kubectl apply -f api.yaml').stdout).toBe('deployment.apps/api configured\n');
    t.cluster.tick(90_000);
    expect(t.run('kubectl rollout status deploy/api').stdout).toBe('deployment "api" successfully rolled out\n');
    const rs = t.cluster.api.list<ReplicaSet>('ReplicaSet');
    expect(rs.map((r) => r.spec.replicas).sort()).toEqual([0, 3]);
    expect(rs.every((r) => !r.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration'])).toBe(true);
  });

  it('a selector that does not match the template labels is refused with the API message', () => {
    const t = testShell();
    t.vfs.write('/root/bad.yaml', manifest('nginx:1.27').replace('      labels:\n        app: api\n    spec', '      labels:\n        app: apx\n    spec'));
    expect(t.run('kubectl apply -f bad.yaml')).toEqual({
      stdout: '',
      stderr: 'The Deployment "api" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"apx"}: `selector` does not match template `labels`\n',
      exitCode: 1,
    });
  });
});
