import { Pod, PodCondition, PodDisruptionBudget } from '../api/types';
import { forbidden, internalError, notFound, tooManyRequests } from '../api/errors';
import { setCondition } from '../api/conditions';
import { podsForBudget } from '../controllers/disruption.reconciler';
import { isPodReady } from '../controllers/replicaset.reconciler';
import type { ApiServer, DeleteOptions } from './apiserver';

export const EVICTION_REFUSED = "Cannot evict pod as it would violate the pod's disruption budget.";

/** `canIgnorePDB`: terminal, still Pending, or already being deleted. */
function canIgnoreBudget(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || !!pod.metadata.deletionTimestamp;
}

/**
 * The `pods/eviction` subresource (`registry/core/pod/storage/eviction.go`): a voluntary disruption that the
 * pod's PodDisruptionBudget may refuse (429), else the budget's disruptionsAllowed is decremented, the pod
 * recorded in disruptedPods, marked DisruptionTarget and deleted gracefully.
 */
export function evictPod(api: ApiServer, nowIso: string, namespace: string, name: string, opts: DeleteOptions = {}): void {
  const pod = api.tryGet<Pod>('Pod', namespace, name);
  if (!pod) throw notFound('Pod', name);
  if (!canIgnoreBudget(pod)) {
    const budgets = podsBudgets(api, pod);
    if (budgets.length > 1) throw internalError('This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
    const pdb = budgets[0];
    if (pdb) {
      const s = pdb.status;
      const unhealthyMayGo = !isPodReady(pod) && (pdb.spec.unhealthyPodEvictionPolicy === 'AlwaysAllow' || (!!s && s.desiredHealthy > 0 && s.currentHealthy >= s.desiredHealthy));
      if (!unhealthyMayGo) checkAndDecrement(api, pdb, pod.metadata.name, nowIso, !!opts.dryRun);
    }
  }
  if (opts.dryRun) return;
  const condition: PodCondition = { type: 'DisruptionTarget', status: 'True', lastProbeTime: null, reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' };
  if (!pod.metadata.deletionTimestamp && setCondition(pod.status, condition, nowIso)) api.updateStatus(pod);
  api.delete('Pod', namespace, name, opts);
}

function podsBudgets(api: ApiServer, pod: Pod): PodDisruptionBudget[] {
  return api.list<PodDisruptionBudget>('PodDisruptionBudget', { namespace: pod.metadata.namespace }).filter((pdb) => podsForBudget([pod], pdb).length > 0);
}

function checkAndDecrement(api: ApiServer, pdb: PodDisruptionBudget, podName: string, nowIso: string, dryRun: boolean): void {
  const s = pdb.status;
  if (!s || (s.observedGeneration ?? 0) < (pdb.metadata.generation ?? 1)) {
    throw tooManyRequests(EVICTION_REFUSED, [{ reason: 'DisruptionBudget', message: `The disruption budget ${pdb.metadata.name} is still being processed by the server.` }], 10);
  }
  if (s.disruptionsAllowed < 0) throw forbidden('PodDisruptionBudget', pdb.metadata.name, 'pdb disruptions allowed is negative');
  if (s.disruptionsAllowed === 0) {
    throw tooManyRequests(EVICTION_REFUSED, [{ reason: 'DisruptionBudget', message: `The disruption budget ${pdb.metadata.name} needs ${s.desiredHealthy} healthy pods and has ${s.currentHealthy} currently` }]);
  }
  s.disruptionsAllowed--;
  if (s.disruptionsAllowed === 0) setCondition(s, { type: 'DisruptionAllowed', status: 'False', reason: 'InsufficientPods', message: '', observedGeneration: s.observedGeneration }, nowIso);
  if (dryRun) return;
  s.disruptedPods = { ...(s.disruptedPods ?? {}), [podName]: nowIso };
  api.updateStatus(pdb);
}
