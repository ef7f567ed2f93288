import type { TimelineEntry, TimelineEventEntry } from '../../scenarios/session.types';
import type { ReplayClusterItem, ReplayCommand, ReplayTimelineItem } from '../protocol/messages';

/** A stored command with the `seq` of the last timeline entry recorded before it ran. */
export interface TimedCommand extends ReplayCommand {
  timelineSeq: number;
}

/**
 * Merges an attempt's commands into its cluster timeline, in the order things happened: a command comes
 * after every entry recorded before it ran and before its own effects. Records of one Kubernetes Event
 * (its count rising) fold into the first, which keeps its time and takes the latest count.
 */
export function mergeReplayTimeline(entries: TimelineEntry[], commands: TimedCommand[]): ReplayTimelineItem[] {
  const cluster = foldEvents([...entries].sort((a, b) => a.seq - b.seq));
  const ordered = [...commands].sort((a, b) => a.seq - b.seq);
  const out: ReplayTimelineItem[] = [];
  let next = 0;
  for (const { timelineSeq, ...command } of ordered) {
    while (next < cluster.length && cluster[next].seq <= timelineSeq) out.push(withoutSeq(cluster[next++]));
    out.push({ kind: 'command', atMs: command.virtualMs, ...command });
  }
  while (next < cluster.length) out.push(withoutSeq(cluster[next++]));
  return out;
}

function foldEvents(entries: TimelineEntry[]): TimelineEntry[] {
  const firstByKey = new Map<string, TimelineEventEntry>();
  const out: TimelineEntry[] = [];
  for (const entry of entries) {
    if (entry.kind !== 'event') {
      out.push(entry);
      continue;
    }
    const first = firstByKey.get(entry.key);
    if (!first) {
      const copy = { ...entry };
      firstByKey.set(entry.key, copy);
      out.push(copy);
      continue;
    }
    first.count = Math.max(first.count, entry.count);
    first.lastSeenMs = Math.max(first.lastSeenMs, entry.lastSeenMs);
  }
  return out;
}

function withoutSeq(entry: TimelineEntry): ReplayClusterItem {
  const { seq: _, ...item } = entry;
  return item as ReplayClusterItem;
}
