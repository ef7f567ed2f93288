import { RepositorySpec } from '../runtime/registry';

/** The control-plane images every cluster's registry serves, with the flags each binary accepts. */
export function controlPlaneImages(version: string): RepositorySpec[] {
  const tags = { [version]: { sizeBytes: 28_000_000 } };
  // Usage as `kubectl top pods -n kube-system` shows it on an idle kubeadm cluster.
  const usage: Record<string, { cpuMillis: number; memoryMiB: number }> = {
    'kube-apiserver': { cpuMillis: 42, memoryMiB: 262 },
    'kube-controller-manager': { cpuMillis: 14, memoryMiB: 51 },
    'kube-scheduler': { cpuMillis: 3, memoryMiB: 23 },
  };
  const component = (name: string, port: number, flags: string[], ready: string): RepositorySpec => ({
    name: `registry.k8s.io/${name}`,
    tags,
    behaviour: { ...usage[name], listens: [port], acceptedFlags: flags, logs: [{ line: `I0115 09:00:00.000000       1 server.go:150] "Starting ${name}" version="${version}"` }, { at: 1, line: ready }] },
  });
  return [
    component('kube-apiserver', 6443, APISERVER_FLAGS, 'I0115 09:00:01.000000       1 secure_serving.go:213] Serving securely on [::]:6443'),
    component('kube-controller-manager', 10257, CONTROLLER_MANAGER_FLAGS, 'I0115 09:00:01.000000       1 leaderelection.go:268] successfully acquired lease kube-system/kube-controller-manager'),
    component('kube-scheduler', 10259, SCHEDULER_FLAGS, 'I0115 09:00:01.000000       1 leaderelection.go:268] successfully acquired lease kube-system/kube-scheduler'),
    {
      name: 'registry.k8s.io/etcd',
      tags: { '3.5.16-0': { sizeBytes: 57_000_000 } },
      behaviour: { cpuMillis: 19, memoryMiB: 41, listens: [2379, 2380], acceptedFlags: ETCD_FLAGS, logs: [{ line: '{"level":"info","msg":"serving client traffic securely","address":"127.0.0.1:2379"}' }] },
    },
    { name: 'registry.k8s.io/pause', tags: { '3.10': { sizeBytes: 320_000 } } },
  ];
}

const SCHEDULER_FLAGS = ['authentication-kubeconfig', 'authorization-kubeconfig', 'bind-address', 'kubeconfig', 'leader-elect', 'config', 'v', 'secure-port', 'profiling'];
const CONTROLLER_MANAGER_FLAGS = [
  'allocate-node-cidrs', 'authentication-kubeconfig', 'authorization-kubeconfig', 'bind-address', 'client-ca-file', 'cluster-cidr', 'cluster-name', 'cluster-signing-cert-file',
  'cluster-signing-key-file', 'controllers', 'kubeconfig', 'leader-elect', 'requestheader-client-ca-file', 'root-ca-file', 'service-account-private-key-file', 'service-cluster-ip-range',
  'use-service-account-credentials', 'node-monitor-grace-period', 'v',
];
const APISERVER_FLAGS = [
  'advertise-address', 'allow-privileged', 'authorization-mode', 'client-ca-file', 'enable-admission-plugins', 'disable-admission-plugins', 'enable-bootstrap-token-auth', 'etcd-cafile',
  'etcd-certfile', 'etcd-keyfile', 'etcd-servers', 'kubelet-client-certificate', 'kubelet-client-key', 'kubelet-preferred-address-types', 'proxy-client-cert-file', 'proxy-client-key-file',
  'requestheader-allowed-names', 'requestheader-client-ca-file', 'requestheader-extra-headers-prefix', 'requestheader-group-headers', 'requestheader-username-headers', 'secure-port',
  'service-account-issuer', 'service-account-key-file', 'service-account-signing-key-file', 'service-cluster-ip-range', 'tls-cert-file', 'tls-private-key-file', 'anonymous-auth', 'v',
];
const ETCD_FLAGS = [
  'advertise-client-urls', 'cert-file', 'client-cert-auth', 'data-dir', 'experimental-initial-corrupt-check', 'experimental-watch-progress-notify-interval', 'initial-advertise-peer-urls',
  'initial-cluster', 'key-file', 'listen-client-urls', 'listen-metrics-urls', 'listen-peer-urls', 'name', 'peer-cert-file', 'peer-client-cert-auth', 'peer-key-file', 'peer-trusted-ca-file',
  'snapshot-count', 'trusted-ca-file',
];
