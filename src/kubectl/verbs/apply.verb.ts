import { ApiError, KubeObject, kindInfo } from '../../cluster-engine';
import { stableJson } from '../../cluster-engine/api/json';
import { formatError, KubectlError, withSource } from '../errors';
import { decodeError } from '../../cluster-engine/api/decode/decode';
import { threeWayMerge } from '../manifests/merge';
import { diffPatch } from '../manifests/patch';
import { dryRunOf, dryRunSuffix, placeObject } from '../manifests/prepare';
import { readManifestArgs } from '../manifests/read';
import { objectName, printObjects } from '../printers/object-printer';
import { parseOutputFormat } from '../printers/output-format';
import { sortKeysDeep } from '../printers/sort-keys';
import { CommandResult, Output } from '../result';
import { Verb, VerbContext } from './verb';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** The annotation value kubectl writes: the configuration as compact JSON with sorted keys. */
export function lastAppliedOf(obj: KubeObject): string {
  const copy = structuredClone(obj);
  if (copy.metadata.annotations) {
    delete copy.metadata.annotations[LAST_APPLIED];
    if (Object.keys(copy.metadata.annotations).length === 0) delete copy.metadata.annotations;
  }
  return `${JSON.stringify(sortKeysDeep(copy))}\n`;
}

function withAnnotation(obj: KubeObject): KubeObject {
  const out = structuredClone(obj);
  out.metadata.annotations = { ...(out.metadata.annotations ?? {}), [LAST_APPLIED]: lastAppliedOf(obj) };
  return out;
}

function patchError(err: unknown, live: KubeObject, merged: KubeObject, source: string): unknown {
  if (!(err instanceof ApiError) || err.status.reason === 'Invalid') return err;
  const info = kindInfo(live.kind);
  const gv = info.group ? `${info.apiVersion}` : `/${info.apiVersion}`;
  const message = `error when applying patch:\n${JSON.stringify(diffPatch(live, merged))}\nto:\nResource: "${gv}, Resource=${info.plural}", GroupVersionKind: "${gv}, Kind=${info.kind}"\nName: "${live.metadata.name}", Namespace: "${live.metadata.namespace ?? ''}"\nfor: "${source}": error when patching "${source}": ${err.status.message}`;
  return new ApiError({ ...err.status, message });
}

function applyOne(ctx: VerbContext, input: KubeObject, source: string, out: Output): KubeObject | undefined {
  const dryRun = dryRunOf(ctx);
  const config = placeObject(ctx, input);
  delete config.status;
  const desired = withAnnotation(config);
  const api = ctx.cluster.api;
  const live = api.tryGet(config.kind, config.metadata.namespace, config.metadata.name);
  const name = objectName(config);
  const bad = decodeError(config);
  if (bad) throw withSource(bad, live ? 'patching' : 'creating', source);
  if (!live) {
    try {
      const created = dryRun === 'client' ? desired : api.create(desired, { dryRun: dryRun === 'server' });
      out.out(`${name} created${dryRunSuffix(dryRun)}\n`);
      return created;
    } catch (e) {
      throw withSource(e, 'creating', source);
    }
  }
  const previous = live.metadata.annotations?.[LAST_APPLIED];
  if (previous === undefined) {
    out.warn(
      `Warning: resource ${kindInfo(live.kind).plural}/${live.metadata.name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`,
    );
  }
  let last: unknown;
  try {
    last = previous ? JSON.parse(previous) : undefined;
  } catch {
    last = undefined;
  }
  const merged = threeWayMerge(live, last, desired) as KubeObject;
  if (stableJson(merged) === stableJson(live)) {
    out.out(`${name} unchanged${dryRunSuffix(dryRun)}\n`);
    return live;
  }
  try {
    const updated = dryRun === 'client' ? merged : api.update(merged, { dryRun: dryRun === 'server' });
    out.out(`${name} configured${dryRunSuffix(dryRun)}\n`);
    return updated;
  } catch (e) {
    throw patchError(e, live, merged, source);
  }
}

function run(ctx: VerbContext): CommandResult {
  const files = ctx.flags.strings('filename');
  if (files.length === 0) throw new KubectlError("error: must specify one of -f and -k");
  const format = ctx.flags.string('output') ? parseOutputFormat(ctx.flags.string('output')) : undefined;
  const manifests = readManifestArgs(ctx, files);
  const out = new Output();
  const results: KubeObject[] = [];
  const errors: unknown[] = [];
  const quiet = new Output();
  for (const m of manifests) {
    try {
      const r = applyOne(ctx, m.object, m.source, format ? quiet : out);
      if (r) results.push(r);
    } catch (e) {
      errors.push(e);
    }
  }
  if (format && format.kind !== 'table') out.out(printObjects(format, results, results.length === 1 && manifests.length === 1));
  out.warn(quiet.stderr);
  for (const e of errors) out.err(formatError(e));
  return out.result();
}

export const applyVerb: Verb = {
  name: 'apply',
  group: 'Advanced Commands',
  short: 'Apply a configuration to a resource by file name or stdin',
  usage: 'kubectl apply (-f FILENAME | -k DIRECTORY) [options]',
  flags: [
    { name: 'filename', short: 'f', type: 'stringArray', description: 'The files that contain the configurations to apply.' },
    { name: 'output', short: 'o', type: 'string', description: 'Output format. One of: (json, yaml, name, jsonpath).' },
    { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged', description: 'Must be "none", "server", or "client".' },
    { name: 'recursive', short: 'R', type: 'bool', description: 'Process the directory used in -f, --filename recursively.' },
    { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict', description: 'Must be one of: strict (or true), warn, ignore (or false).' },
    { name: 'force', type: 'bool', description: 'If true, immediately remove resources from API and bypass graceful deletion.' },
  ],
  examples: ['kubectl apply -f pod.yaml', "cat pod.yaml | kubectl apply -f -"],
  run,
};
