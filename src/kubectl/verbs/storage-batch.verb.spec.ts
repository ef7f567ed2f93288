import { KubeObject } from '../../cluster-engine';
import { Cluster } from '../../cluster-engine';
import { Shell } from '../shell/shell';
import { VirtualFs } from '../shell/vfs';
import { pod, testShell } from '../testing/fixture';

const pvc = (name: string, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...extra },
});
const pv = (name: string, storage: string, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name },
  spec: { capacity: { storage }, accessModes: ['ReadWriteOnce', 'ReadOnlyMany'], hostPath: { path: `/mnt/${name}` }, persistentVolumeReclaimPolicy: 'Retain', ...extra },
});
const withClaim = (name: string, claim: string) => pod(name, 'nginx:1.27', { spec: { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: claim } }], containers: [{ name: 'app', image: 'nginx:1.27', volumeMounts: [{ name: 'data', mountPath: '/data' }] }] } });

/** A claim bound to a static PV, one waiting for a class that does not exist, one provisioned on first use. */
function storageScene() {
  const t = testShell([
    pv('pv-manual', '5Gi', { storageClassName: 'manual' }),
    pv('pv-spare', '2Gi'),
    pvc('manual-claim', { storageClassName: 'manual' }),
    pvc('fast-claim', { storageClassName: 'fast' }),
    pvc('data'),
    withClaim('db', 'data'),
    withClaim('orphan', 'missing'),
  ]);
  t.cluster.tick(60_000);
  return t;
}

