// Runs @kubernetes/client-node 1.4 (ESM only, so outside Jest) against a kubeconfig and prints what it
// saw as JSON: node test/support/client-node-probe.mjs <kubeconfig-file>
import * as k8s from '@kubernetes/client-node';
import { Writable } from 'node:stream';

const kc = new k8s.KubeConfig();
kc.loadFromFile(process.argv[2]);
const core = kc.makeApiClient(k8s.CoreV1Api);
const apps = kc.makeApiClient(k8s.AppsV1Api);
const out = {};

const pods = await core.listNamespacedPod({ namespace: 'default', labelSelector: 'app=web' });
out.podLabels = [...new Set(pods.items.map((p) => p.metadata?.labels?.app))];
out.nodes = (await core.listNode()).items.map((n) => n.metadata?.name);

const before = await apps.readNamespacedDeployment({ name: 'web', namespace: 'default' });
out.watched = [];
let abort;
const seen = new Promise((resolve, reject) => {
  new k8s.Watch(kc)
    .watch(
      '/apis/apps/v1/namespaces/default/deployments',
      { resourceVersion: before.metadata.resourceVersion, fieldSelector: 'metadata.name=web' },
      (type, obj) => {
        out.watched.push({ type, replicas: obj.spec?.replicas });
        if (type === 'MODIFIED' && obj.spec?.replicas === 5) resolve();
      },
      (err) => (err ? reject(err) : undefined),
    )
    .then((a) => (abort = a), reject);
});
await new Promise((r) => setTimeout(r, 200));
const patched = await apps.patchNamespacedDeployment(
  { name: 'web', namespace: 'default', body: { spec: { replicas: 5 } } },
  k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.StrategicMergePatch),
);
out.patchedReplicas = patched.spec?.replicas;
await seen;
abort?.abort();

const running = (await core.listNamespacedPod({ namespace: 'default', labelSelector: 'app=web', fieldSelector: 'status.phase=Running' })).items[0];
let stdout = '';
const sink = new Writable({ write: (chunk, _enc, done) => ((stdout += chunk.toString()), done()) });
out.execStatus = await new Promise((resolve, reject) => {
  new k8s.Exec(kc).exec('default', running.metadata.name, running.spec.containers[0].name, ['cat', '/etc/hostname'], sink, null, null, false, (s) => resolve(s.status)).catch(reject);
});
out.execStdout = stdout;
out.execPod = running.metadata.name;
process.stdout.write(JSON.stringify(out));
process.exit(0);
