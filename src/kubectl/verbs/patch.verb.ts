import { parse } from 'yaml';
import { KubeObject } from '../../cluster-engine';
import { stableJson } from '../../cluster-engine/api/json';
import { KubectlError } from '../errors';
import { decodeError } from '../../cluster-engine/api/decode/decode';
import { threeWayMerge } from '../manifests/merge';
import { dryRunOf, dryRunSuffix } from '../manifests/prepare';
import { objectName } from '../printers/object-printer';
import { resolveResourceArgs } from '../resources/resource-args';
import { CommandResult, ok } from '../result';
import { Verb, VerbContext } from './verb';

type Json = unknown;
const isObj = (v: Json): v is Record<string, Json> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** RFC 7386 JSON merge patch: objects merge, null deletes, everything else replaces. */
function mergePatch(target: Json, patch: Json): Json {
  if (!isObj(patch)) return patch;
  const out: Record<string, Json> = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** RFC 6902 JSON patch: add, remove, replace, test, copy, move on JSON pointers. */
function jsonPatch(target: Json, ops: Json): Json {
  if (!Array.isArray(ops)) throw new KubectlError('unable to parse json patch: expected an array of operations');
  const doc = structuredClone(target);
  const walk = (path: string): [Record<string, Json> | Json[], string] => {
    const parts = path.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    let cur: Json = doc;
    for (const p of parts.slice(0, -1)) {
      cur = Array.isArray(cur) ? cur[Number(p)] : isObj(cur) ? cur[p] : undefined;
      if (cur === undefined) throw new KubectlError(`jsonpatch error: doc is missing path: "${path}": missing value`);
    }
    return [cur as Record<string, Json>, parts[parts.length - 1]];
  };
  const get = (path: string) => {
    const [parent, key] = walk(path);
    return Array.isArray(parent) ? parent[Number(key)] : parent[key];
  };
  const put = (path: string, value: Json, insert: boolean) => {
    const [parent, key] = walk(path);
    if (Array.isArray(parent)) {
      const idx = key === '-' ? parent.length : Number(key);
      parent.splice(idx, insert ? 0 : 1, value);
    } else parent[key] = value;
  };
  const remove = (path: string) => {
    const [parent, key] = walk(path);
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else {
      if (!(key in parent)) throw new KubectlError(`jsonpatch remove operation does not apply: doc is missing path: "${path}"`);
      delete parent[key];
    }
  };
  for (const op of ops as Array<{ op: string; path: string; value?: Json; from?: string }>) {
    switch (op.op) {
      case 'add':
        put(op.path, op.value, true);
        break;
      case 'replace':
        if (get(op.path) === undefined) throw new KubectlError(`jsonpatch replace operation does not apply: doc is missing key: ${op.path}: missing value`);
        put(op.path, op.value, false);
        break;
      case 'remove':
        remove(op.path);
        break;
      case 'test':
        if (JSON.stringify(get(op.path)) !== JSON.stringify(op.value)) throw new KubectlError(`testing value ${op.path} failed: test failed`);
        break;
      case 'copy':
        put(op.path, structuredClone(get(op.from ?? '')), true);
        break;
      case 'move': {
        const v = get(op.from ?? '');
        remove(op.from ?? '');
        put(op.path, v, true);
        break;
      }
      default:
        throw new KubectlError(`Unexpected kind: ${op.op}`);
    }
  }
  return doc;
}

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
    const live = ctx.cluster.api.get(t.info.kind, t.info.namespaced ? ctx.namespace : undefined, t.name);
    const next = (type === 'json' ? jsonPatch(live, patch) : type === 'merge' ? mergePatch(live, patch) : threeWayMerge(live, undefined, patch)) as KubeObject;
    const bad = decodeError(next);
    if (bad) throw bad;
    const unchanged = stableJson(next) === stableJson(live);
    if (!unchanged && dryRun !== 'client') ctx.cluster.api.update(next, { dryRun: dryRun === 'server' });
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
