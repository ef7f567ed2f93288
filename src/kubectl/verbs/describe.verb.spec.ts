import { pod, testShell } from '../testing/fixture';

function scene() {
  const t = testShell([pod('crash', 'busybox:crash'), pod('pending', 'nginx:1.27', { spec: { nodeSelector: { disk: 'ssd' } } })]);
  t.cluster.tick(90_000);
  return t;
}

describe('kubectl describe pod', () => {
  it('describes a crash-looping pod: Last State Terminated, Restart Count and events with (xN over M)', () => {
    const out = scene().run('kubectl describe pod crash').stdout;
    const block = (from: string, to: string) => out.slice(out.indexOf(from), out.indexOf(to));
    expect(block('    State:', '    Environment:')).toBe(
      [
        '    State:          Waiting',
        '      Reason:       CrashLoopBackOff',
        '    Last State:     Terminated',
        '      Reason:       Error',
        '      Exit Code:    1',
        '      Started:      Wed, 15 Jan 2025 09:01:22 +0000',
        '      Finished:     Wed, 15 Jan 2025 09:01:24 +0000',
        '    Ready:          False',
        '    Restart Count:  4',
        '',
      ].join('\n'),
    );
    expect(out).toContain('Node:             worker-1/172.18.0.3\nStart Time:       Wed, 15 Jan 2025 09:00:01 +0000\n');
    expect(out).toContain('Conditions:\n  Type                        Status\n  PodReadyToStartContainers   True \n  Initialized                 True \n  Ready                       False \n');
    const events = out.slice(out.indexOf('Events:')).split('\n');
    expect(events.slice(0, 3)).toEqual([
      'Events:',
      '  Type     Reason     Age               From               Message',
      '  ----     ------     ----              ----               -------',
    ]);
    expect(events[3]).toBe('  Normal   Scheduled  89s               default-scheduler  Successfully assigned default/crash to worker-1');
    expect(events).toContain('  Normal   Created    8s (x5 over 87s)  kubelet            Created container app');
    expect(events.find((l) => l.includes('BackOff'))).toMatch(/^ {2}Warning {2}BackOff {4}5s \(x8 over 81s\) {2}kubelet {12}Back-off restarting failed container app in pod crash_default\([0-9a-f-]{36}\)$/);
  });

  it('describes an unscheduled pod exactly (no status lines, IPs <none>, FailedScheduling)', () => {
    const out = scene().run('kubectl describe pod pending').stdout.replace(/kube-api-access-\w{5}/g, 'kube-api-access-xxxxx');
    expect(out).toBe(
      [
        'Name:             pending',
        'Namespace:        default',
        'Priority:         0',
        'Service Account:  default',
        'Node:             <none>',
        'Labels:           <none>',
        'Annotations:      <none>',
        'Status:           Pending',
        'IP:               ',
        'IPs:              <none>',
        'Containers:',
        '  app:',
        '    Image:        nginx:1.27',
        '    Port:         <none>',
        '    Host Port:    <none>',
        '    Environment:  <none>',
        '    Mounts:',
        '      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-xxxxx (ro)',
        'Conditions:',
        '  Type           Status',
        '  PodScheduled   False ',
        'Volumes:',
        '  kube-api-access-xxxxx:',
        '    Type:                    Projected (a volume that contains injected data from multiple sources)',
        '    TokenExpirationSeconds:  3607',
        '    ConfigMapName:           kube-root-ca.crt',
        '    ConfigMapOptional:       <nil>',
        '    DownwardAPI:             true',
        'QoS Class:                   BestEffort',
        'Node-Selectors:              disk=ssd',
        'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
        '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
        'Events:',
        '  Type     Reason            Age                From               Message',
        '  ----     ------            ----               ----               -------',
        "  Warning  FailedScheduling  88s (x2 over 89s)  default-scheduler  0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
        '',
      ].join('\n'),
    );
  });

  it('shows probes, resources, env, ports and mounts in the container block', () => {
    const t = testShell([
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'rich', labels: { app: 'rich', tier: 'web' } },
        spec: {
          containers: [
            {
              name: 'app',
              image: 'nginx:1.27',
              ports: [{ containerPort: 80 }, { containerPort: 443 }],
              resources: { limits: { memory: '128Mi', cpu: '500m' }, requests: { cpu: '100m' } },
              livenessProbe: { httpGet: { path: '/healthz', port: 8080 } },
              readinessProbe: { exec: { command: ['cat', '/tmp/ready'] }, initialDelaySeconds: 5 },
              env: [{ name: 'MODE', value: 'prod' }, { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }, { name: 'PASS', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } }],
              volumeMounts: [{ name: 'data', mountPath: '/data' }],
            },
          ],
          volumes: [{ name: 'data', emptyDir: {} }],
        },
      },
    ]);
    const out = t.run('kubectl describe pod rich').stdout;
    expect(out).toContain('Labels:           app=rich\n                  tier=web\n');
    expect(out).toContain('    Image:       nginx:1.27\n    Ports:       80/TCP, 443/TCP\n    Host Ports:  0/TCP, 0/TCP\n');
    expect(out).toContain('    Limits:\n      cpu:     500m\n      memory:  128Mi\n    Requests:\n      cpu:      100m\n      memory:   128Mi\n');
    expect(out).toContain('    Liveness:   http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3\n');
    expect(out).toContain('    Readiness:  exec [cat /tmp/ready] delay=5s timeout=1s period=10s #success=1 #failure=3\n');
    expect(out).toContain("      MODE:  prod\n      POD:   rich (v1:metadata.name)\n      PASS:  <set to the key 'password' in secret 'db'>  Optional: false\n");
    expect(out).toContain('      /data from data (rw)\n');
    expect(out).toContain("  data:\n    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:     \n    SizeLimit:  <unset>\n");
    expect(out).toContain('QoS Class:                   Burstable\n');
  });

  it('shows Terminating (lasts …) and the grace period for a pod being deleted', () => {
    const t = scene();
    t.cluster.stopKubelet('worker-1');
    t.run('kubectl delete pod crash');
    t.cluster.tick(2000);
    const out = t.run('kubectl describe pod crash').stdout;
    expect(out).toContain('\nStatus:                    Terminating (lasts 28s)\nTermination Grace Period:  30s\n');
  });

  it('describes every pod whose name starts with the given prefix', () => {
    const out = scene().run('kubectl describe pod cra').stdout;
    expect(out.startsWith('Name:             crash\n')).toBe(true);
  });

  it.each([
    ['kubectl describe pod nope', 'Error from server (NotFound): pods "nope" not found\n'],
    ['kubectl describe pods -n kube-public', 'No resources found in kube-public namespace.\n'],
    [
      'kubectl describe',
      'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee \'kubectl describe -h\' for help and examples\n',
    ],
  ])('%s', (line, stderr) => {
    expect(scene().run(line).stderr).toBe(stderr);
  });
});

