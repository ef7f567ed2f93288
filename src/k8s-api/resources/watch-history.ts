import type { Cluster, KubeObject, WatchEvent } from '../../cluster-engine';

const MAX_EVENTS = 2000;

/**
 * The recent changes of one cluster, so a watch can resume from the resourceVersion of a list made a
 * moment earlier (the cluster keeps ticking in between). Started when the API first touches an attempt.
 */
export class WatchHistory {
  private readonly events: Array<{ rv: number; type: WatchEvent['type']; object: KubeObject }> = [];
  private readonly listeners = new Set<(e: WatchEvent) => void>();
  /** Events after this resourceVersion are all kept. */
  private horizon: number;

  constructor(cluster: Cluster) {
    this.horizon = Number(cluster.resourceVersion);
    cluster.watch((e) => {
      const object = structuredClone(e.object);
      const rv = Number(object.metadata.resourceVersion);
      this.events.push({ rv, type: e.type, object });
      if (this.events.length > MAX_EVENTS) this.horizon = this.events.shift()!.rv;
      for (const l of this.listeners) l({ type: e.type, object });
    });
  }

  /**
   * Events after `rv`. Changes from before the history began (or beyond its length) are caught up from
   * the current objects: each one written after `rv` comes as MODIFIED (deletions from then are lost).
   */
  since(rv: number, current: () => KubeObject[]): WatchEvent[] {
    const kept = this.events.filter((e) => e.rv > rv).map(({ type, object }) => ({ type, object }));
    if (rv >= this.horizon) return kept;
    const caughtUp = current()
      .filter((o) => {
        const v = Number(o.metadata.resourceVersion);
        return v > rv && v <= this.horizon;
      })
      .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
      .map((object) => ({ type: 'MODIFIED' as const, object }));
    return [...caughtUp, ...kept];
  }

  subscribe(listener: (e: WatchEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

const histories = new WeakMap<Cluster, WatchHistory>();

export function historyOf(cluster: Cluster): WatchHistory {
  let h = histories.get(cluster);
  if (!h) histories.set(cluster, (h = new WatchHistory(cluster)));
  return h;
}
