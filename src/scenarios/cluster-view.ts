import { ApiError, Cluster, Node, Pod, resolveKind } from '../cluster-engine';
import { nodeRoles, nodeStatus, summarizePod } from '../cluster-engine/printers';
import { describeObject } from '../kubectl/describe/registry';
import { taintString } from '../kubectl/describe/format';
import { formatError } from '../kubectl/errors';
import { ClusterView, ClusterViewNode, ClusterViewPod } from './session.types';

/** Ready is healthy when True; every other node condition (the pressures, NetworkUnavailable) when False. */
const healthyStatus = (type: string): string => (type === 'Ready' ? 'True' : 'False');

function nodeView(node: Node): ClusterViewNode {
  const conditions = node.status?.conditions ?? [];
  return {
    name: node.metadata.name,
    ready: conditions.some((c) => c.type === 'Ready' && c.status === 'True'),
    status: nodeStatus(node),
    roles: nodeRoles(node),
    conditions: conditions
      .filter((c) => c.status !== healthyStatus(c.type))
      .map((c) => ({ type: c.type, status: c.status, reason: c.reason ?? '', message: c.message ?? '' })),
    taints: (node.spec?.taints ?? []).map(taintString),
    unschedulable: node.spec?.unschedulable === true,
  };
}

function podView(pod: Pod, nowMs: number): ClusterViewPod {
  // The same one pass over the statuses as the STATUS column of `kubectl get pods`.
  const summary = summarizePod(pod, { nowMs });
  return {
    namespace: pod.metadata.namespace ?? 'default',
    name: pod.metadata.name,
    node: pod.spec.nodeName || null,
    status: summary.reason,
    ready: summary.ready,
    // "3 (12s ago)" → 3: the age would make the view change every second.
    restarts: Number.parseInt(summary.restarts, 10) || 0,
  };
}

const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Nodes and pods of every namespace, each sorted by (namespace and) name. */
export function buildClusterView(cluster: Cluster): ClusterView {
  const nowMs = cluster.nowMs();
  // Read without copies (the views only read): the game builds this after every tick that changed the store.
  const nodes = (cluster.api.view('Node') as readonly Node[]).map(nodeView).sort(byName);
  const pods = (cluster.api.view('Pod') as readonly Pod[])
    .map((p) => podView(p, nowMs))
    .sort((a, b) => (a.namespace === b.namespace ? byName(a, b) : a.namespace < b.namespace ? -1 : 1));
  return { nodes, pods };
}

/** `kubectl describe KIND NAME -n NAMESPACE`; a wrong kind or a missing object throws RangeError with kubectl's words. */
export function describeInCluster(cluster: Cluster, kind: string, namespace: string | undefined, name: string): string {
  const info = resolveKind(kind);
  if (!info) throw new RangeError(`error: the server doesn't have a resource type "${kind}"`);
  try {
    const obj = cluster.api.get(info.kind, info.namespaced ? namespace || 'default' : undefined, name);
    return describeObject(cluster, obj);
  } catch (err) {
    if (err instanceof ApiError) throw new RangeError(formatError(err).trimEnd());
    throw err;
  }
}
