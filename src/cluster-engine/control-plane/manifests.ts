/**
 * The files a kubeadm node carries: the control-plane static pod manifests (on the control-plane node)
 * and the kubelet's configuration (on every node). Players read and edit them over `ssh`.
 */
export const MANIFESTS_DIR = '/etc/kubernetes/manifests';
export const KUBELET_CONFIG = '/var/lib/kubelet/config.yaml';
/** The cluster CA kubeadm copies to every node; the kubelet's `authentication.x509.clientCAFile`. */
export const CLUSTER_CA = '/etc/kubernetes/pki/ca.crt';

export function controlPlaneManifests(version: string, nodeIP: string): Record<string, string> {
  const v = version;
  return {
    [`${MANIFESTS_DIR}/etcd.yaml`]: `apiVersion: v1
kind: Pod
metadata:
  annotations:
    kubeadm.kubernetes.io/etcd.advertise-client-urls: https://${nodeIP}:2379
  labels:
    component: etcd
    tier: control-plane
  name: etcd
  namespace: kube-system
spec:
  containers:
  - command:
    - etcd
    - --advertise-client-urls=https://${nodeIP}:2379
    - --cert-file=/etc/kubernetes/pki/etcd/server.crt
    - --client-cert-auth=true
    - --data-dir=/var/lib/etcd
    - --listen-client-urls=https://127.0.0.1:2379,https://${nodeIP}:2379
    - --name=controlplane
    - --trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt
    image: registry.k8s.io/etcd:3.5.16-0
    imagePullPolicy: IfNotPresent
    name: etcd
    resources:
      requests:
        cpu: 100m
        memory: 100Mi
  hostNetwork: true
  priority: 2000001000
  priorityClassName: system-node-critical
`,
    [`${MANIFESTS_DIR}/kube-apiserver.yaml`]: `apiVersion: v1
kind: Pod
metadata:
  labels:
    component: kube-apiserver
    tier: control-plane
  name: kube-apiserver
  namespace: kube-system
spec:
  containers:
  - command:
    - kube-apiserver
    - --advertise-address=${nodeIP}
    - --allow-privileged=true
    - --authorization-mode=Node,RBAC
    - --client-ca-file=/etc/kubernetes/pki/ca.crt
    - --enable-admission-plugins=NodeRestriction
    - --etcd-servers=https://127.0.0.1:2379
    - --secure-port=6443
    - --service-cluster-ip-range=10.96.0.0/12
    image: registry.k8s.io/kube-apiserver:${v}
    imagePullPolicy: IfNotPresent
    name: kube-apiserver
    resources:
      requests:
        cpu: 250m
  hostNetwork: true
  priority: 2000001000
  priorityClassName: system-node-critical
`,
    [`${MANIFESTS_DIR}/kube-controller-manager.yaml`]: `apiVersion: v1
kind: Pod
metadata:
  labels:
    component: kube-controller-manager
    tier: control-plane
  name: kube-controller-manager
  namespace: kube-system
spec:
  containers:
  - command:
    - kube-controller-manager
    - --allocate-node-cidrs=true
    - --authentication-kubeconfig=/etc/kubernetes/controller-manager.conf
    - --authorization-kubeconfig=/etc/kubernetes/controller-manager.conf
    - --bind-address=127.0.0.1
    - --cluster-cidr=10.244.0.0/16
    - --controllers=*,bootstrapsigner,tokencleaner
    - --kubeconfig=/etc/kubernetes/controller-manager.conf
    - --leader-elect=true
    - --use-service-account-credentials=true
    image: registry.k8s.io/kube-controller-manager:${v}
    imagePullPolicy: IfNotPresent
    name: kube-controller-manager
    resources:
      requests:
        cpu: 200m
  hostNetwork: true
  priority: 2000001000
  priorityClassName: system-node-critical
`,
    [`${MANIFESTS_DIR}/kube-scheduler.yaml`]: `apiVersion: v1
kind: Pod
metadata:
  labels:
    component: kube-scheduler
    tier: control-plane
  name: kube-scheduler
  namespace: kube-system
spec:
  containers:
  - command:
    - kube-scheduler
    - --authentication-kubeconfig=/etc/kubernetes/scheduler.conf
    - --authorization-kubeconfig=/etc/kubernetes/scheduler.conf
    - --bind-address=127.0.0.1
    - --kubeconfig=/etc/kubernetes/scheduler.conf
    - --leader-elect=true
    image: registry.k8s.io/kube-scheduler:${v}
    imagePullPolicy: IfNotPresent
    name: kube-scheduler
    resources:
      requests:
        cpu: 100m
  hostNetwork: true
  priority: 2000001000
  priorityClassName: system-node-critical
`,
  };
}

export function kubeletConfig(): string {
  return `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
authentication:
  anonymous:
    enabled: false
  webhook:
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
authorization:
  mode: Webhook
cgroupDriver: systemd
clusterDNS:
- 10.96.0.10
clusterDomain: cluster.local
containerRuntimeEndpoint: unix:///var/run/containerd/containerd.sock
maxPods: 110
rotateCertificates: true
staticPodPath: /etc/kubernetes/manifests
`;
}

/** A stand-in for the cluster CA certificate (the kubelet only needs the file to exist and hold a PEM block). */
export function clusterCaCert(): string {
  return `-----BEGIN CERTIFICATE-----
MIIDBTCCAe2gAwIBAgIIWc1Ni2wJSrIwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE
AxMKa3ViZXJuZXRlczAeFw0yNTAxMDgwOTAwMDBaFw0zNTAxMDYwOTA1MDBaMBUx
EzARBgNVBAMTCmt1YmVybmV0ZXMwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEK
-----END CERTIFICATE-----
`;
}
