import { isKnownKind, KubeObject, kindInfo } from '../../cluster-engine';
import { KubectlError, withSource } from '../errors';
import { decodeError } from '../../cluster-engine/api/decode/decode';
import { isDirectory, listDirectory, readPath } from '../shell/fs-view';
import { VirtualFs } from '../shell/vfs';
import { VerbContext } from '../verbs/verb';
import { parseManifests } from './parse';

export interface Manifest {
  object: KubeObject;
  /** `pod.yaml` or `STDIN`, as kubectl names the source in messages. */
  source: string;
}

function readSource(ctx: VerbContext, arg: string): Array<{ text: string; source: string }> {
  if (arg === '-') return [{ text: ctx.stdin, source: 'STDIN' }];
  if (/^https?:\/\//.test(arg)) throw new KubectlError(`unable to read URL "${arg}", server reported 0, status code=0: this terminal has no internet access`);
  const path = VirtualFs.resolve(arg, ctx.cwd);
  if (isDirectory(ctx.vfs, path)) {
    return listDirectory(ctx.vfs, path)
      .filter((n) => /\.(ya?ml|json)$/.test(n))
      .map((n) => ({ text: (readPath(ctx.vfs, `${path}/${n}`) as { content: string }).content, source: `${arg.replace(/\/$/, '')}/${n}` }));
  }
  const r = readPath(ctx.vfs, path);
  if (!r.ok) throw new KubectlError(`the path "${arg}" does not exist`);
  return [{ text: r.content, source: arg }];
}

/** The objects of every `-f` argument, each checked against the kinds the cluster serves. */
export function readManifestArgs(ctx: VerbContext, filenames: string[]): Manifest[] {
  const out: Manifest[] = [];
  for (const f of filenames) {
    for (const { text, source } of readSource(ctx, f)) {
      for (const object of parseManifests(text, source)) {
        const apiVersion = String(object.apiVersion);
        if (!isKnownKind(object.kind) || kindInfo(object.kind).apiVersion !== apiVersion) {
          throw new KubectlError(
            `resource mapping not found for name: "${object.metadata.name ?? ''}" namespace: "${object.metadata.namespace ?? ''}" from "${source}": no matches for kind "${object.kind}" in version "${apiVersion}"\nensure CRDs are installed first`,
          );
        }
        const bad = decodeError(object);
        if (bad) throw withSource(bad, 'creating', source);
        out.push({ object, source });
      }
    }
  }
  if (out.length === 0) throw new KubectlError('no objects passed to apply');
  return out;
}
