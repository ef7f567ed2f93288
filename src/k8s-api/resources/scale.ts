import { KubeObject } from '../../cluster-engine';
import { formatMetaSelector } from '../../cluster-engine/api/label-selector';
import { badRequest } from '../../cluster-engine/api/errors';
import { mergePatch } from '../../cluster-engine/api/patch/merge-patch';
import { jsonPatch } from '../../cluster-engine/api/patch/json-patch';
import { K8sRequest } from '../http/request';
import { decodeBody, mediaType } from './body';

type Scalable = KubeObject & { spec?: { replicas?: number; selector?: Parameters<typeof formatMetaSelector>[0] }; status?: { replicas?: number } };

/** The `autoscaling/v1` Scale of a Deployment or ReplicaSet (`status.selector` is a string). */
export function scaleOf(obj: KubeObject): Record<string, unknown> {
  const o = obj as Scalable;
  const { name, namespace, uid, resourceVersion, creationTimestamp } = o.metadata;
  const selector = formatMetaSelector(o.spec?.selector);
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: o.spec?.replicas ?? 0 },
    status: { replicas: o.status?.replicas ?? 0, ...(selector && selector !== '<none>' ? { selector } : {}) },
  };
}

/** The replica count a PUT or PATCH of `/scale` asks for. */
export function scaleReplicas(req: K8sRequest, current: KubeObject): number {
  const type = mediaType(req.headers['content-type']);
  const body = decodeBody(req.body, req.headers['content-type']);
  const base = scaleOf(current);
  const next = (req.method === 'PUT' ? body : type === 'application/json-patch+json' ? jsonPatch(base, body) : mergePatch(base, body)) as { spec?: { replicas?: unknown } };
  const replicas = next?.spec?.replicas;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas)) throw badRequest('Scale in version "v1" cannot be handled as a Scale: spec.replicas must be an integer');
  if (replicas < 0) throw badRequest(`Scale.autoscaling "${current.metadata.name}" is invalid: spec.replicas: Invalid value: ${replicas}: must be greater than or equal to 0`);
  return replicas;
}
