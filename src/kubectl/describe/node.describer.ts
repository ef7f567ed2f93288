import { Cluster, formatBytes, formatMilliCpu, Lease, Node, Pod, resourceValue } from '../../cluster-engine';
import { nodeRoles, timestampSince } from '../../cluster-engine/printers';
import { eventsFor } from './events';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline, rfc1123z } from './format';
import { LEVEL_0, LEVEL_1, PrefixWriter } from './prefix-writer';

const STANDARD = new Set(['cpu', 'memory', 'ephemeral-storage', 'storage', 'pods']);

/** `resourcehelper.PodRequestsAndLimits`: max(sum of containers, largest init container) per resource. */
function podTotals(pod: Pod, which: 'requests' | 'limits'): Map<string, number> {
  const sum = new Map<string, number>();
  for (const c of pod.spec.containers) for (const [k, v] of Object.entries(c.resources?.[which] ?? {})) sum.set(k, (sum.get(k) ?? 0) + resourceValue(k, v));
  for (const c of pod.spec.initContainers ?? []) for (const [k, v] of Object.entries(c.resources?.[which] ?? {})) sum.set(k, Math.max(sum.get(k) ?? 0, resourceValue(k, v)));
  return sum;
}

function qty(resource: string, value: number): string {
  return resource === 'cpu' ? formatMilliCpu(value) : formatBytes(value);
}

const pct = (part: number, whole: number) => (whole ? Math.trunc((part / whole) * 100) : 0);

function describeResources(w: PrefixWriter, node: Node, pods: Pod[], nowMs: number): void {
  const alloc = node.status?.allocatable && Object.keys(node.status.allocatable).length ? node.status.allocatable : node.status?.capacity ?? {};
  const allocCpu = resourceValue('cpu', alloc.cpu);
  const allocMem = resourceValue('memory', alloc.memory);
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const totals = { requests: new Map<string, number>(), limits: new Map<string, number>() };
  for (const pod of pods) {
    const req = podTotals(pod, 'requests');
    const lim = podTotals(pod, 'limits');
    for (const [m, t] of [[req, totals.requests], [lim, totals.limits]] as const) for (const [k, v] of m) t.set(k, (t.get(k) ?? 0) + v);
    const [cr, cl, mr, ml] = [req.get('cpu') ?? 0, lim.get('cpu') ?? 0, req.get('memory') ?? 0, lim.get('memory') ?? 0];
    w.write(
      LEVEL_1,
      `${pod.metadata.namespace}\t${pod.metadata.name}\t\t${qty('cpu', cr)} (${pct(cr, allocCpu)}%)\t${qty('cpu', cl)} (${pct(cl, allocCpu)}%)\t${qty('memory', mr)} (${pct(mr, allocMem)}%)\t${qty('memory', ml)} (${pct(ml, allocMem)}%)\t${timestampSince(pod.metadata.creationTimestamp, nowMs)}\n`,
    );
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const row = (r: string) => {
    const [req, lim] = [totals.requests.get(r) ?? 0, totals.limits.get(r) ?? 0];
    const whole = resourceValue(r, alloc[r]);
    w.write(LEVEL_1, `${r}\t${qty(r, req)} (${pct(req, whole)}%)\t${qty(r, lim)} (${pct(lim, whole)}%)\n`);
  };
  ['cpu', 'memory', 'ephemeral-storage'].forEach(row);
  const names = Object.keys(alloc).sort();
  names.filter((r) => r.startsWith('hugepages-')).forEach(row);
  for (const r of names.filter((n) => !n.startsWith('hugepages-') && !STANDARD.has(n))) {
    w.write(LEVEL_1, `${r}\t${totals.requests.get(r) ?? 0}\t${totals.limits.get(r) ?? 0}\n`);
  }
}

/** `describeNode` (fidelity.md §4.3). */
export function describeNode(cluster: Cluster, node: Node): string {
  const w = new PrefixWriter();
  const now = cluster.nowMs();
  const info = node.status?.nodeInfo;
  w.write(LEVEL_0, `Name:\t${node.metadata.name}\n`);
  w.write(LEVEL_0, `Roles:\t${nodeRoles(node).join(',') || '<none>'}\n`);
  printLabelsMultiline(w, 'Labels', node.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
  printTaintsMultiline(w, 'Taints', node.spec?.taints);
  w.write(LEVEL_0, `Unschedulable:\t${!!node.spec?.unschedulable}\n`);
  const lease = cluster.api.tryGet<Lease>('Lease', 'kube-node-lease', node.metadata.name);
  w.write(LEVEL_0, 'Lease:\n');
  w.write(LEVEL_1, `HolderIdentity:\t${lease?.spec?.holderIdentity || '<unset>'}\n`);
  const acquire = (lease?.spec as { acquireTime?: string } | undefined)?.acquireTime;
  w.write(LEVEL_1, `AcquireTime:\t${acquire ? rfc1123z(acquire) : '<unset>'}\n`);
  w.write(LEVEL_1, `RenewTime:\t${lease?.spec?.renewTime ? rfc1123z(lease.spec.renewTime) : '<unset>'}\n`);
  const conditions = node.status?.conditions ?? [];
  if (conditions.length) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
  }
  w.write(LEVEL_0, 'Addresses:\n');
  for (const a of node.status?.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
  for (const [title, list] of [['Capacity', node.status?.capacity], ['Allocatable', node.status?.allocatable]] as const) {
    if (!list || !Object.keys(list).length) continue;
    w.write(LEVEL_0, `${title}:\n`);
    for (const k of Object.keys(list).sort()) w.write(LEVEL_0, `  ${k}:\t${list[k]}\n`);
  }
  w.write(LEVEL_0, 'System Info:\n');
  const sys: Array<[string, string | undefined]> = [
    ['Machine ID', info?.machineID],
    ['System UUID', info?.systemUUID],
    ['Boot ID', info?.bootID],
    ['Kernel Version', info?.kernelVersion],
    ['OS Image', info?.osImage],
    ['Operating System', info?.operatingSystem],
    ['Architecture', info?.architecture],
    ['Container Runtime Version', info?.containerRuntimeVersion],
    ['Kubelet Version', info?.kubeletVersion],
    ['Kube-Proxy Version', info?.kubeProxyVersion],
  ];
  for (const [k, v] of sys) w.write(LEVEL_0, `  ${k}:\t${v ?? ''}\n`);
  if (node.spec?.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if (node.spec?.podCIDRs?.length) w.write(LEVEL_0, `PodCIDRs:\t${node.spec.podCIDRs.join(',')}\n`);
  if (node.spec?.providerID) w.write(LEVEL_0, `ProviderID:\t${node.spec.providerID}\n`);
  const pods = cluster.api
    .list<Pod>('Pod', { fieldSelector: `spec.nodeName=${node.metadata.name}` })
    .filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
  describeResources(w, node, pods, now);
  describeEvents(w, eventsFor(cluster, node), now);
  return w.toString();
}
