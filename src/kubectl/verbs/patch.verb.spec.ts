import { Pod } from '../../cluster-engine';
import { pod, testShell } from '../testing/fixture';

describe('kubectl patch', () => {
  it.each<[string, string]>([
    [`kubectl patch pod web -p '{"metadata":{"labels":{"tier":"fe"}}}'`, 'pod/web patched\n'],
    [`kubectl patch pod web -p '{"metadata":{"labels":{"app":"web"}}}'`, 'pod/web patched (no change)\n'],
    [`kubectl patch pod/web --type=merge -p '{"spec":{"activeDeadlineSeconds":60}}'`, 'pod/web patched\n'],
    [`kubectl patch pod web --type=json -p '[{"op":"replace","path":"/spec/containers/0/image","value":"nginx:1.28"}]'`, 'pod/web patched\n'],
    [`kubectl patch pod web -p 'spec: {containers: [{name: app, image: "nginx:1.28"}]}'`, 'pod/web patched\n'],
  ])('%s', (line, stdout) => {
    const t = testShell([pod('web', 'nginx:1.27', { metadata: { labels: { app: 'web' } } })]);
    expect(t.run(line)).toEqual({ stdout, stderr: '', exitCode: 0 });
  });

  it('merges containers by name (strategic) and keeps the other fields', () => {
    const t = testShell([pod('web', 'nginx:1.27')]);
    t.run(`kubectl patch pod web -p '{"spec":{"containers":[{"name":"app","image":"nginx:1.28"}]}}'`);
    const c = t.cluster.api.get<Pod>('Pod', 'default', 'web').spec.containers[0];
    expect([c.image, c.volumeMounts?.length]).toEqual(['nginx:1.28', 1]);
  });

  it.each([
    ['kubectl patch pod web', 'error: must specify --patch or --patch-file containing the contents of the patch\n'],
    [`kubectl patch pod web --type=foo -p '{}'`, 'error: --type must be one of [json merge strategic], not "foo"\n'],
    [`kubectl patch pod web -p '{"spec":{"containers":[{"name":"app","ports":[{"containerPort":80}]}]}}'`, 'The Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than'],
    [`kubectl patch pod nope -p '{}'`, 'Error from server (NotFound): pods "nope" not found\n'],
  ])('%s', (line, stderr) => {
    const r = testShell([pod('web', 'nginx:1.27')]).run(line);
    expect(r.exitCode).toBe(1);
    expect(r.stderr.startsWith(stderr)).toBe(true);
  });
});

describe('kubectl replace', () => {
  it('replaces in place, or deletes and recreates with --force', () => {
    const t = testShell([pod('web', 'nginx:1.27')]);
    t.cluster.tick(10_000);
    t.run('kubectl get pod web -o yaml > web.yaml');
    expect(t.run('kubectl replace -f web.yaml').stdout).toBe('pod/web replaced\n');
    const uid = t.cluster.api.get('Pod', 'default', 'web').metadata.uid;
    t.run("sed -i 's/image: nginx:1.27/image: nginx:1.28/' web.yaml");
    expect(t.run('kubectl replace --force -f web.yaml')).toEqual({ stdout: 'pod "web" deleted\npod/web replaced\n', stderr: '', exitCode: 0 });
    const fresh = t.cluster.api.get<Pod>('Pod', 'default', 'web');
    expect([fresh.metadata.uid === uid, fresh.spec.containers[0].image]).toEqual([false, 'nginx:1.28']);
  });

  it('reports a missing object with the source', () => {
    const t = testShell();
    t.vfs.write('/root/p.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: a\n    image: nginx:1.27\n');
    expect(t.run('kubectl replace -f p.yaml').stderr).toBe('Error from server (NotFound): error when replacing "p.yaml": pods "web" not found\n');
  });
});
