import { DeleteOptions, KubeObject, isKnownKind, kindInfo } from '../../cluster-engine';
import { formatError, KubectlError, NO_RESOURCES } from '../errors';
import { readManifestArgs } from '../manifests/read';
import { fetchObjects } from '../resources/fetch';
import { kindPrefix, resolveResourceArgs } from '../resources/resource-args';
import { CommandResult, Output } from '../result';
import { Verb, VerbContext } from './verb';

const FORCE_WARNING = 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n';

/** delete.go's grace-period rules: 0 without --force means 1; --force alone means 0; --force with >0 is an error. */
function gracePeriod(ctx: VerbContext): number | undefined {
  const f = ctx.flags;
  let grace = f.int('grace-period');
  if (f.bool('now')) grace = 1;
  if (grace === 0 && !f.bool('force')) grace = 1;
  if (f.bool('force') && grace < 0) grace = 0;
  if (f.bool('force') && grace > 0) throw new KubectlError('--force and --grace-period greater than 0 cannot be specified together');
  return grace >= 0 ? grace : undefined;
}

/** `--cascade`: background (default), foreground or orphan; the old booleans still work, with kubectl's warning. */
function propagation(ctx: VerbContext, out: Output): DeleteOptions['propagationPolicy'] {
  const value = ctx.flags.string('cascade');
  switch (value) {
    case 'background':
    case 'true':
      return 'Background';
    case 'foreground':
      return 'Foreground';
    case 'orphan':
      return 'Orphan';
    case 'false':
      out.warn('warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n');
      return 'Orphan';
    default:
      throw new KubectlError(`invalid cascade value (${value}). Must be "background", "foreground", or "orphan".`);
  }
}

function targets(ctx: VerbContext, out: Output): KubeObject[] {
  const f = ctx.flags;
  if (f.strings('filename').length) {
    return readManifestArgs(ctx, f.strings('filename')).map((m) => ({ ...m.object, metadata: { ...m.object.metadata, namespace: m.object.metadata.namespace ?? ctx.namespace } }));
  }
  if (ctx.args.length === 0) throw new KubectlError(NO_RESOURCES);
  const requests = resolveResourceArgs(ctx.args);
  const selecting = f.bool('all') || !!f.string('selector') || !!f.string('field-selector');
  const objects: KubeObject[] = [];
  for (const req of requests) {
    if (req.names.length === 0 && !selecting) throw new KubectlError('resource(s) were provided, but no name was specified');
    if (req.names.length > 0 && selecting) throw new KubectlError('name cannot be provided when a selector is specified');
    const got = fetchObjects(ctx, req, { allNamespaces: f.bool('all-namespaces'), labelSelector: f.string('selector'), fieldSelector: f.string('field-selector') });
    objects.push(...got.objects);
    for (const e of got.errors) if (!(f.bool('ignore-not-found') && formatError(e).includes('(NotFound)'))) out.err(formatError(e));
  }
  if (objects.length === 0 && selecting && !out.stderr) out.warn('No resources found\n');
  return objects;
}

function run(ctx: VerbContext): CommandResult {
  const out = new Output();
  const grace = gracePeriod(ctx);
  const force = ctx.flags.bool('force') && grace === 0;
  const propagationPolicy = propagation(ctx, out);
  const objects = targets(ctx, out);
  if (force && objects.length) out.warn(FORCE_WARNING);
  for (const obj of objects) {
    const name = isKnownKind(obj.kind) ? kindPrefix(kindInfo(obj.kind)) : obj.kind.toLowerCase();
    try {
      ctx.cluster.api.delete(obj.kind, obj.metadata.namespace, obj.metadata.name, { propagationPolicy, ...(grace === undefined ? {} : { gracePeriodSeconds: grace }) });
      out.out(`${name} "${obj.metadata.name}" ${force ? 'force deleted' : 'deleted'}\n`);
    } catch (e) {
      if (ctx.flags.bool('ignore-not-found') && formatError(e).includes('(NotFound)')) continue;
      out.err(formatError(e));
    }
  }
  return out.result();
}

export const deleteVerb: Verb = {
  name: 'delete',
  group: 'Basic Commands (Intermediate)',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  usage: "kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]",
  flags: [
    { name: 'filename', short: 'f', type: 'stringArray', description: 'containing the resource to delete.' },
    { name: 'grace-period', type: 'int', default: -1, description: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).' },
    { name: 'force', type: 'bool', description: 'If true, immediately remove resources from API and bypass graceful deletion.' },
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background', description: 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.' },
    { name: 'now', type: 'bool', description: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).' },
    { name: 'all', type: 'bool', description: 'Delete all resources, in the namespace of the specified resource types.' },
    { name: 'selector', short: 'l', type: 'string', description: 'Selector (label query) to filter on.' },
    { name: 'field-selector', type: 'string', description: 'Selector (field query) to filter on.' },
    { name: 'all-namespaces', short: 'A', type: 'bool', description: 'If present, list the requested object(s) across all namespaces.' },
    { name: 'ignore-not-found', type: 'bool', description: 'Treat "resource not found" as a successful delete.' },
    { name: 'wait', type: 'bool', default: true, description: 'If true, wait for resources to be gone before returning.' },
    { name: 'recursive', short: 'R', type: 'bool', description: 'Process the directory used in -f, --filename recursively.' },
  ],
  examples: ['kubectl delete pod web', 'kubectl delete pod web --grace-period=0 --force', 'kubectl delete -f pod.yaml', 'kubectl delete pods -l app=web'],
  run,
};
