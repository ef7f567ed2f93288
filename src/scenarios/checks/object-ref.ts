import { kindInfo, KubeObject, resolveKind } from '../../cluster-engine';
import { Cluster } from '../../cluster-engine';
import { stringParam } from './check';

/** `kind` + `name` (+ `namespace`) of one API object, as a check names it. */
export interface ObjectRef {
  kind: string;
  name: string;
  namespace?: string;
}

/** Parses `kind` (any kubectl spelling: pvc, persistentvolumeclaims, PersistentVolumeClaim), `name`, `namespace`. */
export function parseObjectRef(type: string, p: Record<string, unknown>): ObjectRef | string {
  const kind = stringParam(p, 'kind');
  const name = stringParam(p, 'name');
  if (!kind || !name) return `${type} needs "kind" and "name"`;
  const info = resolveKind(kind);
  if (!info) return `${type}: unknown kind "${kind}"`;
  return { kind: info.kind, name, namespace: info.namespaced ? stringParam(p, 'namespace', 'default') : undefined };
}

export function getObject(cluster: Cluster, ref: ObjectRef): KubeObject | undefined {
  return cluster.api.tryGet(ref.kind, ref.namespace, ref.name);
}

export function describeRef(ref: ObjectRef): string {
  return `${kindInfo(ref.kind).kind.toLowerCase()} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}
