import { KubeObject } from '../../cluster-engine';
import { ResourceRequest } from './resource-args';
import { VerbContext } from '../verbs/verb';

export interface FetchOptions {
  allNamespaces?: boolean;
  labelSelector?: string;
  fieldSelector?: string;
  /** The caller only prints the objects: list them without copies (never mutate them). */
  readOnly?: boolean;
}

export interface Fetched {
  objects: KubeObject[];
  /** Errors for names that could not be read, in order (printed after the output, like kubectl). */
  errors: unknown[];
}

/** Reads what a request names, or lists its kind (in the namespace, or everywhere with -A). */
export function fetchObjects(ctx: VerbContext, req: ResourceRequest, opts: FetchOptions): Fetched {
  const ns = req.info.namespaced ? ctx.namespace : undefined;
  if (req.names.length === 0) {
    const list = { namespace: opts.allNamespaces ? undefined : ns, labelSelector: opts.labelSelector || undefined, fieldSelector: opts.fieldSelector || undefined };
    const objects = opts.readOnly ? (ctx.cluster.api.view(req.info.kind, list) as KubeObject[]) : ctx.cluster.api.list(req.info.kind, list);
    return { objects, errors: [] };
  }
  const out: Fetched = { objects: [], errors: [] };
  for (const name of req.names) {
    try {
      out.objects.push(ctx.cluster.api.get(req.info.kind, ns, name));
    } catch (e) {
      out.errors.push(e);
    }
  }
  return out;
}
