import { KubeEvent } from '../api/types';
import { column, KindPrinter, NAME_DESCRIPTION, PrintContext } from './column';
import { timestampSince } from './human-duration';

/** FIRST SEEN: firstTimestamp, or eventTime for events written through events.k8s.io. */
export function eventFirstSeen(e: KubeEvent, ctx: PrintContext): string {
  return e.firstTimestamp ? timestampSince(e.firstTimestamp, ctx.nowMs) : timestampSince(e.eventTime, ctx.nowMs);
}

/** LAST SEEN: the series' last observation, else lastTimestamp, else the first-seen value. */
export function eventLastSeen(e: KubeEvent, ctx: PrintContext): string {
  if (e.series) return timestampSince(e.series.lastObservedTime, ctx.nowMs);
  return e.lastTimestamp ? timestampSince(e.lastTimestamp, ctx.nowMs) : eventFirstSeen(e, ctx);
}

export function eventObject(e: KubeEvent): string {
  const kind = (e.involvedObject?.kind ?? '').toLowerCase();
  return e.involvedObject?.name ? `${kind}/${e.involvedObject.name}` : kind;
}

/** `formatEventSource`: component (or reportingController), then `, host` (or reportingInstance) when set. */
export function eventSource(e: KubeEvent): string {
  const component = e.source?.component || e.reportingComponent || '';
  const instance = e.source?.host || e.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

function eventCount(e: KubeEvent): number {
  if (e.series) return e.series.count;
  return e.count || 1;
}

export const eventPrinter: KindPrinter<KubeEvent> = {
  kind: 'Event',
  columns: [
    column('Last Seen', 'The time at which the most recent occurrence of this event was recorded.', eventLastSeen),
    column('Type', 'Type of this event (Normal, Warning), new types could be added in the future', (e) => e.type),
    column('Reason', "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.", (e) => e.reason),
    column('Object', 'The object that this event is about.', eventObject),
    column('Subobject', 'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go-field access statement, such as desiredState.manifest.containers[2].', (e) => e.involvedObject?.fieldPath ?? '', 1),
    column('Source', 'The component reporting this event. Should be a short machine understandable string.', eventSource, 1),
    column('Message', 'A human-readable description of the status of this operation.', (e) => (e.message ?? '').trim()),
    column('First Seen', 'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)', eventFirstSeen, 1),
    { name: 'Count', type: 'string', format: '', description: 'The number of times this event has occurred.', priority: 1, cell: eventCount },
    { name: 'Name', type: 'string', format: 'name', description: NAME_DESCRIPTION, priority: 1, cell: (e) => e.metadata.name },
  ],
};
