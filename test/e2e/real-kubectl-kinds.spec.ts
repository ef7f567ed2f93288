/**
 * The real kubectl over a nodes-track scenario (node-left-cordoned: node02 is still cordoned, one api
 * replica Pending) with one object of every kind the engine has, created through the real kubectl:
 * `describe` of every kind, `get` in several formats, events, top, auth can-i, create generators,
 * expose, rollout status and drain with a PodDisruptionBudget. As in real-kubectl.spec.ts, output is
 * compared with our socket kubectl's on the same state (the ticker is manual); where it differs on
 * purpose, the test says why. Nothing here uncordons node02, which would solve the attempt.
 */
import type { AttemptView, CommandResult } from '../../src/game/protocol/messages';
import { AttemptTickerService } from '../../src/game/attempts/attempt-ticker.service';
import { register } from '../support/accounts';
import { argv, K8S_ENV, kubeconfigFor, maskClientAges, pacedOurs, realKubectl, type KubectlRun } from '../support/real-kubectl';
import { call, connect, type TestSocket } from '../support/socket-client';
import { MANUAL_TICKER, startTestApp, type TestApp } from '../support/test-app';
import { freshDatabaseUrl } from '../support/test-database';

jest.setTimeout(240_000);

/** One object of every kind the engine has that the scenario does not already hold. */
const OBJECTS = `apiVersion: v1
kind: Namespace
metadata:
  name: team
---
apiVersion: v1
kind: ResourceQuota
metadata:
  name: q1
  namespace: team
spec:
  hard:
    pods: "10"
    requests.cpu: "4"
    requests.memory: 4Gi
---
apiVersion: v1
kind: LimitRange
metadata:
  name: lr1
  namespace: team
spec:
  limits:
  - type: Container
    default: { memory: 256Mi }
    defaultRequest: { memory: 128Mi }
    max: { memory: 1Gi }
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: robot
  namespace: team
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: reader
  namespace: team
rules:
- apiGroups: [""]
  resources: [pods, pods/log]
  verbs: [get, list, watch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: reader-binding
  namespace: team
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader }
subjects:
- { kind: ServiceAccount, name: robot, namespace: team }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: node-viewer
rules:
- apiGroups: [""]
  resources: [nodes]
  verbs: [get, list]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: node-viewer-binding
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: node-viewer }
subjects:
- { apiGroup: rbac.authorization.k8s.io, kind: User, name: jane }
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: fast
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: tuning
data:
  retries: "3"
  timeout: 5s
---
apiVersion: v1
kind: Secret
metadata:
  name: creds
type: Opaque
stringData:
  user: admin
  password: s3cr3t
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
provisioner: kubernetes.io/no-provisioner
volumeBindingMode: WaitForFirstConsumer
---
apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv1
spec:
  capacity: { storage: 1Gi }
  accessModes: [ReadWriteOnce]
  storageClassName: manual
  hostPath: { path: /data/pv1 }
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: claim1
spec:
  storageClassName: manual
  accessModes: [ReadWriteOnce]
  resources:
    requests: { storage: 1Gi }
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: high
value: 1000
description: Sale-day workloads.
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: api-pdb
spec:
  minAvailable: 3
  selector:
    matchLabels: { app: api }
---
apiVersion: batch/v1
kind: Job
metadata:
  name: once
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: once
        image: busybox
        command: [echo, hi]
`;

