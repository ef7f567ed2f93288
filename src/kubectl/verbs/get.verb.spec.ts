import { pod, testShell } from '../testing/fixture';

/** Four pods in four states, 90 virtual seconds in. */
function scene() {
  const t = testShell([pod('web', 'nginx:1.27'), pod('crash', 'busybox:crash'), pod('bad', 'nginx:nope'), pod('pending', 'nginx:1.27', { spec: { nodeSelector: { disk: 'ssd' } } })]);
  t.cluster.tick(90_000);
  return t;
}

describe('kubectl get pods', () => {
  it('prints ImagePullBackOff, CrashLoopBackOff with "N (Xs ago)", Pending and Running 1/1', () => {
    const r = scene().run('kubectl get pods');
    expect(r).toEqual({
      stdout: [
        'NAME      READY   STATUS             RESTARTS     AGE',
        'bad       0/1     ImagePullBackOff   0            90s',
        'crash     0/1     CrashLoopBackOff   4 (6s ago)   90s',
        'pending   0/1     Pending            0            90s',
        'web       1/1     Running            0            90s',
        '',
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    });
  });

  it('shows Terminating while a deleted pod winds down', () => {
    const t = scene();
    expect(t.run('kubectl delete pod web').stdout).toBe('pod "web" deleted\n');
    t.cluster.tick(1000);
    expect(t.run('kubectl get pod web').stdout).toMatch(/^web\s+\d\/1\s+Terminating\s+0\s+91s$/m);
  });

  it('adds the wide columns with -o wide', () => {
    const out = scene().run('kubectl get pods -o wide').stdout.split('\n');
    expect(out[0]).toBe('NAME      READY   STATUS             RESTARTS     AGE   IP           NODE       NOMINATED NODE   READINESS GATES');
    expect(out[3]).toBe('pending   0/1     Pending            0            90s   <none>       <none>     <none>           <none>');
    expect(out[4]).toMatch(/^web\s+1\/1\s+Running\s+0\s+90s\s+10\.244\.1\.\d+\s+worker-1\s+<none>\s+<none>$/);
  });

  it.each([
    ['-A puts NAMESPACE first', 'kubectl get pods -A --field-selector=metadata.name=web', 'NAMESPACE   NAME   READY   STATUS    RESTARTS   AGE\ndefault     web    1/1     Running   0          90s\n'],
    ['--no-headers', 'kubectl get pods --no-headers -l app!=x --field-selector=metadata.name=web', 'web   1/1   Running   0     90s\n'],
    ['-o name', 'kubectl get pods -o name', 'pod/bad\npod/crash\npod/pending\npod/web\n'],
    ['jsonpath over a list', "kubectl get pods -o jsonpath='{.items[*].metadata.name}'", 'bad crash pending web'],
    ['jsonpath on one object', "kubectl get pod web -o jsonpath='{.spec.nodeName}'", 'worker-1'],
    ['custom columns', 'kubectl get pods -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName --sort-by=.metadata.name', 'NAME      NODE\nbad       worker-1\ncrash     worker-1\npending   <none>\nweb       worker-1\n'],
    ['names by kind/name', 'kubectl get pod/web pods/bad -o name', 'pod/web\npod/bad\n'],
    ['--show-labels', 'kubectl get ns default --show-labels', 'NAME      STATUS   AGE   LABELS\ndefault   Active   7d    kubernetes.io/metadata.name=default\n'],
    ['configmaps', 'kubectl get cm', 'NAME               DATA   AGE\nkube-root-ca.crt   1      7d\n'],
    ['leases', 'kubectl get leases -n kube-node-lease', 'NAME            HOLDER          AGE\ncontrol-plane   control-plane   89s\nworker-1        worker-1        89s\n'],
  ])('%s', (_n, line, stdout) => {
    expect(scene().run(line)).toEqual({ stdout, stderr: '', exitCode: 0 });
  });

  it('prints one table per kind with kind-prefixed names for comma-separated kinds', () => {
    expect(scene().run('kubectl get po,no --field-selector=metadata.name=web').stdout).toBe('NAME      READY   STATUS    RESTARTS   AGE\npod/web   1/1     Running   0          90s\n');
    const t = testShell();
    t.cluster.tick(2000);
    const out = t.run('kubectl get ns,no').stdout;
    expect(out).toContain('NAME                        STATUS   AGE\nnamespace/default           Active   7d\n');
    expect(out).toContain('namespace/kube-system       Active   7d\n\nNAME                 STATUS   ROLES           AGE   VERSION\nnode/control-plane   Ready    control-plane   7d    v1.32.2\n');
  });

  it('prints -o yaml for one object and a List for several', () => {
    const t = scene();
    const one = t.run('kubectl get pod web -o yaml').stdout;
    expect(one.startsWith('apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: "2025-01-15T09:00:00Z"\n  name: web\n')).toBe(true);
    const list = t.run('kubectl get pods -o json').stdout;
    expect(JSON.parse(list)).toMatchObject({ apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items: [{ metadata: { name: 'bad' } }, {}, {}, {}] });
    expect(list.startsWith('{\n    "apiVersion": "v1",\n    "items": [\n')).toBe(true);
  });

  it('sorts by a JSONPath', () => {
    const t = testShell([pod('b', 'nginx:1.27')]);
    t.cluster.tick(5000);
    t.run('kubectl apply -f - <<EOF\napiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\nEOF');
    expect(t.run('kubectl get pods -o name --sort-by=.metadata.creationTimestamp').stdout).toBe('pod/b\npod/a\n');
    expect(t.run('kubectl get pods -o name --sort-by=.spec.nope').stderr).toBe('error: couldn\'t find any field with path "{.spec.nope}" in the list of objects\n');
  });
});

describe('kubectl get nodes', () => {
  it('shows NotReady 60 virtual seconds after the kubelet stops', () => {
    const t = testShell();
    t.cluster.tick(10_000);
    t.cluster.stopKubelet('worker-1');
    t.cluster.tick(60_000);
    expect(t.run('kubectl get nodes').stdout).toBe(
      'NAME            STATUS     ROLES           AGE   VERSION\ncontrol-plane   Ready      control-plane   7d    v1.32.2\nworker-1        NotReady   <none>          7d    v1.32.2\n',
    );
  });

  it('shows Ready,SchedulingDisabled after cordon, and wide columns', () => {
    const t = testShell();
    t.cluster.tick(5_000);
    expect(t.run('kubectl cordon worker-1').stdout).toBe('node/worker-1 cordoned\n');
    expect(t.run('kubectl get nodes worker-1 -o wide').stdout).toBe(
      'NAME       STATUS                     ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION     CONTAINER-RUNTIME\n' +
        'worker-1   Ready,SchedulingDisabled   <none>   7d    v1.32.2   172.18.0.3    <none>        Debian GNU/Linux 12 (bookworm)   6.8.0-51-generic   containerd://1.7.24\n',
    );
  });
});

describe('kubectl get events', () => {
  it('lists events grouped by object with LAST SEEN, TYPE, REASON, OBJECT, MESSAGE', () => {
    const out = scene().run('kubectl get events --field-selector involvedObject.name=web').stdout.split('\n');
    expect(out[0]).toBe('LAST SEEN   TYPE     REASON      OBJECT    MESSAGE');
    expect(out[1]).toBe('89s         Normal   Scheduled   pod/web   Successfully assigned default/web to worker-1');
    expect(out.slice(2, 5).map((l) => l.split(/\s{2,}/)[2])).toEqual(['Pulling', 'Pulled', 'Created']);
  });

  it('adds SUBOBJECT, SOURCE, FIRST SEEN, COUNT and NAME with -o wide', () => {
    const out = scene().run('kubectl get events -o wide --field-selector reason=BackOff').stdout.split('\n');
    expect(out[1]).toMatch(/^0s\s+Normal\s+BackOff\s+pod\/bad\s+spec\.containers\{app\}\s+kubelet, worker-1\s+Back-off pulling image "nginx:nope"\s+83s\s+9\s+bad\.[0-9a-f]+$/);
    expect(out[0].split(/\s{2,}/)).toEqual(['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME']);
    expect(out[2]).toMatch(/^\S+\s+Warning\s+BackOff\s+pod\/crash\s+spec\.containers\{app\}\s+kubelet, worker-1\s+Back-off restarting failed container app in pod crash_default\(.+\)\s+\d+s\s+\d+\s+crash\.[0-9a-f]+$/);
  });
});

describe('kubectl get errors', () => {
  it.each([
    ['kubectl get foos', '', 'error: the server doesn\'t have a resource type "foos"\n', 1],
    ['kubectl get pod nope', '', 'Error from server (NotFound): pods "nope" not found\n', 1],
    ['kubectl get pods --foo', '', "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n", 1],
    ['kubectl get pods -z', '', "error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n", 1],
    ['kubectl get pods -n', '', "error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n", 1],
    ['kubectl get pods -n kube-system', '', 'No resources found in kube-system namespace.\n', 0],
    ['kubectl get pods -A', '', 'No resources found\n', 0],
    ['kubectl get pods -o foo', '', 'error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n', 1],
    ['kubectl get pod web -A', '', 'error: a resource cannot be retrieved by name across all namespaces\n', 1],
    ['kubectl get pod web -l app=x', '', 'error: name cannot be provided when a selector is specified\n', 1],
    ['kubectl get pod pod/web', '', "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n", 1],
    ['kubectl get pods -l "a b c"', '', expect.stringMatching(/^Error from server \(BadRequest\): unable to parse requirement/), 1],
    ['kubectl get pod nope --ignore-not-found', '', '', 0],
  ])('%s', (line, stdout, stderr, exitCode) => {
    expect(testShell().run(line)).toEqual({ stdout, stderr, exitCode });
  });

  it('explains a missing resource type', () => {
    const r = testShell().run('kubectl get');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n',
    );
  });

  it('prints the rows it found and the errors for the names it did not', () => {
    const t = testShell([pod('web', 'nginx:1.27')]);
    expect(t.run('kubectl get pods web nope -o name')).toEqual({ stdout: 'pod/web\n', stderr: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 });
  });
});
