import { Cluster, PodDisruptionBudget } from '../../cluster-engine';
import { formatMetaSelector } from '../../cluster-engine/api/label-selector';
import { eventsFor } from './events';
import { describeEvents } from './format';
import { LEVEL_0, LEVEL_2, PrefixWriter } from './prefix-writer';

/** `describePodDisruptionBudgetV1`: the bound that is set, the selector, the status counts, events. */
export function describePodDisruptionBudget(cluster: Cluster, pdb: PodDisruptionBudget): string {
  const w = new PrefixWriter();
  const spec = pdb.spec ?? {};
  const st = pdb.status;
  w.write(LEVEL_0, `Name:\t${pdb.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${pdb.metadata.namespace ?? ''}\n`);
  if (spec.minAvailable !== undefined && spec.minAvailable !== null) w.write(LEVEL_0, `Min available:\t${spec.minAvailable}\n`);
  else if (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) w.write(LEVEL_0, `Max unavailable:\t${spec.maxUnavailable}\n`);
  w.write(LEVEL_0, `Selector:\t${spec.selector ? formatMetaSelector(spec.selector) : '<unset>'}\n`);
  w.write(LEVEL_0, 'Status:\n');
  w.write(LEVEL_2, `Allowed disruptions:\t${st?.disruptionsAllowed ?? 0}\n`);
  w.write(LEVEL_2, `Current:\t${st?.currentHealthy ?? 0}\n`);
  w.write(LEVEL_2, `Desired:\t${st?.desiredHealthy ?? 0}\n`);
  w.write(LEVEL_2, `Total:\t${st?.expectedPods ?? 0}\n`);
  describeEvents(w, eventsFor(cluster, pdb), cluster.nowMs());
  return w.toString();
}
