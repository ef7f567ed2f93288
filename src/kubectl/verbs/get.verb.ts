import { KubeObject } from '../../cluster-engine';
import { printTable } from '../../cluster-engine/printers';
import { formatError, KubectlError } from '../errors';
import { printObjects, sortObjects } from '../printers/object-printer';
import { parseOutputFormat } from '../printers/output-format';
import { renderTable } from '../printers/table-printer';
import { fetchObjects } from '../resources/fetch';
import { kindPrefix, ResourceRequest, resolveResourceArgs } from '../resources/resource-args';
import { CommandResult, Output } from '../result';
import { Verb, VerbContext } from './verb';
import { watchTable } from './watch-stream';

const NO_TYPE = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples
`;

interface Group {
  req: ResourceRequest;
  objects: KubeObject[];
}

function complete(ctx: VerbContext): { requests: ResourceRequest[] } {
  const requests = resolveResourceArgs(ctx.args);
  const f = ctx.flags;
  const named = requests.some((r) => r.names.length > 0);
  if (named && f.string('selector')) throw new KubectlError('name cannot be provided when a selector is specified');
  if (named && f.bool('all-namespaces')) throw new KubectlError('a resource cannot be retrieved by name across all namespaces');
  return { requests };
}

function run(ctx: VerbContext): CommandResult {
  if (ctx.args.length === 0) return { stdout: '', stderr: NO_TYPE, exitCode: 1 };
  const f = ctx.flags;
  const format = parseOutputFormat(f.string('output'));
  const { requests } = complete(ctx);
  const allNamespaces = f.bool('all-namespaces');
  const out = new Output();
  const errors: unknown[] = [];
  const groups: Group[] = [];
  for (const req of requests) {
    // A plain table only reads the objects; other formats and -w keep copies.
    const readOnly = format.kind === 'table' && !f.bool('watch');
    const got = fetchObjects(ctx, req, { allNamespaces, labelSelector: f.string('selector'), fieldSelector: f.string('field-selector'), readOnly });
    errors.push(...(f.bool('ignore-not-found') ? got.errors.filter((e) => !isNotFound(e)) : got.errors));
    let objects = got.objects;
    if (f.string('sort-by')) objects = sortObjects(objects, f.string('sort-by'));
    groups.push({ req, objects });
  }
  const all = groups.flatMap((g) => g.objects);
  const single = requests.length === 1 && requests[0].names.length === 1;

  if (format.kind === 'table') {
    const withKind = requests.length > 1 || ctx.args[0].split(',').includes('all');
    const tables = groups
      .filter((g) => g.objects.length > 0)
      .map((g) =>
        renderTable(printTable(g.req.info.kind, g.objects, { nowMs: ctx.cluster.nowMs(), copy: false }), {
          wide: format.wide,
          noHeaders: f.bool('no-headers'),
          withNamespace: allNamespaces && g.req.info.namespaced,
          kindPrefix: withKind ? kindPrefix(g.req.info) : undefined,
          showLabels: f.bool('show-labels'),
          labelColumns: f.strings('label-columns').flatMap((l) => l.split(',')),
        }),
      );
    out.out(tables.join('\n'));
  } else if (all.length > 0 || (format.kind !== 'name' && errors.length === 0)) {
    out.out(printObjects(format, all, single));
  }

  if (all.length === 0 && errors.length === 0 && !f.bool('ignore-not-found') && (format.kind === 'table' || format.kind === 'name')) {
    const namespaced = !allNamespaces && requests.every((r) => r.info.namespaced);
    out.warn(namespaced ? `No resources found in ${ctx.namespace} namespace.\n` : 'No resources found\n');
  }
  for (const e of errors) out.err(formatError(e));
  const result = out.result();
  if (f.bool('watch') && format.kind === 'table' && groups.length === 1 && result.exitCode === 0) {
    const { req, objects } = groups[0];
    const target = { kind: req.info.kind, namespace: allNamespaces || !req.info.namespaced ? undefined : ctx.namespace, names: req.names, labelSelector: f.string('selector') || undefined };
    result.stream = watchTable(ctx.cluster, target, objects, { wide: format.wide, withNamespace: allNamespaces && req.info.namespaced, showLabels: f.bool('show-labels') });
  }
  return result;
}

function isNotFound(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'status' in e && (e as { status: { reason: string } }).status.reason === 'NotFound';
}

export const getVerb: Verb = {
  name: 'get',
  group: 'Basic Commands (Intermediate)',
  short: 'Display one or many resources',
  usage: 'kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  flags: [
    { name: 'output', short: 'o', type: 'string', description: 'Output format. One of: (json, yaml, name, jsonpath, custom-columns, wide).' },
    { name: 'selector', short: 'l', type: 'string', description: 'Selector (label query) to filter on, supports \'=\', \'==\', \'!=\', \'in\', \'notin\'.' },
    { name: 'field-selector', type: 'string', description: "Selector (field query) to filter on, supports '=', '==', and '!='." },
    { name: 'all-namespaces', short: 'A', type: 'bool', description: 'If present, list the requested object(s) across all namespaces.' },
    { name: 'show-labels', type: 'bool', description: 'When printing, show all labels as the last column (default hide labels column).' },
    { name: 'label-columns', short: 'L', type: 'stringArray', description: 'Accepts a comma separated list of labels that are going to be presented as columns.' },
    { name: 'sort-by', type: 'string', description: 'If non-empty, sort list types using this field specification (a JSONPath expression).' },
    { name: 'no-headers', type: 'bool', description: "When using the default or custom-column output format, don't print headers (default print headers)." },
    { name: 'watch', short: 'w', type: 'bool', description: 'After listing/getting the requested object, watch for changes.' },
    { name: 'ignore-not-found', type: 'bool', description: 'If the requested object does not exist the command will return exit code 0.' },
    { name: 'show-kind', type: 'bool', description: 'If present, list the resource type for the requested object(s).' },
    { name: 'chunk-size', type: 'int', default: 500, description: 'Return large lists in chunks rather than all at once.' },
  ],
  examples: ['kubectl get pods', 'kubectl get pods -o wide', 'kubectl get nodes', 'kubectl get pod web -o yaml', 'kubectl get events --sort-by=.metadata.creationTimestamp', 'kubectl get pods -A'],
  run,
  // Reads and prints only; `-w` keeps a stream running instead.
  pureOutput: (flags) => !flags.bool('watch'),
};
