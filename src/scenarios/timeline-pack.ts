import { JsonDelta, applyJsonDelta, jsonDelta } from '../cluster-engine/json-delta';
import { TimelineEntry } from './session.types';
import { TimelineState } from './timeline-recorder';

/**
 * A timeline state in a session snapshot, as its difference from the warm-up's first page (see
 * TimelineRecorder.firstPage): entries of that page still pending are named by their `seq`, and the
 * recorder's last-recorded maps are a delta from the page's.
 */
export interface TimelineAgainstFirstPage {
  againstFirstPage: true;
  seq: number;
  handedOut: number;
  pending: Array<TimelineEntry | number>;
  maps?: JsonDelta;
}

type Maps = Pick<TimelineState, 'events' | 'pods' | 'nodes' | 'objectives'>;
const mapsOf = (s: TimelineState): Maps => ({ events: s.events, pods: s.pods, nodes: s.nodes, objectives: s.objectives });

/** `state` against `first` (plain JSON, sharing nothing with `state`). */
export function packTimeline(state: TimelineState, first: TimelineState): TimelineAgainstFirstPage {
  const bySeq = new Map(first.pending.map((e) => [e.seq, e]));
  const maps = jsonDelta(mapsOf(first), mapsOf(state));
  return structuredClone({
    againstFirstPage: true,
    seq: state.seq,
    handedOut: state.handedOut,
    pending: state.pending.map((e) => (bySeq.get(e.seq) === e ? e.seq : e)),
    ...(maps ? { maps } : {}),
  });
}

/** The state `packTimeline` packed, over the same first page (whose entries it shares: they are never changed in place). */
export function unpackTimeline(packed: TimelineAgainstFirstPage, first: TimelineState): TimelineState {
  const bySeq = new Map(first.pending.map((e) => [e.seq, e]));
  const entry = (x: TimelineEntry | number): TimelineEntry => {
    if (typeof x !== 'number') return x;
    const e = bySeq.get(x);
    if (!e) throw new Error(`the timeline snapshot names entry ${x} of a first page that has none`);
    return e;
  };
  const maps = applyJsonDelta(mapsOf(first), packed.maps) as Maps;
  return {
    seq: packed.seq,
    pending: packed.pending.map(entry),
    handedOut: packed.handedOut,
    events: { ...maps.events },
    pods: { ...maps.pods },
    nodes: { ...maps.nodes },
    objectives: { ...maps.objectives },
  };
}

export function isPackedTimeline(t: TimelineState | TimelineAgainstFirstPage | undefined): t is TimelineAgainstFirstPage {
  return !!t && (t as TimelineAgainstFirstPage).againstFirstPage === true;
}