describe('e2e: real kubectl over every kind, on a nodes-track scenario', () => {
  let testApp: TestApp;
  let socket: TestSocket;
  let attemptId: string;
  let kubectl: (args: string[], stdin?: string) => Promise<KubectlRun>;
  let ticker: AttemptTickerService;

  beforeAll(async () => {
    testApp = await startTestApp({ databaseUrl: freshDatabaseUrl(), env: { ...MANUAL_TICKER, ...K8S_ENV } });
    ticker = testApp.app.get(AttemptTickerService);
    socket = await connect(testApp.url);
    const sessionToken = (await register(socket, 'kinds_learner')).token;
    attemptId = (await call<AttemptView>(socket, 'attempt:start', { scenarioId: 'node-left-cordoned' })).attemptId;
    await ticker.tickAll(30_000);
    kubectl = realKubectl(await kubeconfigFor(testApp.url, sessionToken, attemptId));
    const applied = await kubectl(['apply', '-f', '-'], OBJECTS);
    expect([applied.stderr, applied.exitCode]).toEqual(['', 0]);
    const exposed = await kubectl(argv('expose deployment api --port=80 --target-port=8080'));
    expect(exposed.stdout).toBe('service/api exposed\n');
    await ticker.tickAll(30_000);
  });

  afterAll(async () => {
    socket?.close();
    await testApp?.app.close();
  });

  const ours = pacedOurs(() => socket, () => attemptId);
  const real = (line: string, stdin?: string): Promise<KubectlRun> => kubectl(argv(line), stdin);
  const same = async (line: string): Promise<void> => {
    const [r, o] = await Promise.all([real(line), ours(`kubectl ${line}`)]);
    expect({ line, stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }).toEqual({ line, stdout: o.stdout, stderr: o.stderr, exitCode: o.exitCode });
  };

  // describe secret lists `key:  N bytes` in Go map order too (it changes from run to run): compare those lines sorted.
  const sortSecretData = (t: string): string => {
    const lines = t.split('\n');
    const isData = (l: string) => /^[^\s:]+:\s+\d+ bytes$/.test(l);
    for (let i = 0; i < lines.length; i++) {
      let j = i;
      while (j < lines.length && isData(lines[j])) j++;
      if (j - i > 1) lines.splice(i, j - i, ...lines.slice(i, j).sort());
      i = j;
    }
    return lines.join('\n');
  };

  // One data key in the ConfigMap and one resource in the LimitRange: kubectl's describers range over Go
  // maps there, so with several their order changes from run to run (ours sorts); tuning shows the rest.
  describe('describe KIND NAME for every kind the engine has', () => {
    it('describe configmap with several keys: the same blocks, in Go map order on the real side', async () => {
      const [r, o] = await Promise.all([real('describe configmap tuning'), ours('kubectl describe configmap tuning')]);
      // The same key/value entries, and the same text around the Data section.
      const entries = (t: string) => [...t.matchAll(/^(\S+):\n----\n(.*)\n\n/gm)].map((m) => `${m[1]}=${m[2]}`).sort();
      const frame = (t: string) => t.replace(/^(\S+):\n----\n(.*)\n\n/gm, '');
      expect(entries(r.stdout)).toEqual(['retries=3', 'timeout=5s']);
      expect(entries(r.stdout)).toEqual(entries(o.stdout));
      expect(frame(r.stdout)).toBe(frame(o.stdout));
    });

    it.each([
      'describe pods -l app=api',
      'describe node node01',
      'describe node node02',
      'describe deployment api',
      'describe replicasets -l app=api',
      'describe service api',
      'describe endpoints api',
      'describe endpointslices -l kubernetes.io/service-name=api',
      'describe configmap settings',
      'describe secret creds',
      'describe namespace team',
      'describe serviceaccount robot -n team',
      'describe pvc claim1',
      'describe pv pv1',
      'describe storageclass fast',
      'describe job once',
      'describe resourcequota q1 -n team',
      'describe limitrange lr1 -n team',
      'describe priorityclass high',
      'describe poddisruptionbudget api-pdb',
      'describe role reader -n team',
      'describe rolebinding reader-binding -n team',
      'describe clusterrole node-viewer',
      'describe clusterrolebinding node-viewer-binding',
      'describe lease node01 -n kube-node-lease',
    ])('%s', async (line) => {
      const [r, o] = await Promise.all([real(line), ours(`kubectl ${line}`)]);
      expect([r.stderr, r.exitCode]).toEqual(['', 0]);
      expect(sortSecretData(maskClientAges(r.stdout))).toBe(sortSecretData(maskClientAges(o.stdout)));
    });

    it.each(['describe pod nope', 'describe nosuchkind x', 'describe pvc nope -n team'])('%s: the same error', same);
  });

  describe('get, events, top and auth on the nodes track', () => {
    it.each([
      'get nodes',
      'get nodes -o wide',
      'get node node02 -o jsonpath={.spec.unschedulable}',
      'get nodes -o custom-columns=NAME:.metadata.name,UNSCHEDULABLE:.spec.unschedulable,TAINTS:.spec.taints[*].key',
      'get pods -A -o wide',
      'get pods -o wide -l app=api',
      'get pods --field-selector status.phase=Pending',
      'get pods -A --field-selector spec.nodeName=node02',
      'get events --field-selector reason=FailedScheduling',
      'get events -A --field-selector involvedObject.kind=Node',
      'get events --field-selector type=Warning',
      'get deploy api -o yaml',
      'get rs -o wide',
      'get svc,ep api -o wide',
      'get pdb api-pdb -o yaml',
      'get quota,limits -n team',
      'get pv,pvc',
      'get sc fast -o yaml',
      'get roles,rolebindings -n team -o wide',
      'get clusterrole node-viewer -o yaml',
      'get clusterrolebinding node-viewer-binding -o wide',
      'get sa -n team',
      'get cm settings -o yaml',
      'get secret creds -o jsonpath={.data.user}',
      'get priorityclass high',
      'get jobs -o wide',
      'get leases -n kube-node-lease -o name',
      'get ns team -o json',
      'top nodes',
      'top pods -l app=api',
      'auth can-i list pods -n team --as=system:serviceaccount:team:robot',
      'auth can-i delete pods -n team --as=system:serviceaccount:team:robot',
      'auth can-i list nodes --as=jane',
      'get pvc nope -n team',
      'scale deployment nope --replicas=2',
      'logs nope',
    ])('%s', same);
  });

  describe('writes on the nodes track', () => {
    it('create generators through the real kubectl build the same objects as ours', async () => {
      const generators: Array<[string, string]> = [
        ['create configmap NAME --from-literal=a=b --from-literal=c=d', 'cm NAME -o jsonpath={.data}'],
        ['create secret generic NAME --from-literal=p=q', 'secret NAME -o jsonpath={.data}'],
        ['create job NAME --image=busybox -- echo hi', 'job NAME -o jsonpath={.spec.template.spec.containers}'],
        ['create serviceaccount NAME -n team', 'sa NAME -n team -o jsonpath={.metadata.namespace}'],
        ['create role NAME -n team --verb=get --resource=pods', 'role NAME -n team -o jsonpath={.rules}'],
        ['create clusterrole NAME --verb=list --resource=nodes', 'clusterrole NAME -o jsonpath={.rules}'],
        ['create service clusterip NAME --tcp=80:8080', 'svc NAME -o jsonpath={.spec.ports}'],
      ];
      for (const [i, [create, get]] of generators.entries()) {
        const [rn, on] = [`viareal${i}`, `viaours${i}`];
        const r = await real(create.replace('NAME', rn));
        const o = await ours(`kubectl ${create.replace('NAME', on)}`);
        expect({ create, stdout: r.stdout.replace(rn, 'NAME'), exitCode: r.exitCode }).toEqual({ create, stdout: o.stdout.replace(on, 'NAME'), exitCode: o.exitCode });
        const [gr, go] = await Promise.all([ours(`kubectl get ${get.replace('NAME', rn)}`), ours(`kubectl get ${get.replace('NAME', on)}`)]);
        expect({ create, spec: gr.stdout.replaceAll(rn, 'NAME') }).toEqual({ create, spec: go.stdout.replaceAll(on, 'NAME') });
      }
    });

    // Our terminal has no quota, priorityclass or pdb generators yet (it says so and points to -f): the real kubectl's must still work.
    it.each([
      ['create quota gen-q -n team --hard=pods=4', 'resourcequota/gen-q created\n', 'quota gen-q -n team -o jsonpath={.spec.hard.pods}', '4'],
      ['create priorityclass gen-pc --value=10 --description=x', 'priorityclass.scheduling.k8s.io/gen-pc created\n', 'pc gen-pc -o jsonpath={.value}', '10'],
      ['create pdb gen-pdb --selector=app=api --max-unavailable=1', 'poddisruptionbudget.policy/gen-pdb created\n', 'pdb gen-pdb -o jsonpath={.spec.maxUnavailable}', '1'],
    ])('%s', async (line, printed, get, value) => {
      expect(await real(line)).toEqual({ stdout: printed, stderr: '', exitCode: 0 });
      expect((await ours(`kubectl get ${get}`)).stdout).toBe(value);
    });

    it('rollout status waits on the Pending replica (node02 is still cordoned) and times out', async () => {
      const r = await real('rollout status deployment/api --timeout=2s');
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toMatch(/^Waiting for deployment "api" rollout to finish: 3 of 4 updated replicas are available\.\.\.\n/);
      expect(r.stderr).toBe('error: timed out waiting for the condition\n');
    });

    it('label, annotate and taint on the nodes track; get shows them as ours does', async () => {
      expect((await real('label node node01 disk=ssd')).stdout).toBe('node/node01 labeled\n');
      expect((await real('annotate deployment api owner=sre')).stdout).toBe('deployment.apps/api annotated\n');
      expect((await real('taint node node01 maintenance=soon:PreferNoSchedule')).stdout).toBe('node/node01 tainted\n');
      await same('get nodes -L disk');
      await same('get nodes -l disk=ssd');
      await same('get deploy api -o jsonpath={.metadata.annotations.owner}');
      expect((await real('taint node node01 maintenance-')).stdout).toBe('node/node01 untainted\n');
      expect((await real('label node node01 disk-')).stdout).toBe('node/node01 unlabeled\n');
    });

    it('drain node01 is held by the PodDisruptionBudget (3 of 4 available, minAvailable 3); uncordon', async () => {
      // gen-pdb (made above) selects app=api too: with two budgets the API server refuses the eviction outright.
      const two = await real('drain node01 --ignore-daemonsets --timeout=3s');
      expect(two.stderr).toMatch(/error when evicting pods\/"api-[a-z0-9-]+" -n "default": Internal error occurred: This pod has more than one PodDisruptionBudget, which the eviction subresource does not support\./);
      expect((await real('delete pdb gen-pdb')).stdout).toBe('poddisruptionbudget.policy "gen-pdb" deleted\n');
      const d = await real('drain node01 --ignore-daemonsets --timeout=3s');
      expect(d.exitCode).toBe(1);
      expect(d.stdout).toMatch(/^node\/node01 (already )?cordoned\n/);
      expect(d.stderr).toMatch(/error when evicting pods\/"api-[a-z0-9-]+" -n "default" \(will retry after 5s\): Cannot evict pod as it would violate the pod's disruption budget\./);
      await same('get nodes');
      await same('get pdb');
      expect((await real('uncordon node01')).stdout).toBe('node/node01 uncordoned\n');
    });

    it('delete through the real kubectl', async () => {
      // (--wait=false: the ticker is manual, so nothing would run the pvc-protection finalizer kubectl waits on.)
      for (const line of ['delete job once', 'delete pvc claim1 --wait=false', 'delete pv pv1 --wait=false', 'delete clusterrolebinding node-viewer-binding', 'delete namespace team --wait=false']) {
        const r = await real(line);
        expect([line, r.exitCode]).toEqual([line, 0]);
      }
      await same('get pvc,pv');
      await same('get ns team');
    });
  });
});
