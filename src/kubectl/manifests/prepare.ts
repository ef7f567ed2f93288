import { KubeObject, kindInfo } from '../../cluster-engine';
import { KubectlError } from '../errors';
import { VerbContext } from '../verbs/verb';

/** The namespace a manifest lands in: its own, else `-n`/context; a conflicting `-n` is an error. */
export function placeObject(ctx: VerbContext, input: KubeObject): KubeObject {
  const obj = structuredClone(input);
  if (!kindInfo(obj.kind).namespaced) {
    delete obj.metadata.namespace;
    return obj;
  }
  const own = obj.metadata.namespace;
  if (own && ctx.namespaceExplicit && own !== ctx.namespace) {
    throw new KubectlError(`the namespace from the provided object "${own}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${own}' to perform this operation.`);
  }
  obj.metadata.namespace = own || ctx.namespace;
  return obj;
}

export type DryRun = 'none' | 'client' | 'server';

export function dryRunOf(ctx: VerbContext): DryRun {
  const raw = ctx.flags.string('dry-run') || 'none';
  // The deprecated boolean forms: `--dry-run` alone or `=true` mean client, `=false` means none.
  const v = raw === 'unchanged' || raw === 'true' ? 'client' : raw === 'false' ? 'none' : raw;
  if (v !== 'none' && v !== 'client' && v !== 'server') throw new KubectlError(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
  return v;
}

export const dryRunSuffix = (d: DryRun): string => (d === 'client' ? ' (dry run)' : d === 'server' ? ' (server dry run)' : '');
