import { Deployment, Pod, ReplicaSet } from '../../cluster-engine';
import { testShell } from '../testing/fixture';

/** A Deployment `web` of 3 nginx replicas, created with `kubectl create deployment` and left to settle for 60 s. */
function settled() {
  const t = testShell();
  expect(t.run('kubectl create deployment web --image=nginx:1.27 --replicas=3')).toEqual({ stdout: 'deployment.apps/web created\n', stderr: '', exitCode: 0 });
  t.cluster.tick(60_000);
  const rsNames = () => t.cluster.api.list<ReplicaSet>('ReplicaSet').map((r) => r.metadata.name);
  const pods = () => t.cluster.api.list<Pod>('Pod').map((p) => p.metadata.name);
  return { ...t, rs: rsNames()[0], rsNames, pods };
}

const stdout = (r: { stdout: string; stderr: string; exitCode: number }) => {
  expect({ stderr: r.stderr, exitCode: r.exitCode }).toEqual({ stderr: '', exitCode: 0 });
  return r.stdout;
};

describe('workload tables', () => {
  it('get deploy', () => {
    const t = settled();
    expect(stdout(t.run('kubectl get deploy'))).toBe('NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    3/3     3            3           60s\n');
  });

  it('get deploy -o wide', () => {
    const t = settled();
    expect(stdout(t.run('kubectl get deployments.apps -o wide'))).toBe(
      'NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR\nweb    3/3     3            3           60s   nginx        nginx:1.27   app=web\n',
    );
  });

  it('get rs -o wide', () => {
    const t = settled();
    const hash = t.rs.slice('web-'.length);
    const w = t.rs.length + 3;
    expect(stdout(t.run('kubectl get rs -o wide'))).toBe(
      `${'NAME'.padEnd(w)}DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES       SELECTOR\n${t.rs.padEnd(w)}3         3         3       59s   nginx        nginx:1.27   app=web,pod-template-hash=${hash}\n`,
    );
  });

  it('get all lists pods, deployments and replicasets with their kind prefixes', () => {
    const t = settled();
    const out = stdout(t.run('kubectl get all'));
    expect(out).toContain('\nNAME                  READY   UP-TO-DATE   AVAILABLE   AGE\ndeployment.apps/web   3/3     3            3           60s\n');
    expect(out).toContain(`replicaset.apps/${t.rs}   3         3         3       59s\n`);
    for (const p of t.pods()) expect(out).toContain(`pod/${p}   1/1     Running   0          59s\n`);
  });
});

