import { Cluster, Job, LimitRange, PriorityClass, ResourceQuota } from '../../cluster-engine';
import { formatQuantity, quantityValue } from '../../cluster-engine/quota/usage';
import { jobDuration } from '../../cluster-engine/printers/job.columns';
import { eventsFor } from './events';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, rfc1123z } from './format';
import { LEVEL_0, LEVEL_1, PrefixWriter } from './prefix-writer';
import { describePodTemplate } from './pod-template';
import { formatLabels } from './storage.describer';

const canonical = (resource: string, q: string | undefined) => formatQuantity(resource, quantityValue(resource, q));

/** `describeJob` (kubectl 1.32). */
export function describeJob(cluster: Cluster, job: Job): string {
  const w = new PrefixWriter();
  const spec = job.spec;
  const st = job.status ?? {};
  w.write(LEVEL_0, `Name:\t${job.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${job.metadata.namespace ?? ''}\n`);
  const sel = spec.selector?.matchLabels ?? {};
  w.write(LEVEL_0, `Selector:\t${Object.keys(sel).sort().map((k) => `${k}=${sel[k]}`).join(',')}\n`);
  printLabelsMultiline(w, 'Labels', job.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', job.metadata.annotations);
  const owner = job.metadata.ownerReferences?.find((r) => r.controller);
  if (owner) w.write(LEVEL_0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  if (spec.parallelism !== undefined) w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`);
  w.write(LEVEL_0, `Completions:\t${spec.completions ?? '<unset>'}\n`);
  if (spec.completionMode) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`);
  if (spec.suspend !== undefined) w.write(LEVEL_0, `Suspend:\t${spec.suspend}\n`);
  if (spec.backoffLimit !== undefined) w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`);
  if (spec.ttlSecondsAfterFinished !== undefined) w.write(LEVEL_0, `TTL Seconds After Finished:\t${String(spec.ttlSecondsAfterFinished)}\n`);
  if (st.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
  if (st.completionTime) w.write(LEVEL_0, `Completed At:\t${rfc1123z(st.completionTime)}\n`);
  if (st.startTime && st.completionTime) w.write(LEVEL_0, `Duration:\t${jobDuration(job, cluster.nowMs())}\n`);
  if (spec.activeDeadlineSeconds !== undefined) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  const counts = `${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed`;
  if (st.ready === undefined) w.write(LEVEL_0, `Pods Statuses:\t${st.active ?? 0} Active / ${counts}\n`);
  else w.write(LEVEL_0, `Pods Statuses:\t${st.active ?? 0} Active (${st.ready} Ready) / ${counts}\n`);
  describePodTemplate(w, spec.template);
  describeEvents(w, eventsFor(cluster, job), cluster.nowMs());
  return w.toString();
}

/** Go's `SortableResourceNames`: a plain string sort. */
const sortNames = (names: string[]) => [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** `describeQuota`: no labels and no events, just the used/hard table. */
export function describeResourceQuota(_cluster: Cluster, q: ResourceQuota): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${q.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${q.metadata.namespace ?? ''}\n`);
  const scopes = sortNames(q.spec?.scopes ?? []);
  if (scopes.length) w.write(LEVEL_0, `Scopes:\t${scopes.join(', ')}\n`);
  w.write(LEVEL_0, 'Resource\tUsed\tHard\n');
  w.write(LEVEL_0, '--------\t----\t----\n');
  for (const r of sortNames(Object.keys(q.status?.hard ?? {}))) {
    w.write(LEVEL_0, `${r}\t${canonical(r, q.status?.used?.[r])}\t${canonical(r, q.status!.hard![r])}\n`);
  }
  return w.toString();
}

/** `describeLimitRange`: one row per type and resource, `-` where a value is unset. */
export function describeLimitRange(_cluster: Cluster, lr: LimitRange): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${lr.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${lr.metadata.namespace ?? ''}\n`);
  w.write(LEVEL_0, 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(LEVEL_0, '----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  for (const item of lr.spec?.limits ?? []) {
    const maps = [item.min, item.max, item.defaultRequest, item.default, item.maxLimitRequestRatio];
    const names = sortNames([...new Set(maps.flatMap((m) => Object.keys(m ?? {})))]);
    for (const r of names) {
      const cell = (m: Record<string, string> | undefined) => (m?.[r] === undefined ? '-' : canonical(r, m[r]));
      w.write(LEVEL_0, `${item.type}\t${r}\t${maps.map(cell).join('\t')}\n`);
    }
  }
  return w.toString();
}

/** `describePriorityClass`. */
export function describePriorityClass(cluster: Cluster, pc: PriorityClass): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${pc.metadata.name}\n`);
  w.write(LEVEL_0, `Value:\t${pc.value}\n`);
  w.write(LEVEL_0, `GlobalDefault:\t${!!pc.globalDefault}\n`);
  if (pc.preemptionPolicy) w.write(LEVEL_0, `PreemptionPolicy:\t${pc.preemptionPolicy}\n`);
  w.write(LEVEL_0, `Description:\t${pc.description ?? ''}\n`);
  w.write(LEVEL_0, `Annotations:\t${formatLabels(pc.metadata.annotations)}\n`);
  describeEvents(w, eventsFor(cluster, pc), cluster.nowMs());
  return w.toString();
}

/** `DescribeResourceQuotas`, the namespace describer's quota section. */
export function describeResourceQuotas(w: PrefixWriter, quotas: ResourceQuota[]): void {
  if (quotas.length === 0) {
    w.write(LEVEL_0, 'No resource quota.\n');
    return;
  }
  w.write(LEVEL_0, 'Resource Quotas\n');
  for (const q of [...quotas].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))) {
    w.write(LEVEL_1, `Name:\t${q.metadata.name}\n`);
    const scopes = sortNames(q.spec?.scopes ?? []);
    if (scopes.length) w.write(LEVEL_1, `Scopes:\t${scopes.join(', ')}\n`);
    w.write(LEVEL_1, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_1, '--------\t---\t---\n');
    for (const r of sortNames(Object.keys(q.status?.hard ?? {}))) {
      w.write(LEVEL_1, `${r}\t${canonical(r, q.status?.used?.[r])}\t${canonical(r, q.status!.hard![r])}\n`);
    }
  }
}

/** `DescribeLimitRanges`, the namespace describer's limits section (rows indented by one space). */
export function describeLimitRanges(w: PrefixWriter, ranges: LimitRange[]): void {
  if (ranges.length === 0) {
    w.write(LEVEL_0, 'No LimitRange resource.\n');
    return;
  }
  w.write(LEVEL_0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(LEVEL_0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  for (const lr of ranges) {
    for (const item of lr.spec?.limits ?? []) {
      const maps = [item.min, item.max, item.defaultRequest, item.default, item.maxLimitRequestRatio];
      for (const r of sortNames([...new Set(maps.flatMap((m) => Object.keys(m ?? {})))])) {
        const cell = (m: Record<string, string> | undefined) => (m?.[r] === undefined ? '-' : canonical(r, m[r]));
        w.write(LEVEL_0, ` ${item.type}\t${r}\t${maps.map(cell).join('\t')}\n`);
      }
    }
  }
}
