import { Cluster, KubeObject } from '../../cluster-engine';
import { Shell } from '../shell/shell';
import { VirtualFs } from '../shell/vfs';
import { pod, TEST_REGISTRY } from '../testing/fixture';

const REGISTRY = [
  ...TEST_REGISTRY!,
  { name: 'busybox', tags: { '1.36': { sizeBytes: 4_000_000, behaviour: { listens: [] } } } },
  { name: 'api', tags: { '1': { behaviour: { listens: [8080], http: { '/': 200, '/healthz': 200 }, httpBodies: { '/': 'hello from api\n' } } } } },
];

function cluster(objects: KubeObject[]) {
  const c = Cluster.create({ nodes: [{ name: 'control-plane', role: 'control-plane' }, { name: 'worker-1' }], registry: REGISTRY, objects }, 7);
  const shell = new Shell(c, new VirtualFs());
  c.tick(30_000);
  return { cluster: c, run: (line: string) => shell.run(line) };
}

const svc = (name: string, selector: Record<string, string>, port: number, targetPort: number | string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'default' },
  spec: { selector, ports: [{ port, targetPort }] },
});

const debug = pod('debug', 'busybox:1.36', { spec: { containers: [{ name: 'debug', image: 'busybox:1.36', command: ['sleep', '3600'] }] } });
const api = (name: string, readiness = '/healthz') =>
  pod(name, 'api:1', { metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'api', image: 'api:1', ports: [{ name: 'http', containerPort: 8080 }], readinessProbe: { httpGet: { path: readiness, port: 8080 }, periodSeconds: 5 } }] } });

