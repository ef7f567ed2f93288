import { allKinds, KindInfo } from '../../cluster-engine';
import { KubectlError } from '../errors';
import { formatTabbed, TABLE_TABWRITER } from '../printers/tabwriter';
import { ok } from '../result';
import { Verb } from './verb';

/** Core group first, then groups alphabetically; names alphabetically within a group. */
function order(a: KindInfo, b: KindInfo): number {
  if (a.group !== b.group) return a.group === '' ? -1 : b.group === '' ? 1 : a.group < b.group ? -1 : 1;
  return a.plural < b.plural ? -1 : a.plural > b.plural ? 1 : 0;
}

const VERBS = '[create delete deletecollection get list patch update watch]';

export const apiResourcesVerb: Verb = {
  name: 'api-resources',
  group: 'Other Commands',
  short: 'Print the supported API resources on the server',
  usage: 'kubectl api-resources [flags] [options]',
  flags: [
    { name: 'namespaced', type: 'string', description: 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.' },
    { name: 'api-group', type: 'string', description: 'Limit to resources in the specified API group.' },
    { name: 'output', short: 'o', type: 'string', description: 'Output format. One of: (wide, name).' },
    { name: 'no-headers', type: 'bool', description: "When using the default or custom-column output format, don't print headers (default print headers)." },
    { name: 'sort-by', type: 'string', description: "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'." },
  ],
  examples: ['kubectl api-resources', 'kubectl api-resources --namespaced=true'],
  run(ctx) {
    const f = ctx.flags;
    const o = f.string('output');
    if (o && o !== 'wide' && o !== 'name') throw new KubectlError(`--output ${o} is not available`);
    let kinds = [...allKinds()].sort(order);
    if (f.changed('namespaced')) kinds = kinds.filter((k) => k.namespaced === (f.string('namespaced') !== 'false'));
    if (f.changed('api-group')) kinds = kinds.filter((k) => k.group === f.string('api-group'));
    if (f.string('sort-by') === 'kind') kinds.sort((a, b) => (a.kind < b.kind ? -1 : 1));
    if (o === 'name') return ok(kinds.map((k) => `${k.group ? `${k.plural}.${k.group}` : k.plural}\n`).join(''));
    const header = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(o === 'wide' ? ['VERBS', 'CATEGORIES'] : [])];
    const rows = kinds.map((k) => [k.plural, k.shortNames.join(','), k.apiVersion, String(k.namespaced), k.kind, ...(o === 'wide' ? [VERBS, k.kind === 'Pod' ? 'all' : ''] : [])]);
    const lines = [...(f.bool('no-headers') ? [] : [header]), ...rows].map((r) => r.join('\t'));
    return ok(formatTabbed(`${lines.join('\n')}\n`, TABLE_TABWRITER));
  },
};
