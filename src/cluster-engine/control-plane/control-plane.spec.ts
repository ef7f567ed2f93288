import { Cluster } from '../cluster';
import { KubeObject, Pod } from '../api/types';
import { pod } from '../test-support/fixtures';
import { KUBELET_CONFIG, MANIFESTS_DIR } from './manifests';

function kubeadmCluster(objects: KubeObject[] = []): Cluster {
  return Cluster.create(
    {
      staticControlPlane: true,
      nodes: [{ name: 'controlplane', role: 'control-plane' }, { name: 'node01' }],
      registry: [{ name: 'nginx', tags: { '1.27': {} }, behaviour: { listens: [80] } }],
      objects,
    },
    3,
  );
}

const systemPods = (c: Cluster) => c.api.list<Pod>('Pod', { namespace: 'kube-system' });
const phaseOf = (c: Cluster, name: string) => c.api.tryGet<Pod>('Pod', 'default', name)?.spec.nodeName;

describe('static control plane', () => {
  it('runs etcd, kube-apiserver, kube-controller-manager and kube-scheduler as mirror pods on the control-plane node', () => {
    const c = kubeadmCluster([pod('web', {})]);
    c.tick(10_000);
    const pods = systemPods(c);
    expect(pods.map((p) => p.metadata.name)).toEqual(['etcd-controlplane', 'kube-apiserver-controlplane', 'kube-controller-manager-controlplane', 'kube-scheduler-controlplane']);
    for (const p of pods) {
      expect(p.status.phase).toBe('Running');
      expect(p.metadata.ownerReferences).toEqual([expect.objectContaining({ kind: 'Node', name: 'controlplane' })]);
    }
    expect(phaseOf(c, 'web')).toBe('node01');
  });

  it('schedules nothing while the kube-scheduler manifest is gone, and again once it is back', () => {
    const c = kubeadmCluster();
    c.tick(10_000);
    const files = c.nodeFiles('controlplane');
    const manifest = files[`${MANIFESTS_DIR}/kube-scheduler.yaml`];
    delete files[`${MANIFESTS_DIR}/kube-scheduler.yaml`];
    files['/root/kube-scheduler.yaml'] = manifest;
    c.tick(2_000);
    expect(systemPods(c).map((p) => p.metadata.name)).not.toContain('kube-scheduler-controlplane');
    c.api.create(pod('late', {}));
    c.tick(60_000);
    expect(phaseOf(c, 'late')).toBeUndefined();
    expect(c.api.list<any>('Event').filter((e) => e.involvedObject.name === 'late')).toEqual([]);
    files[`${MANIFESTS_DIR}/kube-scheduler.yaml`] = manifest;
    c.tick(10_000);
    expect(phaseOf(c, 'late')).toBe('node01');
  });

  it('crash-loops a control-plane component given an unknown flag', () => {
    const c = kubeadmCluster();
    const files = c.nodeFiles('controlplane');
    files[`${MANIFESTS_DIR}/kube-scheduler.yaml`] = files[`${MANIFESTS_DIR}/kube-scheduler.yaml`].replace('--leader-elect=true', '--leader-elect=true\n    - --shceduler-name=fast');
    c.api.create(pod('web', {}));
    c.tick(60_000);
    const sched = c.api.get<Pod>('Pod', 'kube-system', 'kube-scheduler-controlplane');
    expect(sched.status.containerStatuses![0].restartCount).toBeGreaterThan(0);
    expect(c.logs('kube-system', 'kube-scheduler-controlplane', { previous: true })).toBe('Error: unknown flag: --shceduler-name\n');
    expect(phaseOf(c, 'web')).toBeUndefined();
  });

  it('honours --controllers: without the namespace controller a deleted namespace stays Terminating', () => {
    const c = kubeadmCluster();
    const files = c.nodeFiles('controlplane');
    const path = `${MANIFESTS_DIR}/kube-controller-manager.yaml`;
    files[path] = files[path].replace('--controllers=*,bootstrapsigner,tokencleaner', '--controllers=*,bootstrapsigner,tokencleaner,-namespace');
    c.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    c.tick(10_000);
    c.api.delete('Namespace', undefined, 'shop');
    c.tick(30_000);
    expect(c.api.tryGet('Namespace', undefined, 'shop')).toBeDefined();
  });

  it('makes the API unreachable without etcd', () => {
    const c = kubeadmCluster();
    c.tick(10_000);
    expect(c.apiServerReachable()).toBe(true);
    delete c.nodeFiles('controlplane')[`${MANIFESTS_DIR}/etcd.yaml`];
    c.tick(2_000);
    expect(c.apiServerReachable()).toBe(false);
  });
});

describe('kubelet configuration', () => {
  it('fails to start on a bad config file, as the real kubelet does, and starts once it is fixed', () => {
    const c = kubeadmCluster();
    c.tick(5_000);
    const files = c.nodeFiles('node01');
    files[KUBELET_CONFIG] = files[KUBELET_CONFIG].replace('maxPods: 110', 'maxPods: "110"');
    c.stopKubelet('node01');
    c.startKubelet('node01');
    const svc = c.kubeletService('node01');
    expect(svc.running).toBe(false);
    expect(svc.startError).toBe(
      'failed to load kubelet config file, path: /var/lib/kubelet/config.yaml, error: failed to load Kubelet config file /var/lib/kubelet/config.yaml, error failed to decode: json: cannot unmarshal string into Go struct field KubeletConfiguration.maxPods of type int32',
    );
    c.tick(70_000);
    expect(c.api.get<any>('Node', undefined, 'node01').status.conditions.find((x: any) => x.type === 'Ready').status).toBe('Unknown');
    files[KUBELET_CONFIG] = files[KUBELET_CONFIG].replace('maxPods: "110"', 'maxPods: 110');
    // systemd keeps restarting the failed service every 10 s, so a fixed file is picked up without a manual start
    c.tick(12_000);
    expect(c.kubeletService('node01')).toMatchObject({ running: true });
    expect(c.api.get<any>('Node', undefined, 'node01').status.conditions.find((x: any) => x.type === 'Ready').status).toBe('True');
  });
});
