import { KubeObject } from '../../cluster-engine';
import { pod, testShell } from '../testing/fixture';

const labelled = (name: string, app: string, extra: Record<string, unknown> = {}) =>
  pod(name, 'nginx:1.27', { metadata: { labels: { app } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 80 }], ...extra }] } });

const svc = (name: string, spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec });

/** Two web pods behind `web` (pods get IPs in name order: slow-1 first); `slow` never passes readiness; `api` selects nothing; `db` is headless. */
function scene() {
  const t = testShell([
    labelled('web-1', 'web'),
    labelled('web-2', 'web'),
    labelled('slow-1', 'slow', { readinessProbe: { httpGet: { path: '/ready', port: 80 }, periodSeconds: 5 } }),
    svc('web', { clusterIP: '10.96.100.10', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] }),
    svc('slow', { clusterIP: '10.96.100.30', selector: { app: 'slow' }, ports: [{ port: 80 }] }),
    svc('api', { type: 'NodePort', clusterIP: '10.96.200.20', selector: { app: 'api' }, ports: [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080 }] }),
    svc('db', { clusterIP: 'None', selector: { app: 'db' }, ports: [{ port: 5432 }] }),
  ]);
  t.cluster.tick(60_000);
  return t;
}

describe('kubectl get/describe for services', () => {
  it('get svc -o wide', () => {
    expect(scene().run('kubectl get svc -o wide')).toEqual({
      stdout: [
        'NAME         TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)        AGE   SELECTOR',
        'api          NodePort    10.96.200.20   <none>        80:30080/TCP   60s   app=api',
        'db           ClusterIP   None           <none>        5432/TCP       60s   app=db',
        'kubernetes   ClusterIP   10.96.0.1      <none>        443/TCP        7d    <none>',
        'slow         ClusterIP   10.96.100.30   <none>        80/TCP         60s   app=slow',
        'web          ClusterIP   10.96.100.10   <none>        80/TCP         60s   app=web',
        '',
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    });
  });

  it('get ep: ready pods only; <none> without subsets, empty when every pod is unready', () => {
    expect(scene().run('kubectl get ep').stdout).toBe(
      [
        'NAME         ENDPOINTS                     AGE',
        'api          <none>                        59s',
        'db           <none>                        59s',
        'kubernetes   172.18.0.2:6443               7d',
        'slow                                       59s',
        'web          10.244.1.3:80,10.244.1.4:80   59s',
        '',
      ].join('\n'),
    );
  });

  it('get endpointslices and serviceaccounts', () => {
    const t = scene();
    const slices = t.run('kubectl get endpointslices').stdout.replace(/-[a-z0-9]{5} /g, '-xxxxx ');
    expect(slices).toBe(
      [
        'NAME         ADDRESSTYPE   PORTS     ENDPOINTS               AGE',
        'api-xxxxx    IPv4          <unset>   <unset>                 59s',
        'db-xxxxx     IPv4          <unset>   <unset>                 59s',
        'kubernetes   IPv4          6443      172.18.0.2              7d',
        'slow-xxxxx   IPv4          80        10.244.1.2              59s',
        'web-xxxxx    IPv4          80        10.244.1.3,10.244.1.4   59s',
        '',
      ].join('\n'),
    );
    expect(t.run('kubectl get sa -A').stdout).toBe(
      ['NAMESPACE         NAME      SECRETS   AGE', 'default           default   0         7d', 'kube-node-lease   default   0         7d', 'kube-public       default   0         7d', 'kube-system       default   0         7d', ''].join('\n'),
    );
  });

  it('describe svc (1.32 layout, endpoints from EndpointSlices)', () => {
    const t = scene();
    expect(t.run('kubectl describe svc web').stdout).toBe(
      [
        'Name:                     web',
        'Namespace:                default',
        'Labels:                   <none>',
        'Annotations:              <none>',
        'Selector:                 app=web',
        'Type:                     ClusterIP',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.96.100.10',
        'IPs:                      10.96.100.10',
        'Port:                     <unset>  80/TCP',
        'TargetPort:               http/TCP',
        'Endpoints:                10.244.1.3:80,10.244.1.4:80',
        'Session Affinity:         None',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
        '',
      ].join('\n'),
    );
    expect(t.run('kubectl describe service api').stdout).toBe(
      [
        'Name:                     api',
        'Namespace:                default',
        'Labels:                   <none>',
        'Annotations:              <none>',
        'Selector:                 app=api',
        'Type:                     NodePort',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.96.200.20',
        'IPs:                      10.96.200.20',
        'Port:                     http  80/TCP',
        'TargetPort:               8080/TCP',
        'NodePort:                 http  30080/TCP',
        'Endpoints:                ',
        'Session Affinity:         None',
        'External Traffic Policy:  Cluster',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
        '',
      ].join('\n'),
    );
  });

  it('describe ep lists ready and not-ready addresses', () => {
    const out = scene().run('kubectl describe endpoints slow').stdout;
    expect(out).toBe(
      [
        'Name:         slow',
        'Namespace:    default',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Subsets:',
        '  Addresses:          <none>',
        '  NotReadyAddresses:  10.244.1.2',
        '  Ports:',
        '    Name     Port  Protocol',
        '    ----     ----  --------',
        '    <unset>  80    TCP',
        '',
        'Events:  <none>',
        '',
      ].join('\n'),
    );
  });
});

describe('kubectl describe endpointslice', () => {
  it('lists each endpoint with its ready condition, target and node', () => {
    const t = scene();
    const name = t.run('kubectl get endpointslices -l kubernetes.io/service-name=slow -o name').stdout.trim().split('/')[1];
    expect(t.run(`kubectl describe endpointslice ${name}`).stdout).toBe(
      [
        `Name:         ${name}`,
        'Namespace:    default',
        'Labels:       endpointslice.kubernetes.io/managed-by=endpointslice-controller.k8s.io',
        '              kubernetes.io/service-name=slow',
        'Annotations:  <none>',
        'AddressType:  IPv4',
        'Ports:',
        '  Name     Port  Protocol',
        '  ----     ----  --------',
        '  <unset>  80    TCP',
        'Endpoints:',
        '  - Addresses:  10.244.1.2',
        '    Conditions:',
        '      Ready:    false',
        '    Hostname:   <unset>',
        '    TargetRef:  Pod/slow-1',
        '    NodeName:   worker-1',
        '    Zone:       <unset>',
        'Events:         <none>',
        '',
      ].join('\n'),
    );
  });
});

describe('kubectl expose and kubectl create service', () => {
  it('exposes a pod on its labels and a port; the Service finds the pod', () => {
    const t = testShell([labelled('web', 'web')]);
    t.cluster.tick(20_000);
    expect(t.run('kubectl expose pod web --port=8080 --target-port=80 --type=NodePort')).toEqual({ stdout: 'service/web exposed\n', stderr: '', exitCode: 0 });
    t.cluster.tick(1000);
    expect(t.run('kubectl get ep web').stdout).toMatch(/^web\s+10\.244\.1\.2:80\s+\d+s$/m);
    expect(t.run('kubectl get svc web -o jsonpath={.spec.ports[0].targetPort}').stdout).toBe('80');
    expect(t.run('kubectl expose pod web --port=80').stderr).toBe('Error from server (AlreadyExists): services "web" already exists\n');
    expect(t.run('kubectl expose pod nope --port=80').stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
  });

  it('exposes with the container ports when --port is not given, and refuses a pod without labels', () => {
    const t = testShell([labelled('web', 'web'), pod('bare', 'nginx:1.27'), pod('portless', 'nginx:1.27', { metadata: { labels: { app: 'p' } } })]);
    expect(t.run('kubectl expose pod/web --name=web2').stdout).toBe('service/web2 exposed\n');
    expect(t.run('kubectl get svc web2 -o jsonpath={.spec.ports[0].port}').stdout).toBe('80');
    expect(t.run('kubectl expose pod portless').stderr).toBe("error: couldn't find port via --port flag or introspection\n");
    expect(t.run('kubectl expose pod bare --port=80').stderr).toBe("error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed\n");
  });

  it('exposes a deployment; a debug pod reaches it through the service name', () => {
    const t = testShell();
    expect(t.run('kubectl create deployment web --image=nginx:1.27 --replicas=2 --port=80').exitCode).toBe(0);
    expect(t.run('kubectl expose deployment web --port=80 --target-port=80')).toEqual({ stdout: 'service/web exposed\n', stderr: '', exitCode: 0 });
    t.cluster.tick(30_000);
    expect(t.run('kubectl get svc web -o jsonpath={.spec.selector}').stdout).toBe('{"app":"web"}');
    expect(t.run('kubectl get ep web').stdout).toMatch(/^web\s+10\.244\.1\.\d+:80,10\.244\.1\.\d+:80\s+\d+s$/m);
    const pods = t.run('kubectl get pods -l app=web -o name').stdout.trim().split('\n');
    expect(pods).toHaveLength(2);
    const r = t.run(`kubectl exec ${pods[0]} -- curl -s http://web.default.svc.cluster.local/`);
    expect(r.stdout).toContain('<title>Welcome to nginx!</title>');
    expect(t.run('kubectl get all').stdout).toContain('service/web          ClusterIP');
  });

  it('creates clusterip and nodeport services with app=NAME', () => {
    const t = testShell();
    expect(t.run('kubectl create service clusterip web --tcp=80:8080').stdout).toBe('service/web created\n');
    expect(t.run('kubectl create service nodeport np --tcp=80:80 --node-port=30123').stdout).toBe('service/np created\n');
    expect(t.run('kubectl get svc np -o jsonpath={.spec.ports[0].nodePort}').stdout).toBe('30123');
    const spec = JSON.parse(t.run('kubectl get svc web -o json').stdout).spec;
    expect(spec).toMatchObject({ selector: { app: 'web' }, ports: [{ name: '80-8080', port: 80, targetPort: 8080, protocol: 'TCP' }], type: 'ClusterIP' });
    expect(t.run('kubectl create service clusterip x').stderr).toBe('error: at least one tcp port specifier must be provided\n');
    expect(t.run('kubectl create service nodeport bad --tcp=80:80 --node-port=80').stderr).toBe(
      'The Service "bad" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767\n',
    );
  });
});

describe('a missing ConfigMap volume, as kubectl shows it', () => {
  it('stays ContainerCreating without an IP, FailedMount repeats with back-off, and creating the ConfigMap heals it', () => {
    const t = testShell([pod('web', 'nginx:1.27', { spec: { containers: [{ name: 'app', image: 'nginx:1.27', volumeMounts: [{ name: 'config', mountPath: '/etc/app' }] }], volumes: [{ name: 'config', configMap: { name: 'app-config' } }] } })]);
    t.cluster.tick(90_000);
    expect(t.run('kubectl get pods -o wide').stdout).toBe(
      'NAME   READY   STATUS              RESTARTS   AGE   IP       NODE       NOMINATED NODE   READINESS GATES\nweb    0/1     ContainerCreating   0          90s   <none>   worker-1   <none>           <none>\n',
    );
    const out = t.run('kubectl describe pod web').stdout;
    expect(out).toContain('IP:               \nIPs:              <none>\n');
    expect(out).toContain('  PodReadyToStartContainers   False \n');
    expect(out.slice(out.indexOf('Events:'))).toBe(
      [
        'Events:',
        '  Type     Reason       Age                From               Message',
        '  ----     ------       ----               ----               -------',
        '  Normal   Scheduled    89s                default-scheduler  Successfully assigned default/web to worker-1',
        '  Warning  FailedMount  25s (x8 over 89s)  kubelet            MountVolume.SetUp failed for volume "config" : configmap "app-config" not found',
        '',
      ].join('\n'),
    );
    expect(t.run('kubectl create configmap app-config --from-literal=app.conf=mode=prod').exitCode).toBe(0);
    t.cluster.tick(70_000);
    expect(t.run('kubectl get pods').stdout).toMatch(/^web\s+1\/1\s+Running\s+0\s+/m);
    expect(t.run('kubectl exec web -- cat /etc/app/app.conf').stdout).toBe('mode=prod');
  });
});