describe('kubectl describe deployment / replicaset', () => {
  it('describes a stalled rollout: old ReplicaSet serving, the new one waiting', () => {
    const t = settled();
    const oldRS = t.rs;
    t.run('kubectl set image deployment/web nginx=nginx:does-not-exist');
    t.cluster.tick(30_000);
    const newRS = t.rsNames().find((n) => n !== oldRS)!;
    expect(stdout(t.run('kubectl describe deployment web'))).toBe(`Name:                   web
Namespace:              default
CreationTimestamp:      Wed, 15 Jan 2025 09:00:00 +0000
Labels:                 app=web
Annotations:            deployment.kubernetes.io/revision: 2
Selector:               app=web
Replicas:               3 desired | 1 updated | 4 total | 3 available | 1 unavailable
StrategyType:           RollingUpdate
MinReadySeconds:        0
RollingUpdateStrategy:  25% max unavailable, 25% max surge
Pod Template:
  Labels:  app=web
  Containers:
   nginx:
    Image:         nginx:does-not-exist
    Port:          <none>
    Host Port:     <none>
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Conditions:
  Type           Status  Reason
  ----           ------  ------
  Available      True    MinimumReplicasAvailable
  Progressing    True    ReplicaSetUpdated
OldReplicaSets:  ${oldRS} (3/3 replicas created)
NewReplicaSet:   ${newRS} (1/1 replicas created)
Events:
  Type    Reason             Age   From                   Message
  ----    ------             ----  ----                   -------
  Normal  ScalingReplicaSet  89s   deployment-controller  Scaled up replica set ${oldRS} from 0 to 3
  Normal  ScalingReplicaSet  29s   deployment-controller  Scaled up replica set ${newRS} from 0 to 1
`);
    const describeRS = stdout(t.run(`kubectl describe rs ${newRS}`));
    const hash = newRS.slice('web-'.length);
    expect(describeRS.split('Events:')[0]).toBe(`Name:           ${newRS}
Namespace:      default
Selector:       app=web,pod-template-hash=${hash}
Labels:         app=web
                pod-template-hash=${hash}
Annotations:    deployment.kubernetes.io/desired-replicas: 3
                deployment.kubernetes.io/max-replicas: 4
                deployment.kubernetes.io/revision: 2
Controlled By:  Deployment/web
Replicas:       1 current / 1 desired
Pods Status:    0 Running / 1 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=web
           pod-template-hash=${hash}
  Containers:
   nginx:
    Image:         nginx:does-not-exist
    Port:          <none>
    Host Port:     <none>
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
`);
    expect(describeRS).toMatch(/Normal {2}SuccessfulCreate {2}29s {3}replicaset-controller {2}Created pod: web-\w+-\w{5}\n$/);
    const pod = t.cluster.api.list<Pod>('Pod').find((p) => p.metadata.labels?.['pod-template-hash'] === hash)!;
    expect(stdout(t.run(`kubectl describe pod ${pod.metadata.name}`))).toContain(`Controlled By:  ReplicaSet/${newRS}\n`);
  });
});

