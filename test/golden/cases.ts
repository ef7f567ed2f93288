import { Cluster, ClusterSpec, KubeObject } from '../../src/cluster-engine';

export interface GoldenCase {
  name: string;
  cluster: () => Cluster;
  /** command lines, and numbers = simulated seconds to let pass */
  steps: Array<string | number>;
}

const REGISTRY: ClusterSpec['registry'] = [
  { name: 'nginx', tags: { '1.27': { sizeBytes: 68_520_387 }, '1.26': { sizeBytes: 67_655_432 } }, behaviour: { listens: [80], http: { '/': 200, '/healthz': 200 }, logs: [{ line: 'nginx: ready' }] } },
  { name: 'busybox', tags: { '1.36': { sizeBytes: 2_155_380 } }, behaviour: { exit: { afterSeconds: 2, code: 1, logs: ['sh: can\'t open \'/config/app.conf\': No such file or directory'] } } },
  { name: 'crashloop/hog', tags: { '1': { sizeBytes: 12_000_000 } }, behaviour: { memoryMiB: 300, listens: [8080] } },
];

function pod(name: string, spec: Record<string, unknown>, labels: Record<string, string> = { app: name }): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, spec } as KubeObject;
}

const NODES: ClusterSpec['nodes'] = [
  { name: 'controlplane', role: 'control-plane' },
  { name: 'node01', cpu: '2', memory: '4Gi' },
  { name: 'node02', cpu: '2', memory: '4Gi' },
];

function podsCluster(): Cluster {
  return Cluster.create(
    {
      nodes: NODES,
      registry: REGISTRY,
      objects: [
        pod('web', { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }], readinessProbe: { httpGet: { path: '/healthz', port: 80 }, periodSeconds: 5 } }] }),
        pod('typo', { containers: [{ name: 'app', image: 'nginx:1.27.99' }] }),
        pod('crash', { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'cat /config/app.conf'] }] }),
        pod('hog', { containers: [{ name: 'hog', image: 'crashloop/hog:1', resources: { requests: { memory: '64Mi' }, limits: { memory: '128Mi' } } }] }),
        pod('huge', { containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu: '4' } } }] }),
        pod('unready', { containers: [{ name: 'web', image: 'nginx:1.27', readinessProbe: { httpGet: { path: '/ready', port: 8080 } } }] }),
      ],
    },
    2025,
  );
}

function plainCluster(): Cluster {
  return Cluster.create({ nodes: NODES, registry: REGISTRY, objects: [pod('web', { containers: [{ name: 'web', image: 'nginx:1.27' }] })] }, 7);
}

