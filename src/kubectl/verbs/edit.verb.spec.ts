import { KubeObject } from '../../cluster-engine';
import { testShell } from '../testing/fixture';

const DEPLOY: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } },
} as KubeObject;

function setup() {
  const t = testShell([DEPLOY]);
  t.cluster.tick(5000);
  return t;
}

describe('kubectl edit', () => {
  it('opens the object as YAML under kubectl\'s header, with a /tmp/kubectl-edit-N.yaml name', () => {
    const r = setup().run('kubectl edit deployment web');
    expect(r).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(r.edit!.path).toMatch(/^\/tmp\/kubectl-edit-\d+\.yaml$/);
    expect(r.edit!.text).toMatch(
      /^# Please edit the object below\. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit\. If an error occurs while saving this file will be\n# reopened with the relevant failures\.\n#\napiVersion: apps\/v1\nkind: Deployment\nmetadata:\n/,
    );
    expect(r.edit!.text).toMatch(/\n  replicas: 1\n/);
    expect(r.edit!.text).toMatch(/\nstatus:\n/);
  });

  it('applies a saved change: deployment.apps/web edited, and the controller acts on it', () => {
    const t = setup();
    const r = t.run('kubectl edit deploy/web');
    expect(r.edit!.save(r.edit!.text.replace('replicas: 1', 'replicas: 3'))).toEqual({ stdout: 'deployment.apps/web edited\n', stderr: '', exitCode: 0 });
    t.cluster.tick(3000);
    expect(t.run('kubectl get deploy web -o jsonpath={.spec.replicas}').stdout).toBe('3');
  });

  it('cancels when nothing changed (comments and closing the editor do not count)', () => {
    const t = setup();
    const r = t.run('kubectl edit deployment web');
    expect(r.edit!.save(r.edit!.text.replace(/^#.*\n/gm, '') + '# a note\n')).toEqual({ stdout: '', stderr: 'Edit cancelled, no changes made.\n', exitCode: 0 });
    expect(t.run('kubectl edit deployment web').edit!.cancel()).toEqual({ stdout: '', stderr: 'Edit cancelled, no changes made.\n', exitCode: 0 });
    expect(t.run('kubectl edit deployment web').edit!.save('# nothing\n\n')).toEqual({ stdout: '', stderr: 'Edit cancelled, saved file was empty.\n', exitCode: 0 });
  });

  it('reopens the file with a syntax error as a comment on top', () => {
    const t = setup();
    const r = t.run('kubectl edit deployment web');
    const broken = r.edit!.text.replace('replicas: 1', 'replicas: 1\n  bad: [');
    const again = r.edit!.save(broken);
    expect(again.exitCode).toBe(0);
    expect(again.edit!.path).not.toBe(r.edit!.path);
    expect(again.edit!.text).toMatch(/^# Please edit the object below[^]*#\n# The edited file had a syntax error: error parsing edited-file: error converting YAML to JSON: yaml: line \d+: .+\n#\napiVersion: apps\/v1\n/);
    // fixing it in the reopened file goes through
    expect(again.edit!.save(again.edit!.text.replace('\n  bad: [', '').replace('replicas: 1', 'replicas: 2')).stdout).toBe('deployment.apps/web edited\n');
  });

  it('reopens with the API server\'s Invalid causes; saving the same again gives up and keeps a copy in /tmp', () => {
    const t = setup();
    const r = t.run('kubectl edit deployment web');
    const bad = r.edit!.text.replace('replicas: 1', 'replicas: -1');
    const again = r.edit!.save(bad);
    expect(again.stderr).toBe('error: deployments.apps "web" is invalid\n');
    expect(again.edit!.text).toContain('#\n# deployments.apps "web" was not valid:\n# * spec.replicas: Invalid value: -1: must be greater than or equal to 0\n#\napiVersion: apps/v1\n');
    const last = again.edit!.save(again.edit!.text);
    expect(last).toEqual({ stdout: '', stderr: `A copy of your changes has been stored to "${again.edit!.path}"\nerror: Edit cancelled, no valid changes were saved.\n`, exitCode: 1 });
    expect(t.vfs.read(again.edit!.path)).toContain('replicas: -1');
  });

  it('refuses a pod edit of an immutable field the way the API server does', () => {
    const t = testShell([{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } as KubeObject]);
    t.cluster.tick(5000);
    const r = t.run('kubectl edit pod p');
    const again = r.edit!.save(r.edit!.text.replace('name: app', 'name: app\n    env:\n    - name: X\n      value: "1"'));
    expect(again.stderr).toBe('error: pods "p" is invalid\n');
    expect(again.edit!.text).toMatch(/# pods "p" was not valid:\n# \* spec: Forbidden: pod updates may not change fields other than/);
    expect(again.edit!.cancel()).toMatchObject({ stderr: expect.stringMatching(/^A copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\nerror: Edit cancelled, no valid changes were saved\.\n$/), exitCode: 1 });
  });

  it('detects a resourceVersion conflict when the player changed resourceVersion, and says how to retry', () => {
    const t = setup();
    const r = t.run('kubectl edit deployment web');
    t.run('kubectl scale deployment web --replicas=2');
    // without touching resourceVersion, the patch applies on top of the newer object
    const rv = /resourceVersion: "(\d+)"/.exec(r.edit!.text)![1];
    const res = r.edit!.save(r.edit!.text.replace(`resourceVersion: "${rv}"`, 'resourceVersion: "1"').replace('app: web\n', 'app: web\n    tier: front\n'));
    expect(res.exitCode).toBe(1);
    expect(res.stderr).toMatch(
      /^error: deployments\.apps "web" could not be patched: Operation cannot be fulfilled on deployments\.apps "web": the object has been modified; please apply your changes to the latest version and try again\nYou can run `kubectl replace -f (\/tmp\/kubectl-edit-\d+\.yaml)` to try this update again\.\n$/,
    );
    const path = /replace -f (\S+)`/.exec(res.stderr)![1];
    expect(t.vfs.read(path)).toContain('tier: front');
  });

  it('patches on top of concurrent changes it did not touch', () => {
    const t = setup();
    const r = t.run('kubectl edit deployment web');
    t.run('kubectl scale deployment web --replicas=2');
    expect(r.edit!.save(r.edit!.text.replace('image: nginx:1.27', 'image: nginx:1.28')).stdout).toBe('deployment.apps/web edited\n');
    expect(t.run("kubectl get deploy web -o jsonpath='{.spec.replicas} {.spec.template.spec.containers[0].image}'").stdout).toBe('2 nginx:1.28');
  });

  it('refuses a changed name and keeps the copy', () => {
    const t = setup();
    const r = t.run('kubectl edit deployment web');
    const res = r.edit!.save(r.edit!.text.replace('  name: web\n', '  name: other\n'));
    expect(res).toEqual({ stdout: '', stderr: `A copy of your changes has been stored to "${r.edit!.path}"\nerror: At least one of apiVersion, kind and name was changed\n`, exitCode: 1 });
  });

  it('edits JSON without a header with -o json, and reports the object as JSON', () => {
    const t = setup();
    const r = t.run('kubectl edit deployment web -o json');
    expect(r.edit!.path).toMatch(/\.json$/);
    expect(r.edit!.text.startsWith('{\n    "apiVersion": "apps/v1",')).toBe(true);
    const res = r.edit!.save(r.edit!.text.replace('"replicas": 1', '"replicas": 2'));
    expect(JSON.parse(res.stdout).spec.replicas).toBe(2);
  });

  it('edits the objects a file names with -f, and several objects as a List', () => {
    const t = setup();
    t.vfs.write('/root/d.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n');
    const r = t.run('kubectl edit -f d.yaml');
    expect(r.edit!.text).toMatch(/\nkind: Deployment\n/);
    t.run('kubectl create configmap extra --from-literal=a=b');
    const list = t.run('kubectl edit cm');
    expect(list.edit!.text).toMatch(/^#[^]*#\napiVersion: v1\nitems:\n- apiVersion: v1\n/);
    expect(list.edit!.text).toMatch(/\nkind: List\nmetadata: \{\}\n$/);
  });

  it.each([
    ['kubectl edit', /^error: You must provide one or more resources by argument or filename\.\n/],
    ['kubectl edit pod nope', /^Error from server \(NotFound\): pods "nope" not found\n$/],
    ['kubectl edit secrets -n kube-public', /^error: edit cancelled, no objects found\n$/],
    ['kubectl edit deploy web -o wide', /^error: unable to match a printer suitable for the output format "wide", allowed formats are: json,name,yaml\n$/],
  ])('%s', (line, stderr) => {
    const r = setup().run(line);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(stderr);
    expect(r.edit).toBeUndefined();
  });

  it('does not open an editor in a pipeline or with its output redirected', () => {
    const t = setup();
    expect(t.run('kubectl edit deploy web | cat').edit).toBeUndefined();
    expect(t.run('kubectl edit deploy web > /tmp/x').edit).toBeUndefined();
  });
});
