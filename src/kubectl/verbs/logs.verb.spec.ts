import { pod, testShell } from '../testing/fixture';

function scene() {
  const t = testShell([
    pod('crash', 'busybox:crash'),
    pod('bad', 'nginx:nope'),
    pod('web', 'nginx:1.27'),
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'duo' }, spec: { containers: [{ name: 'main', image: 'busybox:crash' }, { name: 'side', image: 'nginx:1.27' }] } },
  ]);
  t.cluster.tick(90_000);
  return t;
}

describe('kubectl logs', () => {
  it.each<[string, string, string, number]>([
    ['kubectl logs crash --previous', 'starting\nconfig missing, exiting\n', '', 0],
    ['kubectl logs -p pod/crash --tail=1', 'config missing, exiting\n', '', 0],
    ['kubectl logs crash -c app --tail=0', '', '', 0],
    ['kubectl logs duo -c main -p', 'starting\nconfig missing, exiting\n', '', 0],
    ['kubectl logs duo main -p --tail 1', 'config missing, exiting\n', '', 0],
    ['kubectl logs web --previous', '', 'Error from server (BadRequest): previous terminated container "app" in pod "web" not found\n', 1],
    ['kubectl logs bad', '', 'Error from server (BadRequest): container "app" in pod "bad" is waiting to start: trying and failing to pull image\n', 1],
    ['kubectl logs nope', '', 'error: error from server (NotFound): pods "nope" not found in namespace "default"\n', 1],
    ['kubectl logs web -c nope', '', 'Error from server (BadRequest): container nope is not valid for pod web\n', 1],
    ['kubectl logs', '', "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n", 1],
    ['kubectl logs web --tail=x', '', 'error: invalid argument "x" for "--tail" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'kubectl logs --help\' for usage.\n', 1],
  ])('%s', (line, stdout, stderr, exitCode) => {
    expect(scene().run(line)).toEqual({ stdout, stderr, exitCode });
  });

  it('says which container it defaulted to in a multi-container pod', () => {
    const r = scene().run('kubectl logs duo --previous');
    expect(r.stderr).toBe('Defaulted container "main" out of: main, side\n');
    expect(r.stdout).toBe('starting\nconfig missing, exiting\n');
  });

  it('keeps the defaulted-container line when the default container cannot be read', () => {
    const t = testShell([{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'init' }, spec: { initContainers: [{ name: 'wait', image: 'busybox:crash' }], containers: [{ name: 'app', image: 'nginx:1.27' }] } }]);
    t.cluster.tick(30_000);
    const r = t.run('kubectl logs init');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^Defaulted container "app" out of: app, wait \(init\)\nError from server \(BadRequest\): container "app" in pod "init" is waiting to start: /);
    expect(t.run('kubectl logs init -c wait -p').stdout).toBe('starting\nconfig missing, exiting\n');
  });

  it('prefixes RFC 3339 nanosecond timestamps with --timestamps', () => {
    expect(scene().run('kubectl logs crash -p --timestamps').stdout).toMatch(/^2025-01-15T09:01:\d\d\.\d{9}Z starting\n2025-01-15T09:01:\d\d\.\d{9}Z config missing, exiting\n$/);
  });
});

describe('kubectl logs TYPE/NAME (a workload or Service picks one of its pods)', () => {
  const deployment = (name: string, replicas: number, image: string) => ({
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image }] } } },
  });

  it('deployment/NAME with several pods: says which one it used (the one kubectl ByLogging ranks first) and prints its log', () => {
    const t = testShell([deployment('api', 3, 'busybox:crash')]);
    t.cluster.tick(90_000);
    const r = t.run('kubectl logs deploy/api -p --tail=1');
    const pods = t.run("kubectl get pods -l app=api -o jsonpath={.items[*].metadata.name}").stdout.split(' ');
    expect(r.stderr).toMatch(/^Found 3 pods, using pod\/api-[a-z0-9]+-[a-z0-9]{5}\n$/);
    expect(pods).toContain(r.stderr.match(/pod\/(\S+)/)![1]);
    expect(r.stdout).toBe('config missing, exiting\n');
  });

  it('prefers a Running and Ready pod, and reaches a Service\'s pods through its selector', () => {
    const t = testShell([
      pod('bad', 'nginx:nope', { metadata: { labels: { tier: 'web' } } }),
      pod('good', 'nginx:1.27', { metadata: { labels: { tier: 'web' } } }),
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { tier: 'web' }, ports: [{ port: 80 }] } },
    ]);
    t.cluster.tick(60_000);
    expect(t.run('kubectl logs svc/web')).toEqual({ stdout: '', stderr: 'Found 2 pods, using pod/good\n', exitCode: 0 });
  });

  it('answers like kubectl when nothing matches or the kind has no pods', () => {
    const t = testShell([deployment('idle', 0, 'nginx:1.27')]);
    expect(t.run('kubectl logs deployment/idle')).toEqual({ stdout: '', stderr: 'error: timed out waiting for the condition\n', exitCode: 1 });
    expect(t.run('kubectl logs deployment/nope').stderr).toBe('error: error from server (NotFound): deployments.apps "nope" not found in namespace "default"\n');
    expect(t.run('kubectl logs configmap/kube-root-ca.crt').stderr).toBe('error: cannot attach to *v1.ConfigMap: selector for *v1.ConfigMap not implemented\n');
  });
});
