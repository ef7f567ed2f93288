import { KubeEvent, Taint, Toleration } from '../../cluster-engine';
import { timestampSince } from '../../cluster-engine/printers';
import { LEVEL_0, LEVEL_1, PrefixWriter } from './prefix-writer';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** Go's `time.RFC1123Z` in UTC: `Wed, 15 Jan 2025 09:00:00 +0000`. A zero time prints Go's zero value. */
export function rfc1123z(iso: string | null | undefined): string {
  const ms = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(ms)) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** `printLabelsMultiline`: `key=value`, sorted, continuation lines indented by a tab. */
export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return w.writeLine('<none>');
  keys.forEach((k, i) => {
    if (i !== 0) w.write(LEVEL_0, `${initialIndent}${innerIndent}`);
    w.write(LEVEL_0, `${k}=${labels![k]}\n`);
  });
}

const MAX_ANNOTATION_LEN = 140;
const SKIPPED_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

/** `printAnnotationsMultiline`: `key: value`; long or multi-line values go below the key, cut at 140. */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => !SKIPPED_ANNOTATIONS.has(k))
    .sort();
  if (keys.length === 0) return w.writeLine('<none>');
  keys.forEach((k, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    const value = annotations![k].replace(/\n$/, '');
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${k}:\n`);
      for (const s of value.split('\n')) w.write(LEVEL_0, `\t  ${s.length > MAX_ANNOTATION_LEN - 2 ? `${s.slice(0, MAX_ANNOTATION_LEN - 2)}...` : s}\n`);
    } else w.write(LEVEL_0, `${k}: ${value}\n`);
  });
}

/** `printTolerationsMultilineWithIndent`: `key[=value][:Effect][ op=Exists][ for Ns]`, sorted by key. */
export function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: Toleration[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const list = [...(tolerations ?? [])].sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0));
  if (list.length === 0) return w.writeLine('<none>');
  list.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, `${s}\n`);
  });
}

export function taintString(t: Taint): string {
  const kv = t.value ? `${t.key}=${t.value}` : t.key;
  return t.effect ? `${kv}:${t.effect}` : kv;
}

/** `printTaintsMultilineWithIndent`: sorted by effect, then key. */
export function printTaintsMultiline(w: PrefixWriter, title: string, taints: Taint[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const list = [...(taints ?? [])].sort((a, b) => {
    const [x, y] = [`${a.effect},${a.key}`, `${b.effect},${b.key}`];
    return x < y ? -1 : x > y ? 1 : 0;
  });
  if (list.length === 0) return w.writeLine('<none>');
  list.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${taintString(t)}\n`);
  });
}

/**
 * `DescribeEvents`: sorted by lastTimestamp (events.k8s.io events, with none, first), Age with
 * `(xN over M)` for repeated events, From = source.component or reportingController.
 */
export function describeEvents(w: PrefixWriter, events: KubeEvent[], nowMs: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const last = (e: KubeEvent) => (e.lastTimestamp ? Date.parse(e.lastTimestamp) : -Infinity);
  const sorted = [...events].sort((a, b) => last(a) - last(b));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const firstSeen = e.eventTime ? timestampSince(e.eventTime, nowMs) : timestampSince(e.firstTimestamp, nowMs);
    let interval = firstSeen;
    if (e.series) interval = `${timestampSince(e.series.lastObservedTime, nowMs)} (x${e.series.count} over ${firstSeen})`;
    else if ((e.count ?? 0) > 1) interval = `${timestampSince(e.lastTimestamp, nowMs)} (x${e.count} over ${firstSeen})`;
    const from = e.source?.component || e.reportingComponent || '';
    w.write(LEVEL_1, `${e.type}\t${e.reason}\t${interval}\t${from}\t${(e.message ?? '').trim()}\n`);
  }
}