describe('kubectl get/describe for storage', () => {
  it('get pvc', () => {
    const t = storageScene();
    const vol = t.run('kubectl get pvc data -o jsonpath={.spec.volumeName}').stdout;
    expect(t.run('kubectl get pvc')).toEqual({
      stdout: [
        'NAME           STATUS    VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE',
        `data           Bound     ${vol}   1Gi        RWO            standard       <unset>                 60s`,
        'fast-claim     Pending                                                                        fast           <unset>                 60s',
        'manual-claim   Bound     pv-manual                                  5Gi        RWO,ROX        manual         <unset>                 60s',
        '',
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    });
  });

  it('get pv', () => {
    const t = storageScene();
    const vol = t.run('kubectl get pvc data -o jsonpath={.spec.volumeName}').stdout;
    const out = t.run('kubectl get pv').stdout.split('\n');
    expect(out[0]).toBe('NAME                                       CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS      CLAIM                  STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE');
    expect(out.slice(1)).toEqual([
      'pv-manual                                  5Gi        RWO,ROX        Retain           Bound       default/manual-claim   manual         <unset>                          60s',
      'pv-spare                                   2Gi        RWO,ROX        Retain           Available                                         <unset>                          60s',
      `${vol}   1Gi        RWO            Delete           Bound       default/data           standard       <unset>                          57s`,
      '',
    ]);
  });

  it('get storageclass marks the default class', () => {
    expect(storageScene().run('kubectl get sc').stdout).toBe(
      'NAME                 PROVISIONER             RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE\nstandard (default)   rancher.io/local-path   Delete          WaitForFirstConsumer   false                  7d\n',
    );
  });

  it('describe pvc of a claim whose class is missing', () => {
    const out = storageScene().run('kubectl describe pvc fast-claim').stdout;
    expect(out).toBe(
      [
        'Name:          fast-claim',
        'Namespace:     default',
        'StorageClass:  fast',
        'Status:        Pending',
        'Volume:        ',
        'Labels:        <none>',
        'Annotations:   <none>',
        'Finalizers:    [kubernetes.io/pvc-protection]',
        'Capacity:      ',
        'Access Modes:  ',
        'VolumeMode:    Filesystem',
        'Used By:       <none>',
        'Events:',
        '  Type     Reason              Age                From                         Message',
        '  ----     ------              ----               ----                         -------',
        '  Warning  ProvisioningFailed  14s (x4 over 59s)  persistentvolume-controller  storageclass.storage.k8s.io "fast" not found',
        '',
      ].join('\n'),
    );
  });

  it('describe pvc of a provisioned claim lists its pod and the provisioning events', () => {
    const t = storageScene();
    const out = t.run('kubectl describe pvc data').stdout;
    const vol = t.run('kubectl get pvc data -o jsonpath={.spec.volumeName}').stdout;
    expect(out.split('\n').slice(0, 16)).toEqual([
      'Name:          data',
      'Namespace:     default',
      'StorageClass:  standard',
      'Status:        Bound',
      `Volume:        ${vol}`,
      'Labels:        <none>',
      'Annotations:   pv.kubernetes.io/bind-completed: yes',
      '               pv.kubernetes.io/bound-by-controller: yes',
      '               volume.beta.kubernetes.io/storage-provisioner: rancher.io/local-path',
      '               volume.kubernetes.io/selected-node: worker-1',
      '               volume.kubernetes.io/storage-provisioner: rancher.io/local-path',
      'Finalizers:    [kubernetes.io/pvc-protection]',
      'Capacity:      1Gi',
      'Access Modes:  RWO',
      'VolumeMode:    Filesystem',
      'Used By:       db',
    ]);
    expect(out).toMatch(/Normal  ProvisioningSucceeded .* Successfully provisioned volume pvc-/);
    expect(t.run('kubectl get pod db').stdout).toMatch(/^db\s+1\/1\s+Running/m);
  });

  it('a pod on a missing claim: describe shows the FailedScheduling text', () => {
    const out = storageScene().run('kubectl describe pod orphan').stdout;
    expect(out).toContain('Warning  FailedScheduling  ');
    expect(out).toContain('0/2 nodes are available: persistentvolumeclaim "missing" not found. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.');
  });

  it('describe pv shows the claim, the node affinity of a provisioned volume and its source', () => {
    const t = storageScene();
    const vol = t.run('kubectl get pvc data -o jsonpath={.spec.volumeName}').stdout;
    const out = t.run(`kubectl describe pv ${vol}`).stdout;
    expect(out).toContain('Claim:             default/data\nReclaim Policy:    Delete\nAccess Modes:      RWO\nVolumeMode:        Filesystem\nCapacity:          1Gi\nNode Affinity:     \n  Required Terms:  \n    Term 0:        kubernetes.io/hostname in [worker-1]\nMessage:           \nSource:\n    Type:          HostPath (bare host directory volume)\n');
    expect(t.run('kubectl describe pv pv-spare').stdout).toBe(
      [
        'Name:            pv-spare',
        'Labels:          <none>',
        'Annotations:     <none>',
        'Finalizers:      [kubernetes.io/pv-protection]',
        'StorageClass:    ',
        'Status:          Available',
        'Claim:           ',
        'Reclaim Policy:  Retain',
        'Access Modes:    RWO,ROX',
        'VolumeMode:      Filesystem',
        'Capacity:        2Gi',
        'Node Affinity:   <none>',
        'Message:         ',
        'Source:',
        '    Type:          HostPath (bare host directory volume)',
        '    Path:          /mnt/pv-spare',
        '    HostPathType:  <none>',
        'Events:            <none>',
        '',
      ].join('\n'),
    );
  });
});

/** A cluster whose registry has a batch image that finishes (`worker:1`) and one that fails (`busybox:crash`). */
function jobShell(objects: KubeObject[] = []) {
  const cluster = Cluster.create(
    {
      nodes: [{ name: 'control-plane', role: 'control-plane' }, { name: 'worker-1' }],
      registry: [
        { name: 'worker', tags: { '1': { sizeBytes: 5_000_000, behaviour: { logs: [{ line: 'done' }], exit: { afterSeconds: 3, code: 0 } } } } },
        { name: 'busybox', tags: { crash: { sizeBytes: 4_000_000, behaviour: { logs: [{ line: 'boom' }], exit: { afterSeconds: 2, code: 1 } } } } },
      ],
      objects,
    },
    7,
  );
  const shell = new Shell(cluster, new VirtualFs());
  return { cluster, run: (line: string) => shell.run(line) };
}

describe('kubectl create/get/describe job', () => {
  it('create job validates its arguments and makes a Never-restarting Job', () => {
    const t = jobShell();
    expect(t.run('kubectl create job hello --image=worker:1 -- sh -c "exit 0"')).toEqual({ stdout: 'job.batch/hello created\n', stderr: '', exitCode: 0 });
    expect(t.run('kubectl get job hello -o jsonpath={.spec.template.spec.restartPolicy}').stdout).toBe('Never');
    expect(t.run('kubectl get job hello -o jsonpath={.spec.template.spec.containers[0].command}').stdout).toBe('["sh","-c","exit 0"]');
    expect(t.run('kubectl create job').stderr).toContain('exactly one NAME is required, got 0');
    expect(t.run('kubectl create job x').stderr).toBe('error: either --image or --from must be specified\n');
    t.cluster.tick(1000);
    expect(t.run('kubectl get jobs').stdout).toBe('NAME    STATUS    COMPLETIONS   DURATION   AGE\nhello   Running   0/1           0s         1s\n');
  });

  it('get job: one Complete at 3/3, one Failed at its backoff limit', () => {
    const t = jobShell();
    t.run('kubectl create job ok --image=worker:1');
    t.run('kubectl create job bad --image=busybox:crash');
    t.cluster.api.create({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'three', namespace: 'default' }, spec: { completions: 3, parallelism: 3, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'w', image: 'worker:1' }] } } } });
    const bad = t.cluster.api.get<KubeObject & { spec: { backoffLimit: number } }>('Job', 'default', 'bad');
    bad.spec.backoffLimit = 1;
    t.cluster.api.update(bad);
    t.cluster.tick(120_000);
    expect(t.run('kubectl get jobs -o wide').stdout.split('\n').map((l) => l.replace(/controller-uid=[0-9a-f-]+/, 'controller-uid=UID'))).toEqual([
      'NAME    STATUS     COMPLETIONS   DURATION   AGE   CONTAINERS   IMAGES          SELECTOR',
      'bad     Failed     0/1           119s       2m    bad          busybox:crash   batch.kubernetes.io/controller-uid=UID',
      'ok      Complete   1/1           7s         2m    ok           worker:1        batch.kubernetes.io/controller-uid=UID',
      'three   Complete   3/3           7s         2m    w            worker:1        batch.kubernetes.io/controller-uid=UID',
      '',
    ]);
    const events = t.run('kubectl get events --field-selector involvedObject.kind=Job').stdout;
    expect(events).toContain('Warning   BackoffLimitExceeded   job/bad     Job has reached the specified backoff limit');
    expect(events).toContain('Normal    Completed              job/ok      Job completed');
    const out = t.run('kubectl describe job three').stdout.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, 'UID');
    expect(out.split('\n').slice(0, 22)).toEqual([
      'Name:             three',
      'Namespace:        default',
      'Selector:         batch.kubernetes.io/controller-uid=UID',
      'Labels:           batch.kubernetes.io/controller-uid=UID',
      '                  batch.kubernetes.io/job-name=three',
      '                  controller-uid=UID',
      '                  job-name=three',
      'Annotations:      <none>',
      'Parallelism:      3',
      'Completions:      3',
      'Completion Mode:  NonIndexed',
      'Suspend:          false',
      'Backoff Limit:    6',
      'Start Time:       Wed, 15 Jan 2025 09:00:01 +0000',
      'Completed At:     Wed, 15 Jan 2025 09:00:08 +0000',
      'Duration:         7s',
      'Pods Statuses:    0 Active (0 Ready) / 3 Succeeded / 0 Failed',
      'Pod Template:',
      '  Labels:  batch.kubernetes.io/controller-uid=UID',
      '           batch.kubernetes.io/job-name=three',
      '           controller-uid=UID',
      '           job-name=three',
    ]);
    expect(out).toMatch(/Normal  SuccessfulCreate  .*job-controller  Created pod: three-\w{5}/);
    expect(out).toMatch(/Normal  Completed         .*job-controller  Job completed/);
  });
});

