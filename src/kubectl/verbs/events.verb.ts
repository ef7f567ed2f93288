import { KubeEvent } from '../../cluster-engine';
import { timestampSince } from '../../cluster-engine/printers';
import { KubectlError } from '../errors';
import { formatTabbed, TABLE_TABWRITER } from '../printers/tabwriter';
import { resolveResourceArgs } from '../resources/resource-args';
import { CommandResult, ok } from '../result';
import { Verb, VerbContext } from './verb';

/** `kubectl events` sorts by the latest occurrence (series, lastTimestamp, else eventTime). */
function eventTime(e: KubeEvent): number {
  return Date.parse(e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? '') || 0;
}

/** event_printer.go's interval: first seen, or `last (xN over first)` for repeated events. */
function interval(e: KubeEvent, now: number): string {
  const first = e.eventTime ? timestampSince(e.eventTime, now) : timestampSince(e.firstTimestamp, now);
  if (e.series) return `${timestampSince(e.series.lastObservedTime, now)} (x${e.series.count} over ${first})`;
  if ((e.count ?? 0) > 1) return `${timestampSince(e.lastTimestamp, now)} (x${e.count} over ${first})`;
  return first;
}

function run(ctx: VerbContext): CommandResult {
  const f = ctx.flags;
  const all = f.bool('all-namespaces');
  let events = ctx.cluster.api.list<KubeEvent>('Event', all ? {} : { namespace: ctx.namespace });
  if (f.string('for')) {
    const [req] = resolveResourceArgs([f.string('for')]);
    if (!req || req.names.length !== 1) throw new KubectlError(`--for must be in resource/name form`);
    events = events.filter((e) => e.involvedObject.kind === req.info.kind && e.involvedObject.name === req.names[0]);
  }
  const types = f.strings('types').flatMap((t) => t.split(','));
  for (const t of types) if (t !== 'Normal' && t !== 'Warning') throw new KubectlError(`valid --types are Normal or Warning`);
  if (types.length) events = events.filter((e) => types.includes(e.type));
  if (events.length === 0) return ok('', all ? 'No events found.\n' : `No events found in ${ctx.namespace} namespace.\n`);
  const now = ctx.cluster.nowMs();
  const rows = [...events].sort((a, b) => eventTime(a) - eventTime(b)).map((e) => [...(all ? [e.metadata.namespace ?? ''] : []), interval(e, now), e.type, e.reason, `${e.involvedObject.kind}/${e.involvedObject.name}`, (e.message ?? '').trim()].join('\t'));
  const header = [...(all ? ['NAMESPACE'] : []), 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'].join('\t');
  return ok(formatTabbed(`${[...(f.bool('no-headers') ? [] : [header]), ...rows].join('\n')}\n`, TABLE_TABWRITER));
}

export const eventsVerb: Verb = {
  name: 'events',
  group: 'Troubleshooting and Debugging Commands',
  short: 'List events',
  usage: 'kubectl events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning] [options]',
  flags: [
    { name: 'for', type: 'string', description: 'Filter events to only those pertaining to the specified resource.' },
    { name: 'types', type: 'stringArray', description: 'Output only events of given types.' },
    { name: 'all-namespaces', short: 'A', type: 'bool', description: 'If present, list the requested object(s) across all namespaces.' },
    { name: 'no-headers', type: 'bool', description: "When using the default output format, don't print headers." },
    { name: 'watch', short: 'w', type: 'bool', description: 'After listing the requested events, watch for more events.' },
  ],
  examples: ['kubectl events', 'kubectl events --for pod/web', 'kubectl events --types=Warning -A'],
  run,
};
