import { Cluster, Pod } from '../../cluster-engine';
import { timestampUntil } from '../../cluster-engine/printers';
import { qosClassOf } from './qos';
import { describeContainers } from './container';
import { eventsFor } from './events';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline, rfc1123z } from './format';
import { LEVEL_0, LEVEL_1, PrefixWriter } from './prefix-writer';
import { describeVolumes } from './volumes';
import { formatMetaSelector } from '../../cluster-engine/api/label-selector';
import { TopologySpreadConstraint } from '../../cluster-engine/scheduler/plugins/pod-topology-spread.plugin';

/** `describePod` (kubectl 1.32 field order, see fidelity.md §4.2). */
export function describePod(cluster: Cluster, pod: Pod): string {
  const w = new PrefixWriter();
  const now = cluster.nowMs();
  const status = pod.status ?? {};
  w.write(LEVEL_0, `Name:\t${pod.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${pod.metadata.namespace}\n`);
  if (pod.spec.priority !== undefined) w.write(LEVEL_0, `Priority:\t${pod.spec.priority}\n`);
  if (pod.spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${pod.spec.priorityClassName}\n`);
  if (pod.spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${String(pod.spec.runtimeClassName)}\n`);
  if (pod.spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${pod.spec.serviceAccountName}\n`);
  w.write(LEVEL_0, pod.spec.nodeName ? `Node:\t${pod.spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  printLabelsMultiline(w, 'Labels', pod.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', pod.metadata.annotations);
  const terminal = status.phase === 'Succeeded' || status.phase === 'Failed';
  if (pod.metadata.deletionTimestamp && !terminal) {
    w.write(LEVEL_0, `Status:\tTerminating (lasts ${timestampUntil(pod.metadata.deletionTimestamp, now)})\n`);
    w.write(LEVEL_0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
  if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
  const seccomp = (pod.spec.securityContext as { seccompProfile?: { type?: string } } | undefined)?.seccompProfile;
  if (seccomp) w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type ?? ''}\n`);
  w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`);
  if (!status.podIPs?.length) w.write(LEVEL_0, 'IPs:\t<none>\n');
  else {
    w.write(LEVEL_0, 'IPs:\n');
    for (const ip of status.podIPs) w.write(LEVEL_0, `  IP:\t${ip.ip}\n`);
  }
  const owner = pod.metadata.ownerReferences?.find((o) => o.controller);
  if (owner) w.write(LEVEL_0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  if (pod.spec.initContainers?.length) describeContainers(w, 'Init Containers', pod, pod.spec.initContainers, status.initContainerStatuses);
  describeContainers(w, 'Containers', pod, pod.spec.containers, status.containerStatuses);
  const gates = (pod.spec.readinessGates as Array<{ conditionType: string }> | undefined) ?? [];
  if (gates.length) {
    w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const g of gates) {
      const c = status.conditions?.find((x) => x.type === g.conditionType);
      w.write(LEVEL_1, `${g.conditionType} \t${c?.status ?? '<none>'} \n`);
    }
  }
  if (status.conditions?.length) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
    for (const c of status.conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, pod.spec.volumes);
  w.write(LEVEL_0, `QoS Class:\t${status.qosClass || qosClassOf(pod)}\n`);
  printLabelsMultiline(w, 'Node-Selectors', pod.spec.nodeSelector);
  printTolerationsMultiline(w, 'Tolerations', pod.spec.tolerations);
  describeTopologySpread(w, pod);
  describeEvents(w, eventsFor(cluster, pod), now);
  return w.toString();
}

/** `printTopologySpreadConstraintsMultiline`: sorted by topology key, one constraint per line. */
function describeTopologySpread(w: PrefixWriter, pod: Pod): void {
  const list = [...((pod.spec.topologySpreadConstraints as TopologySpreadConstraint[] | undefined) ?? [])];
  if (list.length === 0) return;
  list.sort((a, b) => (a.topologyKey < b.topologyKey ? -1 : a.topologyKey > b.topologyKey ? 1 : 0));
  list.forEach((c, i) => {
    const selector = c.labelSelector ? ` for selector ${formatMetaSelector(c.labelSelector as Parameters<typeof formatMetaSelector>[0])}` : '';
    w.write(LEVEL_0, `${i === 0 ? 'Topology Spread Constraints:' : ''}\t${c.topologyKey}:${c.whenUnsatisfiable} when max skew ${c.maxSkew} is exceeded${selector}\n`);
  });
}
