import { KubeObject } from '../../cluster-engine';
import { formatError, KubectlError, withSource } from '../errors';
import { decodeError } from '../../cluster-engine/api/decode/decode';
import { dryRunOf, dryRunSuffix, placeObject } from '../manifests/prepare';
import { readManifestArgs } from '../manifests/read';
import { objectName } from '../printers/object-printer';
import { CommandResult, Output } from '../result';
import { Verb, VerbContext } from './verb';

/**
 * `replace -f`: a full PUT. With `--force` the object is deleted and created again — the way to change a
 * pod's immutable fields. Real kubectl waits for the deletion; here the old pod is removed at once.
 */
function run(ctx: VerbContext): CommandResult {
  const files = ctx.flags.strings('filename');
  if (files.length === 0) throw new KubectlError("must specify --filename to replace\nSee 'kubectl replace -h' for help and examples");
  const dryRun = dryRunOf(ctx);
  const out = new Output();
  for (const { object, source } of readManifestArgs(ctx, files)) {
    const obj: KubeObject = placeObject(ctx, object);
    delete obj.status;
    try {
      const bad = decodeError(obj);
      if (bad) throw bad;
      if (ctx.flags.bool('force')) {
        const existing = ctx.cluster.api.tryGet(obj.kind, obj.metadata.namespace, obj.metadata.name);
        if (existing && dryRun === 'none') {
          ctx.cluster.api.delete(obj.kind, obj.metadata.namespace, obj.metadata.name, { gracePeriodSeconds: 0 });
          out.out(`${obj.kind.toLowerCase()} "${obj.metadata.name}" deleted\n`);
        }
        if (dryRun !== 'client') ctx.cluster.api.create(obj, { dryRun: dryRun === 'server' });
      } else {
        ctx.cluster.api.get(obj.kind, obj.metadata.namespace, obj.metadata.name);
        if (dryRun !== 'client') ctx.cluster.api.update(obj, { dryRun: dryRun === 'server' });
      }
      out.out(`${objectName(obj)} replaced${dryRunSuffix(dryRun)}\n`);
    } catch (e) {
      out.err(formatError(withSource(e, 'replacing', source)));
    }
  }
  return out.result();
}

export const replaceVerb: Verb = {
  name: 'replace',
  group: 'Advanced Commands',
  short: 'Replace a resource by file name or stdin',
  usage: 'kubectl replace -f FILENAME [options]',
  flags: [
    { name: 'filename', short: 'f', type: 'stringArray', description: 'The files that contain the configurations to replace.' },
    { name: 'force', type: 'bool', description: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.' },
    { name: 'grace-period', type: 'int', default: -1, description: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative.' },
    { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged', description: 'Must be "none", "server", or "client".' },
    { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict', description: 'Must be one of: strict (or true), warn, ignore (or false).' },
  ],
  examples: ['kubectl replace --force -f pod.yaml'],
  run,
};
