import { ConfigMap, Container, Pod, Secret } from '../api/types';
import { ApiServer } from '../apiserver/apiserver';

export type EnvResult = { ok: true; env: Record<string, string> } | { ok: false; message: string };

/**
 * Resolves a container's environment as the kubelet does before creating it. A missing ConfigMap, Secret
 * or key fails with CreateContainerConfigError and the kubelet's own wording.
 */
export function resolveEnv(api: ApiServer, pod: Pod, c: Container, nodeIP: string, podIP: string): EnvResult {
  const ns = pod.metadata.namespace!;
  const env: Record<string, string> = {};
  for (const from of c.envFrom ?? []) {
    const ref = from.configMapRef ?? from.secretRef;
    if (!ref) continue;
    const isSecret = !!from.secretRef;
    const obj = api.tryGet<ConfigMap | Secret>(isSecret ? 'Secret' : 'ConfigMap', ns, ref.name);
    if (!obj) {
      if (ref.optional) continue;
      return { ok: false, message: `${isSecret ? 'secret' : 'configmap'} "${ref.name}" not found` };
    }
    for (const [k, v] of Object.entries(obj.data ?? {})) env[(from.prefix ?? '') + k] = isSecret ? decode(v) : v;
  }
  for (const e of c.env ?? []) {
    if (e.value !== undefined) env[e.name] = e.value;
    else if (e.valueFrom?.configMapKeyRef || e.valueFrom?.secretKeyRef) {
      const isSecret = !!e.valueFrom.secretKeyRef;
      const ref = (e.valueFrom.secretKeyRef ?? e.valueFrom.configMapKeyRef)!;
      const obj = api.tryGet<ConfigMap | Secret>(isSecret ? 'Secret' : 'ConfigMap', ns, ref.name);
      if (!obj) {
        if (ref.optional) continue;
        return { ok: false, message: `${isSecret ? 'secret' : 'configmap'} "${ref.name}" not found` };
      }
      const value = obj.data?.[ref.key];
      if (value === undefined) {
        if (ref.optional) continue;
        return { ok: false, message: `couldn't find key ${ref.key} in ${isSecret ? 'Secret' : 'ConfigMap'} ${ns}/${ref.name}` };
      }
      env[e.name] = isSecret ? decode(value) : value;
    } else if (e.valueFrom?.fieldRef) {
      env[e.name] = fieldRefValue(pod, e.valueFrom.fieldRef.fieldPath, nodeIP, podIP);
    } else env[e.name] = '';
  }
  return { ok: true, env };
}

function decode(b64: string): string {
  return Buffer.from(b64, 'base64').toString('utf8');
}

function fieldRefValue(pod: Pod, path: string, nodeIP: string, podIP: string): string {
  switch (path) {
    case 'metadata.name':
      return pod.metadata.name;
    case 'metadata.namespace':
      return pod.metadata.namespace ?? '';
    case 'metadata.uid':
      return pod.metadata.uid ?? '';
    case 'spec.nodeName':
      return pod.spec.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec.serviceAccountName ?? '';
    case 'status.hostIP':
      return nodeIP;
    case 'status.podIP':
      return podIP;
    default:
      return '';
  }
}
