import { Deployment, KubeObject, ReplicaSet } from '../../cluster-engine';
import { aggregateMessage, formatError, KubectlError, NO_RESOURCES } from '../errors';
import { dryRunOf, dryRunSuffix } from '../manifests/prepare';
import { objectName } from '../printers/object-printer';
import { CommandResult, fail, Output } from '../result';
import { targetObjects } from './metadata-update';
import { Verb, VerbContext } from './verb';

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

function run(ctx: VerbContext): CommandResult {
  const f = ctx.flags;
  if (!f.changed('replicas')) throw new KubectlError('required flag(s) "replicas" not set');
  const replicas = f.int('replicas');
  if (replicas < 0) throw new KubectlError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  if (ctx.args.length === 0 && !f.bool('all') && !f.string('selector')) throw new KubectlError(NO_RESOURCES);
  const out = new Output();
  const errors: unknown[] = [];
  const objects = targetObjects(ctx, ctx.args, out, errors);
  // kubectl scale skips what it could not fetch, and fails only when nothing is left, naming why.
  if (objects.length === 0 && errors.length > 0) {
    return fail(`error: no objects passed to scale ${aggregateMessage(errors.map((e) => (e as Error).message))}\n`);
  }
  for (const e of errors) out.err(formatError(e));
  const dryRun = dryRunOf(ctx);
  const current = f.int('current-replicas');
  for (const obj of objects) {
    if (!SCALABLE.has(obj.kind)) {
      out.err('Error from server (NotFound): the server could not find the requested resource\n');
      continue;
    }
    const target = obj as Deployment | ReplicaSet;
    const now = target.spec.replicas ?? 1;
    if (f.changed('current-replicas') && current >= 0 && current !== now) {
      out.err(`error: Expected replicas to be ${current}, was ${now}\n`);
      continue;
    }
    target.spec.replicas = replicas;
    try {
      if (dryRun !== 'client') ctx.cluster.api.update(target as KubeObject, { dryRun: dryRun === 'server' });
      out.out(`${objectName(obj)} scaled${dryRunSuffix(dryRun)}\n`);
    } catch (e) {
      out.err(formatError(e));
    }
  }
  return out.result();
}

export const scaleVerb: Verb = {
  name: 'scale',
  group: 'Deploy Commands',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  usage: 'kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]',
  flags: [
    { name: 'replicas', type: 'int', default: 0, description: 'The new desired number of replicas. Required.' },
    { name: 'current-replicas', type: 'int', default: -1, description: 'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.' },
    { name: 'all', type: 'bool', description: 'Select all resources in the namespace of the specified resource types' },
    { name: 'selector', short: 'l', type: 'string', description: 'Selector (label query) to filter on.' },
    { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged', description: 'Must be "none", "server", or "client".' },
    { name: 'timeout', type: 'string', default: '0s', description: 'The length of time to wait before giving up on a scale operation, zero means don\'t wait.' },
  ],
  examples: ['kubectl scale deployment web --replicas=3', 'kubectl scale --replicas=2 deploy/web'],
  run,
};
