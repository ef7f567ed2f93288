/**
 * Every row of fidelity.md §7 ("Phases, container states and conditions per failure"), produced by an
 * ordinary manifest meeting an image behaviour, seen the way a learner sees it (get / describe / events /
 * logs), then healed by the ordinary fix.
 *
 * Rows proven elsewhere (referenced, not duplicated):
 * - Missing ConfigMap volume (ContainerCreating stays, FailedMount, heals once created):
 *   src/cluster-engine/kubelet/volumes.spec.ts "keeps a pod whose ConfigMap volume is missing…".
 * - Init container stuck / crashing / bad image (Init:0/1, Init:CrashLoopBackOff, Init:ErrImagePull):
 *   src/cluster-engine/kubelet/probes-and-oom.spec.ts "runs init containers in order…" and
 *   src/cluster-engine/printers/pod.columns.spec.ts (the Init:… STATUS cells).
 * - Node lost (Terminating until the node returns, Ready False from MarkPodsNotReady):
 *   src/cluster-engine/controllers/node-lifecycle.spec.ts "evicts pods 300s after the NoExecute taint…" and "heals when the kubelet starts again…".
 * - Evicted under node pressure (Failed, Reason Evicted, DisruptionTarget; recovery after rm / kill):
 *   src/cluster-engine/kubelet/node-pressure.spec.ts and src/scenarios/faults/pressure-faults.spec.ts.
 * - Deleted pod (Terminating, describe `Terminating (lasts …)`): also src/kubectl/verbs/describe.verb.spec.ts.
 */
import { Cluster, ClusterSpec, KubeObject } from '../cluster-engine';
import { Shell } from './shell/shell';
import { VirtualFs } from './shell/vfs';

const REGISTRY: ClusterSpec['registry'] = [
  { name: 'nginx', tags: { '1.27': { sizeBytes: 68_520_387 } }, behaviour: { listens: [80], http: { '/': 200, '/healthz': 200 }, logs: [{ line: 'nginx: ready' }] } },
  { name: 'slow/app', tags: { '1': { sizeBytes: 900_000_000, pullSeconds: 40 } }, behaviour: { listens: [8080] } },
  { name: 'shop/api', tags: { '1': {} }, behaviour: { listens: [8080], requiredEnv: [{ name: 'DB_HOST', logs: ['FATAL: DB_HOST is not set'] }], logs: [{ line: 'api listening on :8080' }] } },
  { name: 'shop/migrate', tags: { '1': {} }, behaviour: { exit: { afterSeconds: 2, code: 0, logs: ['migrations applied'] } } },
  { name: 'shop/cache', tags: { '1': {} }, behaviour: { memoryMiB: 300, listens: [6379] } },
  // v1 writes debug logs without rotation (about 90 GiB); v2 logs at info level.
  { name: 'shop/spew', tags: { '1': { behaviour: { diskMiB: 90_000, listens: [8080] } }, '2': { behaviour: { diskMiB: 50, listens: [8080] } } } },
];

interface Row {
  row: string;
  manifests: string;
  /** seconds to let pass before looking */
  wait: number;
  /** the pod's `kubectl get pods` line, matched from its name on */
  get: RegExp;
  describe?: RegExp[];
  events?: RegExp[];
  logs?: { args: string; match: RegExp };
  fix: string[];
  healWait: number;
  healed: RegExp;
}