describe('kubectl get/describe for quota, limits and priority classes', () => {
  const objects: KubeObject[] = [
    { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'team-quota' }, spec: { hard: { pods: '4', 'requests.cpu': '1', 'requests.memory': '1Gi', 'limits.cpu': '2', 'limits.memory': '2Gi' } } },
    { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'defaults' }, spec: { limits: [{ type: 'Container', default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '250m', memory: '128Mi' }, max: { cpu: '1' } }] } },
    pod('web', 'nginx:1.27'),
  ];

  it('get resourcequota (v1.32 columns: AGE before REQUEST and LIMIT)', () => {
    const t = testShell(objects);
    t.cluster.tick(30_000);
    expect(t.run('kubectl get quota').stdout).toBe(
      'NAME         AGE   REQUEST                                                       LIMIT\nteam-quota   30s   pods: 1/4, requests.cpu: 250m/1, requests.memory: 128Mi/1Gi   limits.cpu: 500m/2, limits.memory: 256Mi/2Gi\n',
    );
  });

  it('describe quota and limitrange', () => {
    const t = testShell(objects);
    t.cluster.tick(30_000);
    expect(t.run('kubectl describe resourcequota team-quota').stdout).toBe(
      'Name:            team-quota\nNamespace:       default\nResource         Used   Hard\n--------         ----   ----\nlimits.cpu       500m   2\nlimits.memory    256Mi  2Gi\npods             1      4\nrequests.cpu     250m   1\nrequests.memory  128Mi  1Gi\n',
    );
    expect(t.run('kubectl describe limits defaults').stdout).toBe(
      [
        'Name:       defaults',
        'Namespace:  default',
        'Type        Resource  Min  Max  Default Request  Default Limit  Max Limit/Request Ratio',
        '----        --------  ---  ---  ---------------  -------------  -----------------------',
        'Container   cpu       -    1    250m             500m           -',
        'Container   memory    -    -    128Mi            256Mi          -',
        '',
      ].join('\n'),
    );
    expect(t.run('kubectl get limitrange').stdout).toBe('NAME       CREATED AT\ndefaults   2025-01-15T09:00:00Z\n');
  });

  it('the quota and limit errors a player meets, word for word', () => {
    const t = testShell(objects);
    t.cluster.tick(5000);
    const manifest = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    resources:\n      limits:\n        cpu: 1500m\n';
    expect(t.run(`kubectl apply -f - <<EOF\n${manifest}EOF`)).toMatchObject({ stderr: 'Error from server (Forbidden): error when creating "STDIN": pods "big" is forbidden: maximum cpu usage per Container is 1, but limit is 1500m\n', exitCode: 1 });
    for (const n of ['a', 'b', 'c']) t.run(`kubectl run ${n} --image=nginx:1.27`);
    expect(t.run('kubectl run d --image=nginx:1.27').stderr).toBe('Error from server (Forbidden): pods "d" is forbidden: exceeded quota: team-quota, requested: limits.cpu=500m,pods=1,requests.cpu=250m, used: limits.cpu=2,pods=4,requests.cpu=1, limited: limits.cpu=2,pods=4,requests.cpu=1\n');
  });

  it('get and describe priorityclass; an unknown class is refused', () => {
    const t = testShell([{ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000000, description: 'batch that matters' }]);
    expect(t.run('kubectl get pc').stdout).toBe(
      [
        'NAME                      VALUE        GLOBAL-DEFAULT   AGE   PREEMPTIONPOLICY',
        'high                      1000000      false            0s    PreemptLowerPriority',
        'system-cluster-critical   2000000000   false            7d    PreemptLowerPriority',
        'system-node-critical      2000001000   false            7d    PreemptLowerPriority',
        '',
      ].join('\n'),
    );
    expect(t.run('kubectl describe priorityclass high').stdout).toBe(
      'Name:              high\nValue:             1000000\nGlobalDefault:     false\nPreemptionPolicy:  PreemptLowerPriority\nDescription:       batch that matters\nAnnotations:       <none>\nEvents:            <none>\n',
    );
    expect(() => t.cluster.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', namespace: 'default' }, spec: { priorityClassName: 'urgent', containers: [{ name: 'a', image: 'nginx:1.27' }] } })).toThrow(
      'pods "x" is forbidden: no PriorityClass with name urgent was found',
    );
  });
});

