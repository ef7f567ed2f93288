import { ApiError, KubeObject } from '../../cluster-engine';
import { describeObject } from '../describe/registry';
import { formatError, KubectlError } from '../errors';
import { fetchObjects } from '../resources/fetch';
import { resolveResourceArgs } from '../resources/resource-args';
import { CommandResult, Output } from '../result';
import { Verb, VerbContext } from './verb';

const NO_TYPE = `You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
See 'kubectl describe -h' for help and examples
`;

function run(ctx: VerbContext): CommandResult {
  if (ctx.args.length === 0) return { stdout: '', stderr: NO_TYPE, exitCode: 1 };
  const f = ctx.flags;
  const requests = resolveResourceArgs(ctx.args);
  const named = requests.some((r) => r.names.length > 0);
  if (named && f.string('selector')) throw new KubectlError('name cannot be provided when a selector is specified');
  // `describe TYPE PREFIX` describes every object whose name starts with PREFIX when none is named exactly.
  const prefixMatch = ctx.args.length === 2 && !ctx.args[0].includes('/') && !ctx.args[1].includes('/');
  const out = new Output();
  const objects: KubeObject[] = [];
  for (const req of requests) {
    const got = fetchObjects(ctx, req, { allNamespaces: f.bool('all-namespaces'), labelSelector: f.string('selector') });
    objects.push(...got.objects);
    for (const e of got.errors) {
      if (prefixMatch && e instanceof ApiError && e.status.reason === 'NotFound') {
        const all = fetchObjects(ctx, { info: req.info, names: [] }, {}).objects.filter((o) => o.metadata.name.startsWith(req.names[0]));
        if (all.length) {
          objects.push(...all);
          continue;
        }
      }
      out.err(formatError(e));
    }
  }
  const texts = objects.map((o) => describeObject(ctx.cluster, o));
  out.out(texts.join('\n\n'));
  if (objects.length === 0 && out.stderr === '') {
    const namespaced = !f.bool('all-namespaces') && requests.every((r) => r.info.namespaced);
    out.warn(namespaced ? `No resources found in ${ctx.namespace} namespace.\n` : 'No resources found\n');
  }
  return out.result();
}

export const describeVerb: Verb = {
  name: 'describe',
  group: 'Troubleshooting and Debugging Commands',
  short: 'Show details of a specific resource or group of resources',
  usage: 'kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]',
  flags: [
    { name: 'selector', short: 'l', type: 'string', description: 'Selector (label query) to filter on.' },
    { name: 'all-namespaces', short: 'A', type: 'bool', description: 'If present, list the requested object(s) across all namespaces.' },
    { name: 'show-events', type: 'bool', default: true, description: 'If true, display events related to the described object.' },
    { name: 'chunk-size', type: 'int', default: 500, description: 'Return large lists in chunks rather than all at once.' },
  ],
  examples: ['kubectl describe pod web', 'kubectl describe nodes', 'kubectl describe pods -l app=web'],
  run,
};
