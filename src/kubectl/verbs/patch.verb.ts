import { parse } from 'yaml';
import { PatchType } from '../../cluster-engine';
import { stableJson } from '../../cluster-engine/api/json';
import { KubectlError } from '../errors';
import { dryRunOf, dryRunSuffix } from '../manifests/prepare';
import { objectName } from '../printers/object-printer';
import { resolveResourceArgs } from '../resources/resource-args';
import { CommandResult, ok } from '../result';
import { Verb, VerbContext } from './verb';

type Json = unknown;

function run(ctx: VerbContext): CommandResult {
  const f = ctx.flags;
  const text = f.string('patch') || (f.string('patch-file') ? ctx.vfs.read(f.string('patch-file')) : undefined);
  if (!text) throw new KubectlError('must specify --patch or --patch-file containing the contents of the patch');
  const requests = resolveResourceArgs(ctx.args);
  const targets = requests.flatMap((r) => r.names.map((n) => ({ info: r.info, name: n })));
  if (targets.length === 0) throw new KubectlError('resource(s) were provided, but no name was specified');
  let patch: Json;
  try {
    patch = parse(text);
  } catch (e) {
    throw new KubectlError(`unable to parse "${text}": yaml: ${(e as Error).message.split('\n')[0]}`);
  }
  const type = f.string('type') || 'strategic';
  if (!['strategic', 'merge', 'json'].includes(type)) throw new KubectlError(`--type must be one of [json merge strategic], not "${type}"`);
  const shapeOk = type === 'json' ? Array.isArray(patch) : patch !== null && typeof patch === 'object' && !Array.isArray(patch);
  if (!shapeOk) throw new KubectlError(`unable to parse "${text}": json: cannot unmarshal ${Array.isArray(patch) ? 'array' : patch === null ? 'null' : typeof patch} into Go value of type ${type === 'json' ? 'jsonpatch.Patch' : 'map[string]interface {}'}`);
  const dryRun = dryRunOf(ctx);
  let out = '';
  for (const t of targets) {
    const ns = t.info.namespaced ? ctx.namespace : undefined;
    const live = ctx.cluster.api.get(t.info.kind, ns, t.name);
    // The API server applies the patch (the same code serves the real kubectl); a dry run only previews it.
    const next = ctx.cluster.api.patch(t.info.kind, ns, t.name, type as PatchType, patch, { dryRun: dryRun !== 'none', strict: true });
    const unchanged = stableJson(next) === stableJson(live);
    out += `${objectName(live)} patched${unchanged ? ' (no change)' : ''}${dryRunSuffix(dryRun)}\n`;
  }
  return ok(out);
}

export const patchVerb: Verb = {
  name: 'patch',
  group: 'Advanced Commands',
  short: 'Update fields of a resource',
  usage: 'kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]',
  flags: [
    { name: 'patch', short: 'p', type: 'string', description: 'The patch to be applied to the resource JSON file.' },
    { name: 'patch-file', type: 'string', description: 'A file containing a patch to be applied to the resource.' },
    { name: 'type', type: 'string', default: 'strategic', description: 'The type of patch being provided; one of [json merge strategic]' },
    { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged', description: 'Must be "none", "server", or "client".' },
  ],
  examples: ['kubectl patch pod web -p \'{"metadata":{"labels":{"tier":"frontend"}}}\'', 'kubectl patch pod web --type=json -p \'[{"op":"replace","path":"/spec/containers/0/image","value":"nginx:1.28"}]\''],
  run,
};
