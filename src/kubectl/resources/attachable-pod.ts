import { KubeObject, Pod, resolveKind } from '../../cluster-engine';
import { metaSelectorMatches } from '../../cluster-engine/api/label-selector';
import { isPodReady } from '../../cluster-engine/controllers/replicaset.reconciler';
import { KubectlError } from '../errors';

/** Kinds whose pods `kubectl logs|exec TYPE/NAME` can pick from, and where their selector lives. */
const SELECTED_BY: Record<string, (o: KubeObject) => (labels: Record<string, string> | undefined) => boolean> = {
  Deployment: templated,
  ReplicaSet: templated,
  StatefulSet: templated,
  DaemonSet: templated,
  Job: templated,
  Service: (o) => {
    const sel = (o.spec as { selector?: Record<string, string> } | undefined)?.selector;
    return (labels) => !!sel && Object.keys(sel).length > 0 && Object.entries(sel).every(([k, v]) => labels?.[k] === v);
  },
};

function templated(o: KubeObject): (labels: Record<string, string> | undefined) => boolean {
  const sel = (o.spec as { selector?: Parameters<typeof metaSelectorMatches>[0] } | undefined)?.selector;
  return (labels) => metaSelectorMatches(sel, labels);
}

export interface AttachablePod {
  pod: Pod;
  /** kubectl's `Found 3 pods, using pod/web-…` note (stderr) when it had to choose */
  note?: string;
}

/**
 * `polymorphichelpers.AttachablePodForObject`: a pod name, `pod/NAME`, or a workload/Service whose best pod
 * for logging is picked as kubectl's `podutils.ByLogging` orders them.
 */
export function attachablePod(api: { get<T extends KubeObject>(kind: string, ns: string, name: string): T; list<T extends KubeObject>(kind: string, opts: { namespace?: string }): T[] }, namespace: string, arg: string): AttachablePod {
  const slash = arg.indexOf('/');
  if (slash < 0) return { pod: api.get<Pod>('Pod', namespace, arg) };
  const type = arg.slice(0, slash);
  const name = arg.slice(slash + 1);
  const info = resolveKind(type);
  if (!info) throw new KubectlError(`error: the server doesn't have a resource type "${type}"`);
  if (info.kind === 'Pod') return { pod: api.get<Pod>('Pod', namespace, name) };
  const selects = SELECTED_BY[info.kind];
  if (!selects) throw new KubectlError(`error: cannot attach to *v1.${info.kind}: selector for *v1.${info.kind} not implemented`);
  const matches = selects(api.get(info.kind, namespace, name));
  const pods = api.list<Pod>('Pod', { namespace }).filter((p) => matches(p.metadata.labels)).sort(byLogging);
  // kubectl waits --pod-running-timeout (20 s) for a pod to appear, then gives up with this.
  if (pods.length === 0) throw new KubectlError('error: timed out waiting for the condition');
  return { pod: pods[0], note: pods.length > 1 ? `Found ${pods.length} pods, using pod/${pods[0].metadata.name}\n` : undefined };
}

const PHASE_RANK: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };
const readySince = (p: Pod): string => p.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True')?.lastTransitionTime ?? '';
const maxRestarts = (p: Pod): number => Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));

/** `podutils.ByLogging`: assigned, then running, ready, ready longest, most restarts, oldest. */
function byLogging(a: Pod, b: Pod): number {
  if (!!a.spec.nodeName !== !!b.spec.nodeName) return a.spec.nodeName ? -1 : 1;
  const pa = PHASE_RANK[a.status?.phase ?? ''] ?? 3;
  const pb = PHASE_RANK[b.status?.phase ?? ''] ?? 3;
  if (pa !== pb) return pa - pb;
  if (isPodReady(a) !== isPodReady(b)) return isPodReady(a) ? -1 : 1;
  if (isPodReady(a) && readySince(a) !== readySince(b)) return readySince(a) < readySince(b) ? -1 : 1;
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(b) - maxRestarts(a);
  const ca = a.metadata.creationTimestamp ?? '';
  const cb = b.metadata.creationTimestamp ?? '';
  return ca === cb ? 0 : ca < cb ? -1 : 1;
}