describe('kubectl exec', () => {
  it('wget and curl from a pod reach a Ready endpoint through the Service name', () => {
    const t = cluster([debug, api('api-1'), svc('api', { app: 'api' }, 80, 'http')]);
    expect(t.run('kubectl exec debug -- wget -qO- http://api')).toEqual({ stdout: 'hello from api\n', stderr: '', exitCode: 0 });
    expect(t.run('kubectl exec debug -- wget -qO- http://api.default.svc.cluster.local:80/')).toMatchObject({ stdout: 'hello from api\n', exitCode: 0 });
    expect(t.run('kubectl exec api-1 -- curl -s http://api/')).toEqual({ stdout: 'hello from api\n', stderr: '', exitCode: 0 });
    expect(t.run('kubectl exec api-1 -- curl -s -o /dev/null -w %{http_code} http://api/nope').stdout).toBe('404');
    expect(t.run('kubectl exec debug -- wget -qO- http://api/nope')).toEqual({ stdout: '', stderr: 'wget: server returned error: HTTP/1.1 404 Not Found\ncommand terminated with exit code 1\n', exitCode: 1 });
  });

  it('fails like curl does: no endpoints is connection refused (7), an unknown host is (6)', () => {
    const t = cluster([api('api-1', '/not-there'), svc('api', { app: 'api' }, 80, 'http')]);
    expect(t.run('kubectl exec api-1 -- curl -sS http://api')).toEqual({
      stdout: '',
      stderr: "curl: (7) Failed to connect to api port 80 after 1 ms: Couldn't connect to server\ncommand terminated with exit code 7\n",
      exitCode: 7,
    });
    expect(t.run('kubectl exec api-1 -- curl -sS http://apii')).toEqual({ stdout: '', stderr: 'curl: (6) Could not resolve host: apii\ncommand terminated with exit code 6\n', exitCode: 6 });
    // The pod itself answers on its IP: only the Service hides it while it is unready.
    const ip = t.cluster.api.get('Pod', 'default', 'api-1').status as { podIP: string };
    expect(t.run(`kubectl exec api-1 -- curl -s http://${ip.podIP}:8080/`).stdout).toBe('hello from api\n');
  });

  it('a targetPort nothing listens on is refused by the pod', () => {
    const t = cluster([debug, api('api-1'), svc('api', { app: 'api' }, 80, 80)]);
    expect(t.run('kubectl exec debug -- wget -qO- http://api')).toMatchObject({ stderr: expect.stringMatching(/^wget: can't connect to remote host \(10\.\d+\.\d+\.\d+\): Connection refused\n/), exitCode: 1 });
  });

  it('reaches a NodePort Service on a node address, and a headless Service resolves to its pods', () => {
    const nodePort = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'api-np', namespace: 'default' }, spec: { type: 'NodePort', selector: { app: 'api' }, ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }] } };
    const headless = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'api-h', namespace: 'default' }, spec: { clusterIP: 'None', selector: { app: 'api' }, ports: [{ port: 8080 }] } };
    const t = cluster([debug, api('api-1'), nodePort as KubeObject, headless as KubeObject]);
    expect(t.run('kubectl exec debug -- wget -qO- http://172.18.0.3:30080/').stdout).toBe('hello from api\n');
    const ip = (t.cluster.api.get('Pod', 'default', 'api-1').status as { podIP: string }).podIP;
    expect(t.run('kubectl exec debug -- nslookup api-h').stdout).toContain(`Name:\tapi-h.default.svc.cluster.local\nAddress: ${ip}\n`);
    expect(t.run('kubectl exec debug -- wget -qO- http://api-h:8080/').stdout).toBe('hello from api\n');
  });

  it('nslookup answers from kube-dns with the cluster IP', () => {
    const t = cluster([debug, svc('api', { app: 'api' }, 80, 8080)]);
    const ip = (t.cluster.api.get('Service', 'default', 'api').spec as { clusterIP: string }).clusterIP;
    expect(t.run('kubectl exec debug -- nslookup api').stdout).toBe(`Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tapi.default.svc.cluster.local\nAddress: ${ip}\n\n`);
    expect(t.run('kubectl exec debug -- nslookup kubernetes.default').stdout).toContain('Name:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n');
    const miss = t.run('kubectl exec debug -- nslookup nope');
    expect(miss.stdout).toContain("** server can't find nope.default.svc.cluster.local: NXDOMAIN\n");
    expect(miss.exitCode).toBe(1);
  });

  it('shows mounted ConfigMap and Secret files, the environment and the kubelet-managed files', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { 'app.conf': 'mode=prod\n', LEVEL: 'debug' } };
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace: 'default' }, data: { password: Buffer.from('s3cret').toString('base64') } };
    const p = pod('web', 'nginx:1.27', {
      spec: {
        containers: [
          {
            name: 'app',
            image: 'nginx:1.27',
            env: [{ name: 'LEVEL', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'LEVEL' } } }],
            volumeMounts: [
              { name: 'cfg', mountPath: '/etc/app' },
              { name: 'creds', mountPath: '/etc/creds', readOnly: true },
            ],
          },
        ],
        volumes: [
          { name: 'cfg', configMap: { name: 'cfg' } },
          { name: 'creds', secret: { secretName: 'creds' } },
        ],
      },
    });
    const t = cluster([cm as KubeObject, secret as KubeObject, p]);
    expect(t.run('kubectl exec web -- cat /etc/app/app.conf').stdout).toBe('mode=prod\n');
    expect(t.run('kubectl exec web -- cat /etc/creds/password').stdout).toBe('s3cret');
    expect(t.run('kubectl exec web -- ls /etc/app').stdout).toBe('LEVEL\napp.conf\n');
    expect(t.run('kubectl exec web -- cat /etc/hostname').stdout).toBe('web\n');
    expect(t.run('kubectl exec web -- cat /etc/resolv.conf').stdout).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
    const env = t.run('kubectl exec web -- env').stdout.split('\n');
    expect(env.slice(0, 3)).toEqual(['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'HOSTNAME=web', 'LEVEL=debug']);
    expect(env).toContain('KUBERNETES_SERVICE_HOST=10.96.0.1');
    expect(t.run('kubectl exec web -- printenv LEVEL').stdout).toBe('debug\n');
    expect(t.run("kubectl exec web -- sh -c 'echo $LEVEL && cat /etc/app/app.conf'").stdout).toBe('debug\nmode=prod\n');
    expect(t.run('kubectl exec web -- cat /etc/app/missing.conf')).toEqual({ stdout: '', stderr: 'cat: /etc/app/missing.conf: No such file or directory\ncommand terminated with exit code 1\n', exitCode: 1 });
    expect(t.run('kubectl exec web -- cat /etc/app/app.conf | grep mode').stdout).toBe('mode=prod\n');
  });

  it('meets the API server behind the kubernetes Service as an anonymous client', () => {
    const t = cluster([pod('web', 'nginx:1.27')]);
    expect(t.run('kubectl exec web -- curl -sk https://kubernetes.default.svc/healthz').stdout).toBe('ok');
    expect(JSON.parse(t.run('kubectl exec web -- curl -sk https://10.96.0.1/version').stdout)).toMatchObject({ major: '1', minor: '32', gitVersion: 'v1.32.2' });
    expect(t.run('kubectl exec web -- curl -sk https://kubernetes/api').stdout).toBe(
      '{\n  "kind": "Status",\n  "apiVersion": "v1",\n  "metadata": {},\n  "status": "Failure",\n  "message": "forbidden: User \\"system:anonymous\\" cannot get path \\"/api\\"",\n  "reason": "Forbidden",\n  "details": {},\n  "code": 403\n}',
    );
    expect(t.run('kubectl exec web -- curl -sS https://kubernetes').stderr).toMatch(/^curl: \(60\) SSL certificate problem: unable to get local issuer certificate\n/);
    expect(t.run('kubectl exec web -- curl -sS https://localhost:80').stderr).toMatch(/^curl: \(35\) /);
  });

  it('plays the debug-pod idiom: kubectl run --rm -it … -- CMD prints the output and deletes the pod', () => {
    const t = cluster([api('api-1'), svc('api', { app: 'api' }, 80, 'http')]);
    expect(t.run('kubectl run tmp --rm -it --restart=Never --image=busybox:1.36 -- wget -qO- http://api')).toEqual({ stdout: 'hello from api\npod "tmp" deleted\n', stderr: '', exitCode: 0 });
    expect(t.cluster.api.tryGet('Pod', 'default', 'tmp')).toBeUndefined();
    expect(t.run('kubectl run tmp --rm -i --image=busybox:1.36 -- nslookup kubernetes.default').stdout).toContain('Address: 10.96.0.1\n');
    expect(t.run('kubectl run tmp --rm -it --restart=Never --image=busybox:1.36 -- wget -qO- http://nope')).toEqual({
      stdout: 'pod "tmp" deleted\n',
      stderr: "wget: bad address 'nope'\nerror: pod default/tmp terminated (Error)\n",
      exitCode: 1,
    });
    expect(t.run('kubectl run tmp --rm -it --image=busybox:9.9 -- true')).toEqual({ stdout: 'pod "tmp" deleted\n', stderr: 'error: timed out waiting for the condition\n', exitCode: 1 });
    expect(t.run('kubectl run tmp --rm -it --image=busybox:1.36 -- sh').exitCode).toBe(1);
  });

  it('does not trip over odd volume specs', () => {
    const odd = pod('odd', 'nginx:1.27', { spec: { containers: [{ name: 'app', image: 'nginx:1.27', volumeMounts: [{ name: 'scratch' }, { name: 'data', mountPath: '/data' }] }], volumes: [{ name: 'scratch', emptyDir: {} }, { name: 'data', emptyDir: {} }] } });
    const t = cluster([odd]);
    expect(t.run('kubectl exec odd -- ls /data')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(t.run('kubectl exec odd -- ls -a /')).toMatchObject({ exitCode: 0 });
  });

  it('answers with the real errors: missing program, container not running, bad container, no command, missing pod', () => {
    const t = cluster([pod('web', 'nginx:1.27'), pod('crash', 'busybox:crash'), pod('pending', 'nginx:1.27', { spec: { nodeSelector: { disk: 'ssd' } } })]);
    expect(t.run('kubectl exec web -- nslookup web')).toEqual({
      stdout: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "nslookup": executable file not found in $PATH: unknown\n',
      stderr: 'command terminated with exit code 126\n',
      exitCode: 126,
    });
    t.cluster.tick(60_000);
    expect(t.run('kubectl exec crash -- ls')).toEqual({ stdout: '', stderr: 'error: unable to upgrade connection: container not found ("app")\n', exitCode: 1 });
    expect(t.run('kubectl exec pending -- ls').stderr).toBe('Error from server (BadRequest): pod pending does not have a host assigned\n');
    expect(t.run('kubectl exec web -c nope -- ls').stderr).toBe('Error from server (BadRequest): container nope is not valid for pod web\n');
    expect(t.run('kubectl exec web').stderr).toBe("error: you must specify at least one command for the container\nSee 'kubectl exec -h' for help and examples\n");
    expect(t.run('kubectl exec nope -- ls').stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(t.run('kubectl exec -it web -- sh').exitCode).toBe(1);
  });
});