const pod = (name: string, spec: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels:
    app: ${name}
spec:
${spec}`;

const deploy = (name: string, containers: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: 1
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
${containers}`;

const ROWS: Row[] = [
  {
    row: 'Unschedulable: Pending, only PodScheduled False',
    manifests: pod('picky', '  nodeSelector:\n    disk: ssd\n  containers:\n  - name: app\n    image: nginx:1.27\n'),
    wait: 10,
    get: /^picky {3}0\/1 {5}Pending {3}0 {10}\d+s$/,
    describe: [/\nStatus: +Pending\n/, /\nConditions:\n {2}Type {11}Status\n {2}PodScheduled {3}False \n/],
    events: [/Warning +FailedScheduling +pod\/picky +0\/2 nodes are available: 1 node\(s\) didn't match Pod's node affinity\/selector, 1 node\(s\) had untolerated taint \{node-role\.kubernetes\.io\/control-plane: \}\./],
    fix: ['kubectl label node worker-1 disk=ssd'],
    healWait: 20,
    healed: /^picky {3}1\/1 {5}Running/,
  },
  {
    row: 'Scheduled, pulling: ContainerCreating, Pending',
    manifests: pod('big', '  containers:\n  - name: app\n    image: slow/app:1\n'),
    wait: 10,
    get: /^big {3}0\/1 {5}ContainerCreating {3}0 {10}\d+s$/,
    describe: [/\nStatus: +Pending\n/, /\n {4}State: +Waiting\n {6}Reason: +ContainerCreating\n/],
    events: [/Normal +Pulling +pod\/big +Pulling image "slow\/app:1"/],
    fix: [],
    healWait: 40,
    healed: /^big {3}1\/1 {5}Running/,
  },
  {
    row: 'Bad tag: ErrImagePull ↔ ImagePullBackOff, Pending, RESTARTS 0',
    manifests: pod('typo', '  containers:\n  - name: app\n    image: nginx:1.27.99\n'),
    wait: 40,
    get: /^typo {3}0\/1 {5}(ErrImagePull|ImagePullBackOff) +0 {10}\d+s$/,
    describe: [/\nStatus: +Pending\n/, /\n {6}Reason: +(ErrImagePull|ImagePullBackOff)\n/],
    events: [/Warning +Failed +pod\/typo +Failed to pull image "nginx:1\.27\.99": rpc error: code = NotFound/],
    logs: { args: 'typo', match: /^Error from server \(BadRequest\): container "app" in pod "typo" is waiting to start: (trying and failing to pull image|image can't be pulled)\n$/ },
    fix: ['kubectl set image pod/typo app=nginx:1.27'],
    healWait: 30,
    healed: /^typo {3}1\/1 {5}Running {3}0 /,
  },
  {
    row: 'Missing ConfigMap referenced by env: CreateContainerConfigError, Pending',
    manifests: pod('cfg', '  containers:\n  - name: app\n    image: nginx:1.27\n    envFrom:\n    - configMapRef:\n        name: app-config\n'),
    wait: 15,
    get: /^cfg {3}0\/1 {5}CreateContainerConfigError {3}0 {10}\d+s$/,
    describe: [/\nStatus: +Pending\n/, /\n {6}Reason: +CreateContainerConfigError\n/],
    events: [/Warning +Failed +pod\/cfg +Error: configmap "app-config" not found/],
    fix: ['kubectl create configmap app-config --from-literal=MODE=prod'],
    healWait: 20,
    healed: /^cfg {3}1\/1 {5}Running {3}0/,
  },
  {
    row: 'App exits non-zero: Error → CrashLoopBackOff, phase Running, Last State Error exit 1',
    manifests: deploy('api', '      containers:\n      - name: api\n        image: shop/api:1\n'),
    wait: 60,
    get: /^api-\w+-\w+ {3}0\/1 {5}CrashLoopBackOff {3}\d \(\d+s ago\) +\d+s$/,
    describe: [/\nStatus: +Running\n/, /\n {4}State: +Waiting\n {6}Reason: +CrashLoopBackOff\n {4}Last State: +Terminated\n {6}Reason: +Error\n {6}Exit Code: +1\n/],
    events: [/Warning +BackOff +pod\/api-\S+ +Back-off restarting failed container api in pod api-/],
    logs: { args: '{pod} --previous', match: /^FATAL: DB_HOST is not set\n$/ },
    fix: ['kubectl set env deployment/api DB_HOST=db.shop.svc'],
    healWait: 60,
    healed: /^api-\w+-\w+ {3}1\/1 {5}Running {3}0 {10}\d+s$/,
  },
  {
    row: 'App exits 0 under restartPolicy Always: Completed → CrashLoopBackOff, Last State Completed exit 0',
    manifests: pod('migrate', '  containers:\n  - name: migrate\n    image: shop/migrate:1\n'),
    wait: 60,
    get: /^migrate {3}0\/1 {5}(Completed|CrashLoopBackOff) {3}\d \(\d+s ago\) +\d+s$/,
    describe: [/\nStatus: +Running\n/, /\n {4}Last State: +Terminated\n {6}Reason: +Completed\n {6}Exit Code: +0\n/],
    logs: { args: 'migrate --previous', match: /^migrations applied\n$/ },
    // The fix: a one-off task belongs in a Job (restartPolicy Never); its pod ends Completed.
    fix: ['kubectl delete pod migrate --grace-period=0 --force', 'kubectl create job migrate --image=shop/migrate:1'],
    healWait: 20,
    healed: /^migrate-\w+ {3}0\/1 {5}Completed {3}0 {10}\d+s$/,
  },
  {
    row: 'OOM: OOMKilled → CrashLoopBackOff, Last State OOMKilled exit 137',
    manifests: deploy('cache', '      containers:\n      - name: cache\n        image: shop/cache:1\n        resources:\n          limits:\n            memory: 128Mi\n'),
    wait: 60,
    get: /^cache-\w+-\w+ {3}0\/1 {5}(OOMKilled|CrashLoopBackOff) {3}\d \(\d+s ago\) +\d+s$/,
    describe: [/\nStatus: +Running\n/, /\n {4}Last State: +Terminated\n {6}Reason: +OOMKilled\n {6}Exit Code: +137\n/],
    fix: ['kubectl set resources deployment/cache --limits=memory=512Mi'],
    healWait: 60,
    healed: /^cache-\w+-\w+ {3}1\/1 {5}Running {3}0 /,
  },
  {
    row: 'Liveness failing: Running, RESTARTS grows, Last State exit 143',
    manifests: deploy('live', '      containers:\n      - name: web\n        image: nginx:1.27\n        livenessProbe:\n          httpGet:\n            path: /health\n            port: 80\n'),
    wait: 75,
    get: /^live-\w+-\w+ {3}1\/1 {5}Running {3}[1-9] \(\d+s ago\) +\d+s$/,
    describe: [/\nStatus: +Running\n/, /\n {4}Last State: +Terminated\n {6}Reason: +Error\n {6}Exit Code: +143\n/],
    events: [/Warning +Unhealthy +pod\/live-\S+ +Liveness probe failed: HTTP probe failed with statuscode: 404/, /Normal +Killing +pod\/live-\S+ +Container web failed liveness probe, will be restarted/],
    fix: [`kubectl patch deployment live --type=json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/livenessProbe/httpGet/path","value":"/healthz"}]'`],
    healWait: 60,
    healed: /^live-\w+-\w+ {3}1\/1 {5}Running {3}0 /,
  },
  {
    row: 'Readiness failing: Running 0/1, Restart Count 0, Ready False (ContainersNotReady)',
    manifests: deploy('ready', '      containers:\n      - name: web\n        image: nginx:1.27\n        readinessProbe:\n          httpGet:\n            path: /\n            port: 8080\n'),
    wait: 40,
    get: /^ready-\w+-\w+ {3}0\/1 {5}Running {3}0 {10}\d+s$/,
    describe: [/\n {4}State: +Running\n/, /\n {4}Ready: +False\n {4}Restart Count: +0\n/, /\n {2}Ready {23}False \n {2}ContainersReady {13}False \n/],
    events: [/Warning +Unhealthy +pod\/ready-\S+ +Readiness probe failed: Get "http:\/\/[\d.]+:8080\/": dial tcp [\d.]+:8080: connect: connection refused/],
    fix: [`kubectl patch deployment ready --type=json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/readinessProbe/httpGet/port","value":80}]'`],
    healWait: 40,
    healed: /^ready-\w+-\w+ {3}1\/1 {5}Running {3}0 /,
  },
  {
    row: 'Job pod done: Completed, phase Succeeded, Ready False PodCompleted',
    manifests: `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: once\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: migrate\n        image: shop/migrate:1\n`,
    wait: 20,
    get: /^once-\w+ {3}0\/1 {5}Completed {3}0 {10}\d+s$/,
    describe: [/\nStatus: +Succeeded\n/, /\n {4}State: +Terminated\n {6}Reason: +Completed\n {6}Exit Code: +0\n/, /\n {2}Ready {23}False \n/],
    logs: { args: '{pod}', match: /^migrations applied\n$/ },
    fix: [],
    healWait: 0,
    healed: /^once-\w+ {3}0\/1 {5}Completed/,
  },
  {
    row: 'Evicted under node pressure: Failed, Reason Evicted, DisruptionTarget True; heals once the disk is free again',
    manifests: deploy('spew', '      containers:\n      - name: app\n        image: shop/spew:1\n'),
    wait: 40,
    // The killed container's terminated reason shows in STATUS; describe carries the pod's Evicted reason.
    get: /^spew-\w+-\w+ {3}0\/1 {5}Error {3}0 {10}\d+s$/,
    describe: [
      /\nStatus: +Failed\nReason: +Evicted\nMessage: +The node was low on resource: ephemeral-storage\. Threshold quantity: \d+, available: \d+(Ki)?\. Container app was using 90000Mi, request is 0, has larger consumption of ephemeral-storage\. \n/,
      /\n {2}DisruptionTarget {12}True \n/,
    ],
    events: [/Warning +Evicted +pod\/spew-\S+ +The node was low on resource: ephemeral-storage/, /Warning +EvictionThresholdMet +node\/worker-1 +Attempting to reclaim ephemeral-storage/, /Normal +NodeHasDiskPressure +node\/worker-1 +Node worker-1 status is now: NodeHasDiskPressure/],
    fix: ['kubectl set image deployment/spew app=shop/spew:2'],
    // DiskPressure (and its taint) lasts the 5 min transition period after the disk was freed.
    healWait: 400,
    healed: /^spew-\w+-\w+ {3}1\/1 {5}Running {3}0 /,
  },
  {
    row: 'Deleted pod: Terminating, describe Terminating (lasts …) with the grace period',
    manifests: pod('bye', '  terminationGracePeriodSeconds: 20\n  containers:\n  - name: app\n    image: nginx:1.27\n    lifecycle:\n      preStop:\n        exec:\n          command: ["sh", "-c", "sleep 15"]\n'),
    wait: 10,
    get: /^bye {3}1\/1 {5}Running/,
    fix: ['kubectl delete pod bye --wait=false'],
    healWait: 3,
    healed: /^bye {3}1\/1 {5}Terminating {3}0 {10}\d+s$/,
  },
];

function scene(manifests: string) {
  const cluster = Cluster.create({ nodes: [{ name: 'control-plane', role: 'control-plane' }, { name: 'worker-1', cpu: '4', memory: '8Gi' }], registry: REGISTRY, objects: [] as KubeObject[] }, 11);
  const vfs = new VirtualFs();
  const shell = new Shell(cluster, vfs);
  vfs.write('/root/app.yaml', manifests);
  const applied = shell.run('kubectl apply -f app.yaml');
  expect(applied.exitCode).toBe(0);
  return { cluster, run: (line: string) => shell.run(line) };
}

/** Column gaps depend on the other rows: a row pattern's ` {3}` means "a column gap". */
const loose = (re: RegExp) => new RegExp(re.source.replace(/ \{\d+\}/g, ' +'));

/** The pod line of `kubectl get pods` whose name matches the row's pattern. */
function podLine(run: (l: string) => { stdout: string }, pattern: RegExp): string {
  const [header, ...lines] = run('kubectl get pods').stdout.trimEnd().split('\n');
  expect(header).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE$/);
  return lines.find((l) => loose(pattern).test(l)) ?? lines.join('\n');
}

describe('common failures (fidelity.md §7): symptom, diagnosis, fix, healing', () => {
  it.each(ROWS.map((r) => [r.row, r] as const))('%s', (_name, r) => {
    const { cluster, run } = scene(r.manifests);
    cluster.tick(r.wait * 1000);
    const line = podLine(run, r.get);
    expect(line).toMatch(loose(r.get));
    const name = line.split(/\s+/)[0];
    const described = run(`kubectl describe pod ${name}`).stdout;
    for (const d of r.describe ?? []) expect(described).toMatch(d);
    const events = run('kubectl get events').stdout;
    for (const e of r.events ?? []) expect(events).toMatch(e);
    if (r.logs) {
      const out = run(`kubectl logs ${r.logs.args.replace('{pod}', name)}`);
      expect(out.stdout + out.stderr).toMatch(r.logs.match);
    }
    for (const cmd of r.fix) expect(run(cmd)).toMatchObject({ exitCode: 0 });
    cluster.tick(r.healWait * 1000);
    expect(podLine(run, r.healed)).toMatch(loose(r.healed));
    if (r.row.startsWith('Deleted pod')) {
      expect(run('kubectl describe pod bye').stdout).toMatch(/\nStatus: +Terminating \(lasts 1\ds\)\nTermination Grace Period: +20s\n/);
      // preStop (15 s) then SIGTERM: nginx exits at once; the pod is gone soon after.
      cluster.tick(20_000);
      expect(run('kubectl get pod bye').stderr).toBe('Error from server (NotFound): pods "bye" not found\n');
    }
  });
});
