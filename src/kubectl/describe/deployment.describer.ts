import { Cluster, Deployment, Pod, ReplicaSet, WorkloadCondition } from '../../cluster-engine';
import { formatMetaSelector } from '../../cluster-engine/api/label-selector';
import { findNewReplicaSet, findOldReplicaSets } from '../../cluster-engine/controllers/deployment-util';
import { controllerOf } from '../../cluster-engine/controllers/replicaset.reconciler';
import { eventsFor } from './events';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, rfc1123z } from './format';
import { describePodTemplate } from './pod-template';
import { LEVEL_0, LEVEL_1, PrefixWriter } from './prefix-writer';

/** The ReplicaSets a Deployment controls, as `deploymentutil.GetAllReplicaSets` lists them. */
export function replicaSetsOfDeployment(cluster: Cluster, d: Deployment): ReplicaSet[] {
  return cluster.api.list<ReplicaSet>('ReplicaSet', { namespace: d.metadata.namespace }).filter((rs) => controllerOf(rs)?.uid === d.metadata.uid);
}

function writeConditions(w: PrefixWriter, conditions: WorkloadCondition[] | undefined): void {
  if (!conditions?.length) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

/** `printReplicaSetsByLabels`: `name (current/desired replicas created)`, comma-joined, or `<none>`. */
function replicaSetList(list: ReplicaSet[]): string {
  return list.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec.replicas ?? 0} replicas created)`).join(', ') || '<none>';
}

/** `describeDeployment` (fidelity.md §4.4). */
export function describeDeployment(cluster: Cluster, d: Deployment): string {
  const w = new PrefixWriter();
  const s = d.status ?? {};
  w.write(LEVEL_0, `Name:\t${d.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
  printLabelsMultiline(w, 'Labels', d.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${formatMetaSelector(d.spec.selector)}\n`);
  w.write(LEVEL_0, `Replicas:\t${d.spec.replicas ?? 0} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${s.availableReplicas ?? 0} available | ${s.unavailableReplicas ?? 0} unavailable\n`);
  w.write(LEVEL_0, `StrategyType:\t${d.spec.strategy?.type ?? ''}\n`);
  w.write(LEVEL_0, `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}\n`);
  const ru = d.spec.strategy?.rollingUpdate;
  if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? 0} max unavailable, ${ru.maxSurge ?? 0} max surge\n`);
  describePodTemplate(w, d.spec.template);
  writeConditions(w, s.conditions);
  const rsList = replicaSetsOfDeployment(cluster, d);
  const newRS = findNewReplicaSet(d, rsList);
  const oldRSs = findOldReplicaSets(d, rsList).required;
  if (oldRSs.length || newRS) {
    w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetList(oldRSs)}\n`);
    w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetList(newRS ? [newRS] : [])}\n`);
  }
  describeEvents(w, eventsFor(cluster, d), cluster.nowMs());
  return w.toString();
}

/** `describeReplicaSet` (fidelity.md §4.5): pods counted by phase among those it controls. */
export function describeReplicaSet(cluster: Cluster, rs: ReplicaSet): string {
  const w = new PrefixWriter();
  const pods = cluster.api.list<Pod>('Pod', { namespace: rs.metadata.namespace }).filter((p) => controllerOf(p)?.uid === rs.metadata.uid);
  const count = (phase: string) => pods.filter((p) => p.status?.phase === phase).length;
  w.write(LEVEL_0, `Name:\t${rs.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace}\n`);
  w.write(LEVEL_0, `Selector:\t${formatMetaSelector(rs.spec.selector)}\n`);
  printLabelsMultiline(w, 'Labels', rs.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations);
  const owner = controllerOf(rs);
  if (owner) w.write(LEVEL_0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec.replicas ?? 0} desired\n`);
  w.write(LEVEL_0, `Pods Status:\t${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed\n`);
  describePodTemplate(w, rs.spec.template);
  writeConditions(w, rs.status?.conditions);
  describeEvents(w, eventsFor(cluster, rs), cluster.nowMs());
  return w.toString();
}
