import { defaultBinding } from './rbac.validation';
import { Container, KubeObject, Pod, Probe } from './types';
import { parseImageRef } from '../runtime/registry';
import { defaultDeployment, defaultReplicaSet } from './apps.defaults';
import { defaultService, defaultServiceAccount } from './service.defaults';
import { defaultJob, defaultLimitRange, defaultPersistentVolume, defaultPersistentVolumeClaim, defaultPriorityClass, defaultStorageClass } from './storage-batch.defaults';

/**
 * Server-side defaulting per kind, as `pkg/apis/<group>/v1/defaults.go` does it for the fields the
 * simulation reads. Adding a kind's defaults is one function and one line here.
 */
const DEFAULTERS: Record<string, (obj: KubeObject) => void> = {
  Deployment: (obj) => defaultDeployment(obj),
  ReplicaSet: (obj) => defaultReplicaSet(obj),
  Service: defaultService,
  ServiceAccount: defaultServiceAccount,
  Pod: (obj) => defaultPod(obj as Pod),
  Namespace: defaultNamespace,
  Secret: defaultSecret,
  PersistentVolumeClaim: defaultPersistentVolumeClaim,
  PersistentVolume: defaultPersistentVolume,
  StorageClass: defaultStorageClass,
  PriorityClass: defaultPriorityClass,
  LimitRange: defaultLimitRange,
  Job: defaultJob,
  RoleBinding: defaultBinding,
  ClusterRoleBinding: defaultBinding,
};

export function applyDefaults(obj: KubeObject): void {
  DEFAULTERS[obj.kind]?.(obj);
}

function defaultNamespace(obj: KubeObject): void {
  obj.spec = { finalizers: ['kubernetes'], ...(obj.spec as object) };
  obj.status = { phase: 'Active', ...(obj.status as object) };
}

function defaultSecret(obj: KubeObject): void {
  const secret = obj as KubeObject & { type?: string; data?: Record<string, string>; stringData?: Record<string, string> };
  secret.type ??= 'Opaque';
  if (secret.stringData) {
    secret.data = { ...(secret.data ?? {}) };
    for (const [k, v] of Object.entries(secret.stringData)) secret.data[k] = Buffer.from(v, 'utf8').toString('base64');
    delete secret.stringData;
  }
}

function defaultPod(pod: Pod): void {
  // A body without spec (or containers) decodes to Go zero values: ranging over them is empty, and
  // validation reports `spec.containers: Required value` instead of admission crashing.
  pod.spec ??= { containers: [] };
  pod.spec.containers ??= [];
  const spec = pod.spec;
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.schedulerName ??= 'default-scheduler';
  spec.securityContext ??= {};
  spec.enableServiceLinks ??= true;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  for (const c of spec.initContainers ?? []) defaultContainer(c);
  for (const c of spec.containers ?? []) defaultContainer(c);
  pod.status = { phase: 'Pending', ...(pod.status ?? {}) };
  pod.status.qosClass = qosClass(pod);
}

function defaultContainer(c: Container): void {
  if (c.imagePullPolicy === undefined && typeof c.image === 'string') {
    const ref = parseImageRef(c.image);
    c.imagePullPolicy = !ref || ref.tag === 'latest' ? 'Always' : 'IfNotPresent';
  }
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  c.resources ??= {};
  const { requests, limits } = c.resources;
  if (limits) {
    // Requests default to limits for every resource that has a limit and no request.
    c.resources.requests = { ...limits, ...(requests ?? {}) };
  }
  for (const p of c.ports ?? []) p.protocol ??= 'TCP';
  for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) if (probe) defaultProbe(probe);
}

function defaultProbe(p: Probe): void {
  p.timeoutSeconds ??= 1;
  p.periodSeconds ??= 10;
  p.successThreshold ??= 1;
  p.failureThreshold ??= 3;
  if (p.httpGet) {
    p.httpGet.scheme ??= 'HTTP';
    p.httpGet.path ??= '/';
  }
}

/** `qos.GetPodQOS`: Guaranteed, Burstable or BestEffort. */
export function qosClass(pod: Pod): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const all = [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of all) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    for (const r of ['cpu', 'memory']) {
      if (!lim[r] || (req[r] !== undefined && req[r] !== lim[r])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
