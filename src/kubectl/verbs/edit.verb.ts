import { KubeObject } from '../../cluster-engine';
import { EditLoop } from '../edit/edit-session';
import { formatError, KubectlError, NO_RESOURCES } from '../errors';
import { placeObject } from '../manifests/prepare';
import { readManifestArgs } from '../manifests/read';
import { fetchObjects } from '../resources/fetch';
import { resolveResourceArgs } from '../resources/resource-args';
import { CommandResult, fail, Output } from '../result';
import { Verb, VerbContext } from './verb';

/** The objects to edit, read fresh from the server (for `-f`, the live objects the files name). */
function targets(ctx: VerbContext, out: Output): KubeObject[] {
  const files = ctx.flags.strings('filename');
  if (files.length > 0) {
    if (ctx.args.length) throw new KubectlError('a resource cannot be specified both by file name and by argument');
    const objects: KubeObject[] = [];
    for (const { object } of readManifestArgs(ctx, files)) {
      const placed = placeObject(ctx, object);
      try {
        objects.push(ctx.cluster.api.get(placed.kind, placed.metadata.namespace, placed.metadata.name));
      } catch (e) {
        out.err(formatError(e));
      }
    }
    return objects;
  }
  const requests = resolveResourceArgs(ctx.args);
  if (requests.length === 0) throw new KubectlError(NO_RESOURCES);
  const objects: KubeObject[] = [];
  for (const req of requests) {
    const got = fetchObjects(ctx, req, {});
    objects.push(...got.objects);
    for (const e of got.errors) out.err(formatError(e));
  }
  return objects;
}

/**
 * `kubectl edit TYPE NAME | -f FILE [-o json]`: the objects go to the player's editor (the result's `edit`);
 * saving it runs kubectl's edit loop (`EditLoop`).
 */
function run(ctx: VerbContext): CommandResult {
  const output = ctx.flags.string('output');
  if (output && !['yaml', 'json', 'name'].includes(output)) {
    return fail(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,yaml\n`);
  }
  const out = new Output();
  const objects = targets(ctx, out);
  if (out.exitCode !== 0) return out.result();
  if (objects.length === 0) return fail('error: edit cancelled, no objects found\n');
  const loop = new EditLoop({ cluster: ctx.cluster, vfs: ctx.vfs, namespace: ctx.namespace, format: output === 'json' ? 'json' : 'yaml', output }, objects);
  return loop.open();
}

export const editVerb: Verb = {
  name: 'edit',
  group: 'Basic Commands (Intermediate)',
  short: 'Edit a resource on the server',
  usage: 'kubectl edit (RESOURCE/NAME | -f FILENAME) [options]',
  flags: [
    { name: 'filename', short: 'f', type: 'stringArray', description: 'Filename, directory, or URL to files to use to edit the resource' },
    { name: 'output', short: 'o', type: 'string', description: 'Output format. One of: (json, yaml, name).' },
    { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict', description: 'Must be one of: strict (or true), warn, ignore (or false).' },
    { name: 'save-config', type: 'bool', description: 'If true, the configuration of current object will be saved in its annotation.' },
    { name: 'show-managed-fields', type: 'bool', description: 'If true, keep the managedFields when printing objects in JSON or YAML format.' },
    { name: 'windows-line-endings', type: 'bool', description: 'Defaults to the line ending native to your platform.' },
    { name: 'field-manager', type: 'string', default: 'kubectl-edit', description: 'Name of the manager used to track field ownership.' },
  ],
  examples: ['kubectl edit pod web', 'kubectl edit deployment/web -o json', 'kubectl edit nodes'],
  run,
};
