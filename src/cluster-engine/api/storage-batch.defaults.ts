import { Job, KubeObject, LimitRange, PersistentVolume, PersistentVolumeClaim, PriorityClass, StorageClass } from './types';

/**
 * Server-side defaults for the storage, batch, quota and scheduling kinds (`pkg/apis/{core,batch,storage,scheduling}/v1/defaults.go`
 * and the Job strategy's `generateSelector`).
 */
export function defaultPersistentVolumeClaim(obj: KubeObject): void {
  const pvc = obj as PersistentVolumeClaim;
  pvc.spec ??= {};
  pvc.spec.volumeMode ??= 'Filesystem';
  pvc.status = { phase: 'Pending', ...(pvc.status ?? {}) };
}

export function defaultPersistentVolume(obj: KubeObject): void {
  const pv = obj as PersistentVolume;
  pv.spec ??= {};
  pv.spec.persistentVolumeReclaimPolicy ??= 'Retain';
  pv.spec.volumeMode ??= 'Filesystem';
  pv.status = { phase: 'Pending', ...(pv.status ?? {}) };
}

export function defaultStorageClass(obj: KubeObject): void {
  const sc = obj as StorageClass;
  sc.reclaimPolicy ??= 'Delete';
  sc.volumeBindingMode ??= 'Immediate';
}

export function defaultPriorityClass(obj: KubeObject): void {
  (obj as PriorityClass).preemptionPolicy ??= 'PreemptLowerPriority';
}

export function defaultLimitRange(obj: KubeObject): void {
  const lr = obj as LimitRange;
  lr.spec ??= { limits: [] };
  lr.spec.limits ??= [];
  // A Container limit with only max set defaults `default` (and so `defaultRequest`) to max.
  for (const item of lr.spec.limits) {
    if (item.type !== 'Container') continue;
    if (item.max) item.default = { ...item.max, ...(item.default ?? {}) };
    if (item.default) item.defaultRequest = { ...item.default, ...(item.defaultRequest ?? {}) };
    if (item.min) item.defaultRequest = { ...item.min, ...(item.defaultRequest ?? {}) };
  }
}

export function defaultJob(obj: KubeObject): void {
  const job = obj as Job;
  job.spec ??= { template: { spec: { containers: [] } } };
  const spec = job.spec;
  if (spec.completions === undefined && spec.parallelism === undefined) spec.completions = 1;
  spec.parallelism ??= 1;
  spec.backoffLimit ??= 6;
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  spec.podReplacementPolicy ??= 'TerminatingOrFailed';
  spec.manualSelector ??= undefined;
  if (spec.manualSelector === undefined) delete spec.manualSelector;
  spec.template ??= { spec: { containers: [] } };
  spec.template.spec ??= { containers: [] };
  const t = spec.template.spec;
  t.terminationGracePeriodSeconds ??= 30;
  t.dnsPolicy ??= 'ClusterFirst';
  t.schedulerName ??= 'default-scheduler';
  t.securityContext ??= {};
  // generateSelector: the controller-uid label ties the Job to its pods.
  const uid = job.metadata.uid;
  if (uid && !spec.selector) {
    spec.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
    const meta = (spec.template.metadata ??= {});
    meta.labels = {
      ...(meta.labels ?? {}),
      'batch.kubernetes.io/controller-uid': uid,
      'batch.kubernetes.io/job-name': job.metadata.name,
      'controller-uid': uid,
      'job-name': job.metadata.name,
    };
  }
  // SetDefaults_Job: a Job without labels takes its template's.
  const templateLabels = spec.template.metadata?.labels;
  if (templateLabels && Object.keys(job.metadata.labels ?? {}).length === 0) job.metadata.labels = { ...templateLabels };
}