describe('kubectl rollout', () => {
  it('a bad image: status waits, then reports the deadline; undo heals it', () => {
    const t = settled();
    expect(t.run('kubectl rollout status deployment/web')).toEqual({ stdout: 'deployment "web" successfully rolled out\n', stderr: '', exitCode: 0 });
    expect(t.run('kubectl set image deploy/web nginx=nginx:does-not-exist').stdout).toBe('deployment.apps/web image updated\n');
    expect(stdout(t.run('kubectl rollout status deploy web'))).toBe('Waiting for deployment spec update to be observed...\n');
    t.cluster.tick(30_000);
    expect(stdout(t.run('kubectl rollout status deploy/web'))).toBe('Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n');
    const table = stdout(t.run('kubectl get pods'));
    expect(table.match(/1\/1 {5}Running/g)).toHaveLength(3);
    expect(table).toMatch(/0\/1 {5}(ImagePullBackOff|ErrImagePull) /);
    t.cluster.tick(560_000);
    expect(stdout(t.run('kubectl rollout status deploy/web'))).toBe('Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n');
    t.cluster.tick(20_000);
    expect(t.run('kubectl rollout status deploy/web')).toEqual({ stdout: '', stderr: 'error: deployment "web" exceeded its progress deadline\n', exitCode: 1 });
    expect(stdout(t.run('kubectl describe deploy web'))).toContain('  Available      True    MinimumReplicasAvailable\n  Progressing    False   ProgressDeadlineExceeded\n');
    expect(stdout(t.run('kubectl rollout history deployment/web'))).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');

    expect(t.run('kubectl rollout undo deployment/web')).toEqual({ stdout: 'deployment.apps/web rolled back\n', stderr: '', exitCode: 0 });
    t.cluster.tick(30_000);
    expect(stdout(t.run('kubectl rollout status deployment/web'))).toBe('deployment "web" successfully rolled out\n');
    expect(stdout(t.run('kubectl rollout history deployment/web'))).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n');
    expect(t.cluster.api.list<Pod>('Pod').every((p) => p.spec.containers[0].image === 'nginx:1.27')).toBe(true);
    expect(stdout(t.run('kubectl rollout undo deployment/web --to-revision=3'))).toBe('deployment.apps/web skipped rollback (current template already matches revision 3)\n');
  });

  it('history shows the change-cause annotation the ReplicaSet inherited', () => {
    const t = settled();
    t.run('kubectl set image deployment/web nginx=nginx:1.28');
    t.run('kubectl annotate deployment web kubernetes.io/change-cause="upgrade to 1.28"');
    t.cluster.tick(60_000);
    expect(stdout(t.run('kubectl rollout history deployment web'))).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         upgrade to 1.28\n\n');
  });

  it('history --revision prints the template with its tabs, as printTemplate does', () => {
    const t = settled();
    const hash = t.rs.slice('web-'.length);
    expect(stdout(t.run('kubectl rollout history deploy/web --revision=1'))).toBe(
      `deployment.apps/web with revision #1\nPod Template:\n  Labels:\tapp=web\n\tpod-template-hash=${hash}\n  Containers:\n   nginx:\n    Image:\tnginx:1.27\n    Port:\t<none>\n    Host Port:\t<none>\n    Environment:\t<none>\n    Mounts:\t<none>\n  Volumes:\t<none>\n  Node-Selectors:\t<none>\n  Tolerations:\t<none>\n\n`,
    );
    expect(t.run('kubectl rollout history deploy/web --revision=7')).toEqual({ stdout: '', stderr: 'error: unable to find the specified revision\n', exitCode: 1 });
  });

  it.each<[string[], string, string, number]>([
    [['kubectl rollout pause deployment/web'], 'deployment.apps/web paused\n', '', 0],
    [['kubectl rollout pause deployment/web', 'kubectl rollout pause deployment/web'], '', 'error: deployments.apps "web" is already paused\n', 1],
    [['kubectl rollout resume deployment/web'], '', 'error: deployments.apps "web" is not paused\n', 1],
    [['kubectl rollout pause deployment/web', 'kubectl rollout resume deployment/web'], 'deployment.apps/web resumed\n', '', 0],
    [['kubectl rollout pause deployment/web', 'kubectl rollout restart deployment/web'], '', `error: deployments.apps "web" can't restart paused deployment (run rollout resume first)\n`, 1],
    [['kubectl rollout pause deployment/web', 'kubectl rollout undo deployment/web'], '', "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n", 1],
    [['kubectl rollout restart deployment/web'], 'deployment.apps/web restarted\n', '', 0],
    [['kubectl rollout undo deployment/web'], '', 'error: no rollout history found for deployment "web"\n', 1],
    [['kubectl rollout undo deployment/web --to-revision=4'], '', 'error: unable to find specified revision 4 in history\n', 1],
    [['kubectl rollout status deployment/nope'], '', 'Error from server (NotFound): deployments.apps "nope" not found\n', 1],
    [['kubectl rollout status deployment/web --revision=2'], '', 'error: desired revision (2) is different from the running revision (1)\n', 1],
    [['kubectl rollout status deployment/web --revision=1 --watch=false'], 'deployment "web" successfully rolled out\n', '', 0],
    [['kubectl scale deployment/web --replicas=4', 'kubectl rollout status deploy/web'], 'Waiting for deployment spec update to be observed...\n', '', 0],
    [['kubectl rollout frob deployment/web'], '', 'error: unknown command "frob" for "kubectl rollout"\n', 1],
  ])('%j', (lines, out, err, code) => {
    const t = settled();
    const results = lines.map((l) => t.run(l));
    expect(results.pop()).toEqual({ stdout: out, stderr: err, exitCode: code });
  });

  it('restart rolls every pod through a new ReplicaSet', () => {
    const t = settled();
    const before = t.pods();
    t.run('kubectl rollout restart deploy/web');
    t.cluster.tick(120_000);
    expect(stdout(t.run('kubectl rollout status deploy/web'))).toBe('deployment "web" successfully rolled out\n');
    const after = t.pods();
    expect(after).toHaveLength(3);
    expect(after.filter((p) => before.includes(p))).toEqual([]);
    const d = t.cluster.api.get<Deployment>('Deployment', 'default', 'web');
    expect(d.spec.template.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt']).toBe('2025-01-15T09:01:00Z');
  });
});
