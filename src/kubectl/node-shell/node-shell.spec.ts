import { Cluster } from '../../cluster-engine';
import { Shell } from '../shell/shell';
import { VirtualFs } from '../shell/vfs';

function setup() {
  const cluster = Cluster.create(
    {
      staticControlPlane: true,
      nodes: [{ name: 'controlplane', role: 'control-plane' }, { name: 'node01' }],
      registry: [{ name: 'nginx', tags: { '1.27': {} }, behaviour: { listens: [80] } }],
    },
    8,
  );
  cluster.tick(15_000);
  const shell = new Shell(cluster, new VirtualFs());
  const run = (line: string) => shell.run(line);
  return { cluster, shell, run };
}

describe('node shell', () => {
  it('shows the static pod manifests and the runtime\'s containers on the control-plane node', () => {
    const { run, shell } = setup();
    expect(run('ssh controlplane').exitCode).toBe(0);
    expect(shell.prompt()).toBe('root@controlplane:~# ');
    expect(run('ls /etc/kubernetes/manifests | sort').stdout).toBe('etcd.yaml\nkube-apiserver.yaml\nkube-controller-manager.yaml\nkube-scheduler.yaml\n');
    expect(run('grep -c -- --leader-elect /etc/kubernetes/manifests/kube-scheduler.yaml').stdout).toBe('1\n');
    const ps = run('crictl ps').stdout.split('\n');
    expect(ps[0]).toMatch(/^CONTAINER\s+IMAGE\s+CREATED\s+STATE\s+NAME\s+ATTEMPT\s+POD ID\s+POD\s+NAMESPACE$/);
    expect(ps.filter((l) => / Running /.test(l)).map((l) => l.split(/\s{3,}/)[4]).sort()).toEqual(['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']);
    expect(run('exit').stdout).toBe('logout\nConnection to controlplane closed.\n');
    expect(run('ls /etc/kubernetes/manifests').exitCode).not.toBe(0);
  });

  it('stops scheduling when the scheduler manifest is moved away, and resumes when it is back', () => {
    const { run, cluster } = setup();
    run('ssh controlplane');
    expect(run('mv /etc/kubernetes/manifests/kube-scheduler.yaml /root/').exitCode).toBe(0);
    run('exit');
    cluster.tick(2_000);
    expect(run('kubectl get pods -n kube-system -o name').stdout).not.toContain('kube-scheduler');
    expect(run('kubectl run web --image=nginx:1.27').stdout).toBe('pod/web created\n');
    cluster.tick(60_000);
    expect(run('kubectl get pod web -o jsonpath={.spec.nodeName}').stdout).toBe('');
    expect(run('kubectl get events --field-selector involvedObject.name=web').stderr).toBe('No resources found in default namespace.\n');
    run('ssh controlplane');
    run('mv /root/kube-scheduler.yaml /etc/kubernetes/manifests/');
    run('exit');
    cluster.tick(10_000);
    expect(run('kubectl get pod web -o jsonpath={.spec.nodeName}').stdout).toBe('node01');
  });

  it('refuses kubectl on a worker node, and everywhere once etcd is gone', () => {
    const { run, cluster } = setup();
    run('ssh node01');
    expect(run('kubectl get pods')).toEqual({ stdout: '', stderr: 'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n', exitCode: 1 });
    run('exit');
    run('ssh controlplane');
    run('mv /etc/kubernetes/manifests/etcd.yaml /tmp/etcd.yaml');
    run('exit');
    cluster.tick(3_000);
    expect(run('kubectl get nodes').stderr).toBe('The connection to the server 172.18.0.2:6443 was refused - did you specify the right host or port?\n');
    expect(run('kubectl config current-context').exitCode).toBe(0);
  });

  it('reports a kubelet that fails on its config in systemctl and journalctl, as on a real node', () => {
    const { run } = setup();
    run('ssh node01');
    expect(run("sed -i 's/maxPods: 110/maxPods: \"110\"/' /var/lib/kubelet/config.yaml").exitCode).toBe(0);
    run('systemctl restart kubelet');
    const status = run('systemctl status kubelet');
    expect(status.exitCode).toBe(3);
    expect(status.stdout).toMatch(/Active: activating \(auto-restart\) \(Result: exit-code\) since .*; 0s ago/);
    expect(status.stdout).toContain('(code=exited, status=1/FAILURE)');
    expect(run('journalctl -u kubelet').stdout).toContain(
      'run.go:72] "command failed" err="failed to load kubelet config file, path: /var/lib/kubelet/config.yaml, error: failed to load Kubelet config file /var/lib/kubelet/config.yaml, error failed to decode: json: cannot unmarshal string into Go struct field KubeletConfiguration.maxPods of type int32"',
    );
    run("sed -i 's/maxPods: \"110\"/maxPods: 110/' /var/lib/kubelet/config.yaml");
    run('systemctl restart kubelet');
    expect(run('systemctl is-active kubelet').stdout).toBe('active\n');
  });

  it('fails the kubelet on a client CA file that is not there, naming the path, until the config points at the real one', () => {
    const { run } = setup();
    run('ssh node01');
    expect(run('cat /etc/kubernetes/pki/ca.crt').stdout).toMatch(/^-----BEGIN CERTIFICATE-----/);
    run("sed -i 's#clientCAFile: /etc/kubernetes/pki/ca.crt#clientCAFile: /etc/kubernetes/pki/CA.CERTIFICATE#' /var/lib/kubelet/config.yaml");
    run('systemctl restart kubelet');
    expect(run('systemctl is-active kubelet').stdout).toBe('inactive\n');
    expect(run('journalctl -u kubelet').stdout).toContain(
      '"command failed" err="failed to construct kubelet dependencies: unable to load client CA file /etc/kubernetes/pki/CA.CERTIFICATE: open /etc/kubernetes/pki/CA.CERTIFICATE: no such file or directory"',
    );
    run("sed -i 's#CA.CERTIFICATE#ca.crt#' /var/lib/kubelet/config.yaml");
    run('systemctl restart kubelet');
    expect(run('systemctl is-active kubelet').stdout).toBe('active\n');
  });
});
