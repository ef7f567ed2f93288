import { Cluster, KubeObject, WatchEvent, matchesSelector, parseLabelSelector } from '../../cluster-engine';
import { printTable } from '../../cluster-engine/printers';
import { renderTable, TableLayoutOptions } from '../printers/table-printer';
import { CommandStream } from '../result';

export interface WatchTarget {
  kind: string;
  /** undefined: every namespace */
  namespace?: string;
  names: string[];
  labelSelector?: string;
}

/**
 * `kubectl get -w`: after the first table, one row per change of a watched object, without the header,
 * in columns as wide as the widest cell printed so far, header included (kubectl's RememberWidths).
 */
export function watchTable(cluster: Cluster, target: WatchTarget, shown: KubeObject[], layout: TableLayoutOptions): CommandStream {
  const selector = target.labelSelector ? parseLabelSelector(target.labelSelector) : undefined;
  const printed = [...shown];
  let pending: WatchEvent[] = [];
  const matches = (o: KubeObject) =>
    o.kind === target.kind &&
    (target.namespace === undefined || o.metadata.namespace === target.namespace) &&
    (target.names.length === 0 || target.names.includes(o.metadata.name)) &&
    (!selector || matchesSelector(selector, o.metadata.labels));
  const stop = cluster.watch((e) => {
    if (matches(e.object)) pending.push(e);
  });
  return {
    poll() {
      // Several changes to one object within a poll are one row: its latest state (an informer resync's view).
      const latest = new Map<string, KubeObject>();
      for (const e of pending) latest.set(`${e.object.metadata.namespace}/${e.object.metadata.name}`, e.object);
      pending = [];
      let out = '';
      for (const obj of latest.values()) {
        printed.push(obj);
        const all = renderTable(printTable(target.kind, printed, { nowMs: cluster.nowMs() }), layout);
        out += `${all.trimEnd().split('\n').pop()}\n`;
      }
      return out;
    },
    close: stop,
  };
}