/** A deployment guarded by a PodDisruptionBudget, a pod with a preStop hook, and a worker whose disk can fill. */
function disruptionCluster(): Cluster {
  const labels = { app: 'web' };
  return Cluster.create(
    {
      nodes: NODES,
      registry: [...(REGISTRY ?? []), { name: 'shop/spew', tags: { '1': { sizeBytes: 30_000_000 } }, behaviour: { diskMiB: 90_000, listens: [8080] } }],
      objects: [
        { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', labels }, spec: { replicas: 2, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { nodeSelector: { 'kubernetes.io/hostname': 'node01' }, containers: [{ name: 'web', image: 'nginx:1.27' }] } } } } as KubeObject,
        { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web-pdb' }, spec: { minAvailable: 2, selector: { matchLabels: labels } } } as KubeObject,
        pod('drainer', { terminationGracePeriodSeconds: 45, nodeName: 'node02', containers: [{ name: 'app', image: 'nginx:1.27', lifecycle: { preStop: { exec: { command: ['sh', '-c', 'sleep 20'] } } } }] }),
        pod('spew', { nodeName: 'node02', containers: [{ name: 'app', image: 'shop/spew:1' }] }),
      ],
    },
    31,
  );
}

export const GOLDEN_CASES: GoldenCase[] = [
  {
    name: 'pods-in-trouble',
    cluster: podsCluster,
    steps: [
      120,
      'kubectl get pods',
      'kubectl get pods -o wide',
      'kubectl get pod web --show-labels',
      'kubectl get pods -l app=web -o name',
      "kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}{\"\\t\"}{.status.phase}{\"\\n\"}{end}'",
      'kubectl get pods --field-selector=status.phase=Pending',
      'kubectl get pods --sort-by=.metadata.name --no-headers',
      'kubectl get pods -A',
      'kubectl describe pod typo',
      'kubectl describe pod crash',
      'kubectl describe pod hog',
      'kubectl describe pod huge',
      'kubectl describe pod unready',
      'kubectl logs web',
      'kubectl logs crash --previous',
      'kubectl logs typo',
      'kubectl logs huge',
      'kubectl logs web -c nope',
      'kubectl get events --field-selector involvedObject.name=crash',
      'kubectl get events --sort-by=.lastTimestamp | tail -5',
      'kubectl get pod typo -o yaml | grep -A4 "state:"',
      'kubectl get pod crash -o json | grep -c restartCount',
    ],
  },
  {
    name: 'nodes',
    cluster: plainCluster,
    steps: [
      30,
      'kubectl get nodes',
      'kubectl get nodes -o wide',
      'kubectl describe node node01',
      'kubectl cordon node02',
      'kubectl cordon node02',
      'kubectl get nodes',
      'kubectl uncordon node02',
      'kubectl get node node02 -o jsonpath={.spec.taints}',
      'ssh node02',
      'systemctl stop kubelet',
      'systemctl status kubelet',
      'exit',
      70,
      'kubectl get nodes',
      'kubectl describe node node02 | grep -A8 Conditions',
      'kubectl get node node02 -o jsonpath={.spec.taints}',
      'kubectl get events --field-selector involvedObject.kind=Node',
    ],
  },
  {
    name: 'errors-like-kubectl',
    cluster: plainCluster,
    steps: [
      5,
      'kubectl frobnicate pods',
      'kubectl get pods --frobnicate',
      'kubectl get frobs',
      'kubectl get pod nope',
      'kubectl get pods -n nowhere',
      'kubectl describe pod nope',
      'kubectl delete pod nope',
      'kubectl logs',
      'kubectl get pods -l "bad label"',
      'kubectl get pods --field-selector=spec.image=x',
      "kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Pod\nmetadata:\n  name: broken\nspec:\n  containers:\n  - name: app\nEOF",
      "kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Pod\nmetadata: [oops\nEOF",
      "kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Pod\nmetadata:\n  name: typo\nspec:\n  containers:\n  - name: app\n    imagee: nginx:1.27\nEOF",
      'kubectl apply -f /root/missing.yaml',
      'kubectl create namespace Bad_Name',
      'kubectl delete namespace default',
      'kubectl run web --image=nginx:1.27',
      'vi pod.yaml',
      'kubectl get pods --output=table',
    ],
  },
  {
    name: 'apply-and-delete',
    cluster: plainCluster,
    steps: [
      5,
      "cat > /root/app.yaml <<'EOF'\napiVersion: v1\nkind: Pod\nmetadata:\n  name: app\n  labels:\n    app: app\nspec:\n  containers:\n  - name: app\n    image: nginx:1.26\nEOF",
      'kubectl apply -f /root/app.yaml',
      'kubectl apply -f /root/app.yaml',
      "sed -i 's/nginx:1.26/nginx:1.27/' /root/app.yaml",
      'kubectl apply -f /root/app.yaml',
      10,
      'kubectl get pod app -o jsonpath={.status.containerStatuses[0].image}',
      'kubectl delete -f /root/app.yaml',
      'kubectl get pods',
      2,
      'kubectl get pods',
      'kubectl delete pod web --grace-period=0 --force',
      'kubectl get pods',
    ],
  },
  {
    name: 'disruptions-and-pressure',
    cluster: disruptionCluster,
    steps: [
      30,
      'kubectl get pdb',
      'kubectl describe pdb web-pdb',
      'kubectl get pdb web-pdb -o jsonpath={.status.conditions[0].reason}',
      'kubectl drain node01 --ignore-daemonsets --timeout=3s',
      'kubectl uncordon node01',
      "kubectl patch deployment web --type=merge -p '{\"spec\":{\"selector\":{\"matchLabels\":{\"app\":\"web2\"}}}}'",
      "kubectl apply -f - <<'EOF'\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: bad\nspec:\n  minAvailable: 150%\n  selector: {}\nEOF",
      'kubectl delete pod drainer --wait=false',
      5,
      'kubectl describe pod drainer | head -12',
      'kubectl get pods -o wide',
      20,
      'kubectl get events --field-selector involvedObject.name=spew',
      'kubectl describe node node02 | grep -A7 Conditions',
      'kubectl get node node02 -o jsonpath={.spec.taints}',
      'kubectl get events --field-selector involvedObject.kind=Node,involvedObject.name=node02',
      'ssh node02',
      'df -h',
      'exit',
    ],
  },
  {
    name: 'observe-and-authorize',
    cluster: () =>
      Cluster.create(
        {
          nodes: NODES,
          registry: [
            ...REGISTRY!,
            { name: 'shop/api', tags: { '2': { sizeBytes: 30_000_000 } }, behaviour: { listens: [8080], cpuMillis: 120, memoryMiB: 180, logs: [{ line: 'api 2 starting' }, { at: 1, line: 'listening on :8080' }, { at: 30, line: 'GET /healthz 200' }] } },
          ],
          objects: [
            pod('api-1', { containers: [{ name: 'api', image: 'shop/api:2' }, { name: 'proxy', image: 'nginx:1.27' }] }, { app: 'api' }),
            pod('api-2', { containers: [{ name: 'api', image: 'shop/api:2' }, { name: 'proxy', image: 'nginx:1.27' }] }, { app: 'api' }),
          ],
        },
        11,
      ),
    steps: [
      60,
      'kubectl logs -l app=api --prefix --all-containers',
      'kubectl logs api-1 -c api --since=40s',
      'kubectl logs -l app=api -f --max-log-requests=3 --all-containers',
      'kubectl top nodes',
      'kubectl top pods',
      'kubectl top pods --containers --sort-by=memory',
      'kubectl top pod nope',
      'kubectl explain pod.spec.containers.resources',
      'kubectl explain deploy.spec.replicas',
      'kubectl explain pod.spec.bogus',
      'kubectl get clusterroles',
      'kubectl describe clusterrolebinding cluster-admin',
      'kubectl create role pod-reader --verb=get,list,watch --resource=pods,pods/log',
      'kubectl create rolebinding read-pods --role=pod-reader --user=jane --serviceaccount=default:ci',
      'kubectl get rolebindings -o wide',
      'kubectl describe role pod-reader',
      'kubectl auth can-i list pods --as=jane',
      'kubectl auth can-i delete pods --as=jane',
      'kubectl auth can-i --list --as=system:serviceaccount:default:ci',
      'kubectl auth whoami',
      'kubectl edit',
      'kubectl edit pod nope',
      "kubectl get pods --no-headers | awk '{print $1, $3}'",
    ],
  },
];
