import { Cluster, ConfigMap, KubeObject, LimitRange, Namespace, ResourceQuota, Secret } from '../../cluster-engine';
import { eventsFor } from './events';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './format';
import { LEVEL_0, PrefixWriter } from './prefix-writer';
import { describeLimitRanges, describeResourceQuotas } from './batch-policy.describer';

function header(w: PrefixWriter, obj: KubeObject, namespaced = true): void {
  w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
  if (namespaced) w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
}

export function describeConfigMap(cluster: Cluster, cm: ConfigMap): string {
  const w = new PrefixWriter();
  header(w, cm);
  w.write(LEVEL_0, '\nData\n====\n');
  for (const k of Object.keys(cm.data ?? {}).sort()) {
    w.write(LEVEL_0, `${k}:\n----\n`);
    // kubectl 1.32 leaves a blank line after each value (it ranges over a Go map: its key order is random, ours sorted).
    w.write(LEVEL_0, `${cm.data![k]}\n\n`);
  }
  w.write(LEVEL_0, '\nBinaryData\n====\n');
  for (const k of Object.keys(cm.binaryData ?? {}).sort()) w.write(LEVEL_0, `${k}: ${Buffer.from(cm.binaryData![k], 'base64').length} bytes\n`);
  w.write(LEVEL_0, '\n');
  describeEvents(w, eventsFor(cluster, cm), cluster.nowMs());
  return w.toString();
}

/** Secret values are never shown, only their decoded sizes (a service-account token is the exception). */
export function describeSecret(_cluster: Cluster, secret: Secret): string {
  const w = new PrefixWriter();
  header(w, secret);
  w.write(LEVEL_0, `\nType:\t${secret.type ?? ''}\n`);
  w.write(LEVEL_0, '\nData\n====\n');
  for (const k of Object.keys(secret.data ?? {}).sort()) {
    const bytes = Buffer.from(secret.data![k], 'base64');
    if (k === 'token' && secret.type === 'kubernetes.io/service-account-token') w.write(LEVEL_0, `${k}:\t${bytes.toString('utf8')}\n`);
    else w.write(LEVEL_0, `${k}:\t${bytes.length} bytes\n`);
  }
  return w.toString();
}

export function describeNamespace(cluster: Cluster, ns: Namespace): string {
  const w = new PrefixWriter();
  header(w, ns, false);
  w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
  w.write(LEVEL_0, '\n');
  describeResourceQuotas(w, cluster.api.list<ResourceQuota>('ResourceQuota', { namespace: ns.metadata.name }));
  w.write(LEVEL_0, '\n');
  describeLimitRanges(w, cluster.api.list<LimitRange>('LimitRange', { namespace: ns.metadata.name }));
  return w.toString();
}

/** `smartLabelFor`: `holderIdentity` → `Holder Identity`, keeping API/URL/UID upper-case. */
function smartLabel(field: string): string {
  if (/[^A-Za-z-]/.test(field)) return field;
  return field
    .split(/(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/)
    .map((p) => (['API', 'URL', 'UID', 'OSB', 'GUID'].includes(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1)))
    .join(' ');
}

function printContent(w: PrefixWriter, level: number, content: Record<string, unknown>, prefix: string, skip: string[]): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (skip.includes(path) || value === undefined) continue;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      printContent(w, level + 1, value as Record<string, unknown>, path, skip);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      for (const child of value) {
        if (child && typeof child === 'object') printContent(w, level + 1, child as Record<string, unknown>, path, skip);
        else w.write(level + 1, `${String(child)}\n`);
      }
    } else w.write(level, `${smartLabel(field)}:\t${value === null ? '<nil>' : String(value)}\n`);
  }
}

/** kubectl's generic describer: every field of the object, labels made readable, then events. */
export function describeGeneric(cluster: Cluster, obj: KubeObject): string {
  const w = new PrefixWriter();
  header(w, obj);
  printContent(w, LEVEL_0, obj as unknown as Record<string, unknown>, '', ['.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);
  describeEvents(w, eventsFor(cluster, obj), cluster.nowMs());
  return w.toString();
}