describe('kubectl describe node and others', () => {
  it('describes a node with conditions, capacity, pods and events', () => {
    const t = scene();
    t.cluster.stopKubelet('worker-1');
    t.cluster.tick(60_000);
    const out = t.run('kubectl describe node worker-1').stdout;
    expect(out).toContain('Roles:              <none>\n');
    expect(out).toContain('Taints:             node.kubernetes.io/unreachable:NoExecute\n                    node.kubernetes.io/unreachable:NoSchedule\nUnschedulable:      false\n');
    expect(out).toContain('Lease:\n  HolderIdentity:  worker-1\n  AcquireTime:     <unset>\n');
    expect(out).toMatch(/ {2}Ready {12}Unknown {3}Wed, 15 Jan 2025 09:\d\d:\d\d \+0000 {3}Wed, 15 Jan 2025 09:\d\d:\d\d \+0000 {3}NodeStatusUnknown {3}Kubelet stopped posting node status\.\n/);
    expect(out).toContain('Non-terminated Pods:          (1 in total)\n  Namespace                   Name     CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age\n');
    expect(out).toContain('  default                     crash    0 (0%)        0 (0%)      0 (0%)           0 (0%)         2m30s\n');
    expect(out).toMatch(/ {2}Normal +NodeNotReady +\d+s +node-controller +Node worker-1 status is now: NodeNotReady\n$/);
  });

  it('describes configmaps, secrets, namespaces and leases', () => {
    const t = testShell();
    t.run('kubectl create secret generic db --from-literal=password=s3cret');
    expect(t.run('kubectl describe secret db').stdout).toBe('Name:         db\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nType:  Opaque\n\nData\n====\npassword:  6 bytes\n');
    expect(t.run('kubectl describe ns kube-public').stdout).toBe('Name:         kube-public\nLabels:       kubernetes.io/metadata.name=kube-public\nAnnotations:  <none>\nStatus:       Active\n\nNo resource quota.\n\nNo LimitRange resource.\n');
    t.run('kubectl create configmap app --from-literal=mode=prod');
    expect(t.run('kubectl describe cm app').stdout).toBe('Name:         app\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nData\n====\nmode:\n----\nprod\n\n\nBinaryData\n====\n\nEvents:  <none>\n');
    t.cluster.tick(2000);
    expect(t.run('kubectl describe lease worker-1 -n kube-node-lease').stdout).toMatch(/^Name:         worker-1\nNamespace:    kube-node-lease\nLabels:       <none>\nAnnotations:  <none>\nAPI Version:  coordination.k8s.io\/v1\nKind:         Lease\nMetadata:\n  Creation Timestamp:  2025-01-15T09:00:01Z\n[\s\S]*Spec:\n  Holder Identity:         worker-1\n  Lease Duration Seconds:  40\n  Renew Time:              2025-01-15T09:00:0\d\.000000Z\nEvents:                    <none>\n$/);
  });
});
