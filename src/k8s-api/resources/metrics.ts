import { ApiError, Cluster, METRICS_RESOLUTION_MS, Node, notFound, Pod, toIso } from '../../cluster-engine';
import type { ContainerMetrics } from '../../cluster-engine';
import type { K8sAttemptsService } from '../k8s-attempts.service';
import { K8sRequest } from '../http/request';
import { methodNotSupported, pathNotFound, sendJson } from '../http/status';
import { ResourcePath } from './path';

const API_VERSION = 'metrics.k8s.io/v1beta1';
const WINDOW = `${METRICS_RESOLUTION_MS / 1000}s`;

/** metrics-server's quantities: CPU in nanocores (`"60000000n"`), memory in Ki when whole (`"532480Ki"`). */
function usage(cpuMillis: number, memoryBytes: number): { cpu: string; memory: string } {
  return { cpu: `${Math.round(cpuMillis * 1e6)}n`, memory: memoryBytes % 1024 === 0 ? `${memoryBytes / 1024}Ki` : `${memoryBytes}` };
}

/** A 404 worded as metrics-server words it: the resource is `nodemetrics`/`podmetrics` of metrics.k8s.io. */
function metricsNotFound(kind: 'NodeMetrics' | 'PodMetrics', name: string, shown: string): ApiError {
  const base = notFound(kind === 'NodeMetrics' ? 'Node' : 'Pod', name).status;
  return new ApiError({ ...base, message: `${kind.toLowerCase()}.metrics.k8s.io "${shown}" not found`, details: { name, group: 'metrics.k8s.io', kind: kind === 'NodeMetrics' ? 'nodes' : 'pods' } });
}

/**
 * `metrics.k8s.io/v1beta1` nodes and pods (get, list with label and field selectors), from the same
 * simulated usage as the browser's `kubectl top` (Cluster.nodeMetrics/podMetrics). Without metrics-server
 * the group is absent (404 here, and missing from discovery, so kubectl says "Metrics API not available").
 */
export function serveMetrics(req: K8sRequest, p: ResourcePath, attempts: K8sAttemptsService): void {
  if (req.method !== 'GET' || p.subresource !== undefined || req.query.get('watch') === 'true' || req.query.get('watch') === '1') {
    throw methodNotSupported();
  }
  const body = attempts.read(req.live, (c) => {
    if (!c.metricsAvailable()) throw pathNotFound();
    return p.resource.info.kind === 'NodeMetrics' ? nodes(c, req, p.name) : pods(c, req, p.namespace, p.name);
  });
  sendJson(req.res, 200, body);
}

function nodes(c: Cluster, req: K8sRequest, name: string | undefined): Record<string, unknown> {
  const list = name ? c.api.list<Node>('Node').filter((n) => n.metadata.name === name) : c.api.list<Node>('Node', { labelSelector: req.query.get('labelSelector') || undefined });
  const byName = new Map(list.map((n) => [n.metadata.name, n]));
  const now = toIso(c.nowMs());
  const timestamp = toIso(Math.floor(c.nowMs() / METRICS_RESOLUTION_MS) * METRICS_RESOLUTION_MS);
  const items = c
    .nodeMetrics()
    .filter((m) => byName.has(m.name))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((m) => ({
      kind: 'NodeMetrics',
      apiVersion: API_VERSION,
      metadata: { name: m.name, creationTimestamp: now, labels: byName.get(m.name)!.metadata.labels ?? {} },
      timestamp,
      window: WINDOW,
      usage: usage(m.cpuMillis, m.memoryBytes),
    }));
  if (name) {
    if (!items.length) throw metricsNotFound('NodeMetrics', name, name);
    return items[0];
  }
  return { kind: 'NodeMetricsList', apiVersion: API_VERSION, metadata: {}, items };
}

function pods(c: Cluster, req: K8sRequest, namespace: string | undefined, name: string | undefined): Record<string, unknown> {
  const opts = { namespace, labelSelector: req.query.get('labelSelector') || undefined, fieldSelector: req.query.get('fieldSelector') || undefined };
  const list = name ? c.api.list<Pod>('Pod', { namespace }).filter((p) => p.metadata.name === name) : c.api.list<Pod>('Pod', opts);
  const wanted = new Set(list.map((p) => `${p.metadata.namespace}/${p.metadata.name}`));
  const now = toIso(c.nowMs());
  const timestamp = toIso(Math.floor(c.nowMs() / METRICS_RESOLUTION_MS) * METRICS_RESOLUTION_MS);
  const items = c
    .podMetrics()
    .filter((m) => wanted.has(`${m.namespace}/${m.name}`))
    .sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name))
    .map((m) => ({
      kind: 'PodMetrics',
      apiVersion: API_VERSION,
      metadata: { name: m.name, namespace: m.namespace, creationTimestamp: now, labels: m.labels },
      timestamp,
      window: WINDOW,
      containers: m.containers.map((x: ContainerMetrics) => ({ name: x.name, usage: usage(x.cpuMillis, x.memoryBytes) })),
    }));
  if (name) {
    if (!items.length) throw metricsNotFound('PodMetrics', name, `${namespace}/${name}`);
    return items[0];
  }
  return { kind: 'PodMetricsList', apiVersion: API_VERSION, metadata: {}, items };
}
