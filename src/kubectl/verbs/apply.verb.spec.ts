import { Pod } from '../../cluster-engine';
import { testShell } from '../testing/fixture';

const POD = (image: string, labels = 'app: api') => `apiVersion: v1
kind: Pod
metadata:
  name: api
  labels:
    ${labels}
spec:
  containers:
  - name: app
    image: ${image}
`;

describe('kubectl apply', () => {
  it('creates, then reports unchanged, then configured', () => {
    const t = testShell();
    t.vfs.write('/root/pod.yaml', POD('nginx:1.27'));
    expect(t.run('kubectl apply -f pod.yaml')).toEqual({ stdout: 'pod/api created\n', stderr: '', exitCode: 0 });
    t.cluster.tick(10_000);
    expect(t.run('kubectl apply -f pod.yaml').stdout).toBe('pod/api unchanged\n');
    t.vfs.write('/root/pod.yaml', POD('nginx:1.28'));
    expect(t.run('kubectl apply -f pod.yaml').stdout).toBe('pod/api configured\n');
    const live = t.cluster.api.get<Pod>('Pod', 'default', 'api');
    expect(live.spec.containers[0].image).toBe('nginx:1.28');
    // Server-added fields survive the merge: the service-account mount and defaults.
    expect(live.spec.containers[0].volumeMounts?.[0].mountPath).toBe('/var/run/secrets/kubernetes.io/serviceaccount');
    expect(JSON.parse(live.metadata.annotations!['kubectl.kubernetes.io/last-applied-configuration'])).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { labels: { app: 'api' }, name: 'api', namespace: 'default' },
      spec: { containers: [{ image: 'nginx:1.28', name: 'app' }] },
    });
  });

  it('applies a here-document through -f -, and removes labels dropped from the file', () => {
    const t = testShell();
    expect(t.run(`kubectl apply -f - <<'EOF'\n${POD('nginx:1.27', 'app: api\n    tier: backend')}EOF`).stdout).toBe('pod/api created\n');
    expect(t.run(`cat <<EOF | kubectl apply -f -\n${POD('nginx:1.27')}EOF`).stdout).toBe('pod/api configured\n');
    expect(t.cluster.api.get('Pod', 'default', 'api').metadata.labels).toEqual({ app: 'api' });
  });

  it('writes a file with cat > FILE <<EOF and applies it', () => {
    const t = testShell();
    t.run(`cat > pod.yaml <<EOF\n${POD('nginx:1.27')}EOF`);
    expect(t.run('ls').stdout).toBe('pod.yaml\n');
    expect(t.run('kubectl apply -f /root/pod.yaml -o name').stdout).toBe('pod/api\n');
  });

  it('applies multi-document YAML, JSON and List, reporting each object', () => {
    const t = testShell();
    const multi = `${POD('nginx:1.27')}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "1"\n---\n`;
    expect(t.run(`kubectl apply -f - <<EOF\n${multi}EOF`).stdout).toBe('pod/api created\nconfigmap/cfg created\n');
    const list = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { k: 'v' } }] });
    t.vfs.write('/root/list.json', list);
    expect(t.run('kubectl apply -f list.json').stdout).toBe('secret/s created\n');
  });

  it('prints (dry run) without writing', () => {
    const t = testShell();
    t.vfs.write('/root/pod.yaml', POD('nginx:1.27'));
    expect(t.run('kubectl apply -f pod.yaml --dry-run=client').stdout).toBe('pod/api created (dry run)\n');
    expect(t.run('kubectl apply -f pod.yaml --dry-run=server').stdout).toBe('pod/api created (server dry run)\n');
    expect(t.cluster.api.tryGet('Pod', 'default', 'api')).toBeUndefined();
  });

  it('warns about a missing last-applied annotation on objects made with create', () => {
    const t = testShell();
    t.vfs.write('/root/pod.yaml', POD('nginx:1.27'));
    expect(t.run('kubectl create -f pod.yaml').stdout).toBe('pod/api created\n');
    const r = t.run('kubectl apply -f pod.yaml');
    expect(r.stdout).toBe('pod/api configured\n');
    expect(r.stderr).toBe(
      'Warning: resource pods/api is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n',
    );
  });

  it.each<[string, string, string]>([
    ['a forbidden pod change', `${POD('nginx:1.27')}    ports:\n    - containerPort: 80\n`, 'The Pod "api" is invalid: spec: Forbidden: pod updates may not change fields other than'],
    ['malformed YAML', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   bad: 1\n', 'error: error parsing STDIN: error converting YAML to JSON: yaml: line 4: mapping values are not allowed in this context\n'],
    ['a tab in indentation', 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: x\n', 'error: error parsing STDIN: error converting YAML to JSON: yaml: line 4: found character that cannot start any token\n'],
    ['a duplicate key', 'apiVersion: v1\nkind: Pod\nkind: Pod\n', 'error: error parsing STDIN: error converting YAML to JSON: yaml: unmarshal errors:\n  line 3: key "kind" already set in map\n'],
    ['a missing kind', 'apiVersion: v1\nmetadata:\n  name: x\n', 'error: error validating "STDIN": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false\n'],
    ['an unknown kind', 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\n', 'error: resource mapping not found for name: "web" namespace: "" from "STDIN": no matches for kind "StatefulSet" in version "apps/v1"\nensure CRDs are installed first\n'],
    ['an invalid object', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: app\n', 'The Pod "x" is invalid: spec.containers[0].image: Required value\n'],
    ['a spec without containers', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec: {}\n', 'The Pod "x" is invalid: spec.containers: Required value\n'],
    [
      'spec indented under metadata',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  spec:\n    containers: []\n',
      'Error from server (BadRequest): error when creating "STDIN": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "metadata.spec"\n',
    ],
    [
      'misspelt fields',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: a\n    imagee: nginx\n',
      'Error from server (BadRequest): error when creating "STDIN": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"\n',
    ],
    [
      'a wrongly typed field',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers: nginx\n',
      'Error from server (BadRequest): error when creating "STDIN": Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type []v1.Container\n',
    ],
  ])('reports %s as kubectl does', (_n, yaml, stderr) => {
    const t = testShell();
    t.run(`kubectl apply -f - <<'EOF'\n${POD('nginx:1.27')}EOF`);
    const r = t.run(`kubectl apply -f - <<'EOF'\n${yaml}EOF`);
    expect(r.exitCode).toBe(1);
    expect(r.stderr.startsWith(stderr)).toBe(true);
  });

  it.each([
    ['kubectl apply -f nope.yaml', 'error: the path "nope.yaml" does not exist\n'],
    ['kubectl apply', 'error: must specify one of -f and -k\n'],
    ['kubectl apply -f pod.yaml -n other', 'error: the namespace from the provided object "team" does not match the namespace "other". You must pass \'--namespace=team\' to perform this operation.\n'],
  ])('%s', (line, stderr) => {
    const t = testShell();
    t.vfs.write('/root/pod.yaml', POD('nginx:1.27').replace('name: api', 'name: api\n  namespace: team'));
    expect(t.run(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });
});

it('re-applies a pod exported with -o yaml (sorted keys, status and all)', () => {
  const t = testShell();
  t.run(`kubectl apply -f - <<'EOF'\n${POD('nginx:1.27')}EOF`);
  t.cluster.tick(5000);
  t.run('kubectl get pod api -o yaml > api.yaml');
  expect(t.run('kubectl apply -f api.yaml')).toEqual({ stdout: 'pod/api configured\n', stderr: '', exitCode: 0 });
});

describe('kubectl create', () => {
  it.each([
    ['kubectl create namespace team', 'namespace/team created\n'],
    ['kubectl create configmap cfg --from-literal=a=1 --from-literal=b=2', 'configmap/cfg created\n'],
    ['kubectl create secret generic db --from-literal=password=x -n kube-system', 'secret/db created\n'],
    ['kubectl create ns team -o name', 'namespace/team\n'],
  ])('%s', (line, stdout) => {
    expect(testShell().run(line)).toEqual({ stdout, stderr: '', exitCode: 0 });
  });

  it('reports AlreadyExists with the source file', () => {
    const t = testShell();
    t.vfs.write('/root/pod.yaml', POD('nginx:1.27'));
    t.run('kubectl create -f pod.yaml');
    expect(t.run('kubectl create -f pod.yaml')).toEqual({ stdout: '', stderr: 'Error from server (AlreadyExists): error when creating "pod.yaml": pods "api" already exists\n', exitCode: 1 });
  });

  it('stores base64 data for secrets from literals', () => {
    const t = testShell();
    t.run('kubectl create secret generic db --from-literal=password=s3cret');
    expect(t.run("kubectl get secret db -o jsonpath='{.data.password}' | base64 -d").stdout).toBe('s3cret');
  });
});
