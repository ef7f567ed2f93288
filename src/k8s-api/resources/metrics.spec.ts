import type { ServerResponse } from 'node:http';
import { ApiError, Cluster, KubeObject } from '../../cluster-engine';
import type { LiveAttempt } from '../../game/attempts/live-attempt';
import type { K8sAttemptsService } from '../k8s-attempts.service';
import { K8sRequest } from '../http/request';
import { parseResourcePath } from './path';
import { serveMetrics } from './metrics';

function cluster(metricsServer = true): Cluster {
  const pod = (name: string, ns = 'default'): KubeObject =>
    ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, labels: { app: name } }, spec: { containers: [{ name: 'main', image: 'api:1' }] } }) as KubeObject;
  const c = Cluster.create(
    {
      nodes: [{ name: 'controlplane', role: 'control-plane' }, { name: 'node01', cpu: '2', memory: '4Gi' }],
      registry: [{ name: 'api', tags: { '1': {} }, behaviour: { listens: [8080], cpuMillis: 250, memoryMiB: 300 } }],
      objects: [pod('api'), pod('worker'), { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } } as KubeObject, pod('cart', 'shop')],
      metricsServer,
    },
    5,
  );
  c.tick(60_000);
  return c;
}

/** Runs one GET through serveMetrics and returns the JSON body it sent. */
function get(c: Cluster, path: string, query = ''): Record<string, any> {
  let sent = '';
  const res = { headersSent: false, writeHead: () => res, end: (t: string) => (sent = t) } as unknown as ServerResponse;
  const attempts = { read: <T>(_l: LiveAttempt, work: (c: Cluster) => T) => work(c) } as unknown as K8sAttemptsService;
  const req = { method: 'GET', path, query: new URLSearchParams(query), headers: {}, body: Buffer.alloc(0), res, live: {} as LiveAttempt, prefix: '' } as K8sRequest;
  serveMetrics(req, parseResourcePath(path)!, attempts);
  return JSON.parse(sent) as Record<string, any>;
}

describe('metrics.k8s.io/v1beta1', () => {
  it('NodeMetricsList: every node, by name, usage as metrics-server quantities, the same numbers as Cluster.nodeMetrics', () => {
    const c = cluster();
    const list = get(c, '/apis/metrics.k8s.io/v1beta1/nodes');
    expect(list.kind).toBe('NodeMetricsList');
    expect(list.items.map((i: any) => i.metadata.name)).toEqual(['controlplane', 'node01']);
    const engine = c.nodeMetrics().find((m) => m.name === 'node01')!;
    const node01 = list.items[1];
    expect(node01).toEqual(expect.objectContaining({ kind: 'NodeMetrics', apiVersion: 'metrics.k8s.io/v1beta1', window: '15s' }));
    expect(node01.usage.cpu).toBe(`${engine.cpuMillis * 1e6}n`);
    expect(node01.usage.memory).toBe(engine.memoryBytes % 1024 === 0 ? `${engine.memoryBytes / 1024}Ki` : `${engine.memoryBytes}`);
    expect(get(c, '/apis/metrics.k8s.io/v1beta1/nodes', 'labelSelector=node-role.kubernetes.io/control-plane').items.map((i: any) => i.metadata.name)).toEqual(['controlplane']);
    expect(get(c, '/apis/metrics.k8s.io/v1beta1/nodes/node01').metadata.name).toBe('node01');
  });

  it('PodMetrics per namespace, across namespaces, by label and by name; 404s worded as metrics-server words them', () => {
    const c = cluster();
    expect(get(c, '/apis/metrics.k8s.io/v1beta1/namespaces/default/pods').items.map((i: any) => i.metadata.name)).toEqual(['api', 'worker']);
    expect(get(c, '/apis/metrics.k8s.io/v1beta1/pods').items.map((i: any) => `${i.metadata.namespace}/${i.metadata.name}`)).toEqual(['default/api', 'default/worker', 'shop/cart']);
    expect(get(c, '/apis/metrics.k8s.io/v1beta1/pods', 'labelSelector=app%3Dcart').items).toHaveLength(1);
    const one = get(c, '/apis/metrics.k8s.io/v1beta1/namespaces/shop/pods/cart');
    expect(one.containers).toEqual([{ name: 'main', usage: { cpu: expect.stringMatching(/^\d+n$/), memory: expect.stringMatching(/^\d+Ki$/) } }]);
    expect(() => get(c, '/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/nope')).toThrow('podmetrics.metrics.k8s.io "default/nope" not found');
    expect(() => get(c, '/apis/metrics.k8s.io/v1beta1/nodes/nope')).toThrow('nodemetrics.metrics.k8s.io "nope" not found');
  });

  it('without metrics-server the group is absent: 404 as from an API server with no metrics APIService', () => {
    const c = cluster(false);
    let err: unknown;
    try {
      get(c, '/apis/metrics.k8s.io/v1beta1/nodes');
    } catch (e) {
      err = e;
    }
    expect((err as ApiError).status).toEqual(expect.objectContaining({ code: 404, reason: 'NotFound', message: 'the server could not find the requested resource' }));
  });
});