describe('manifests for the storage and batch kinds', () => {
  it('strict decoding names a misspelt PVC field; the corrected claim is created', () => {
    const t = testShell();
    const bad = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  storageClass: fast\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n';
    expect(t.run(`kubectl apply -f - <<EOF\n${bad}EOF`).stderr).toBe(
      'Error from server (BadRequest): error when creating "STDIN": PersistentVolumeClaim in version "v1" cannot be handled as a PersistentVolumeClaim: strict decoding error: unknown field "spec.storageClass"\n',
    );
    const good = bad.replace('storageClass:', 'storageClassName:');
    expect(t.run(`kubectl apply -f - <<EOF\n${good}EOF`).stdout).toBe('persistentvolumeclaim/data created\n');
    expect(t.run('kubectl apply -f - <<EOF\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: nomodes\nspec:\n  resources:\n    requests:\n      storage: 1Gi\nEOF').stderr).toBe(
      'The PersistentVolumeClaim "nomodes" is invalid: spec.accessModes: Required value: at least 1 access mode is required\n',
    );
  });
});

describe('kubectl describe namespace with quota and limits', () => {
  it('lists the namespace\'s quotas and limit ranges', () => {
    const t = testShell([
      { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'team-quota' }, spec: { hard: { pods: '4', 'requests.memory': '1Gi' } } },
      { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'defaults' }, spec: { limits: [{ type: 'Container', defaultRequest: { memory: '128Mi' } }] } },
      pod('web', 'nginx:1.27'),
    ]);
    t.cluster.tick(5000);
    expect(t.run('kubectl describe ns default').stdout).toBe(
      [
        'Name:         default',
        'Labels:       kubernetes.io/metadata.name=default',
        'Annotations:  <none>',
        'Status:       Active',
        '',
        'Resource Quotas',
        '  Name:            team-quota',
        '  Resource         Used   Hard',
        '  --------         ---    ---',
        '  pods             1      4',
        '  requests.memory  128Mi  1Gi',
        '',
        'Resource Limits',
        ' Type       Resource  Min  Max  Default Request  Default Limit  Max Limit/Request Ratio',
        ' ----       --------  ---  ---  ---------------  -------------  -----------------------',
        ' Container  memory    -    -    128Mi            -              -',
        '',
      ].join('\n'),
    );
  });
});
