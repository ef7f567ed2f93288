import { Container, KubeObject, Pod } from './types';
import { FieldError } from './errors';
import { required, unsupported } from './field-errors';
import { isValidQuantity, parseQuantity } from './quantity';
import { stableJson } from './json';
import { validateDeployment, validateReplicaSet } from './apps.validation';
import { validateEndpoints, validateEndpointSlice, validateService } from './service.validation';
import { validateBinding, validateRole } from './rbac.validation';
import { validatePodDisruptionBudget } from './policy.validation';
import { validateJob, validatePersistentVolume, validatePersistentVolumeClaim, validatePriorityClass } from './storage-batch.validation';

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

function invalidValue(field: string, value: unknown, why: string): FieldError {
  return { field, detail: `Invalid value: ${JSON.stringify(value)}: ${why}`, type: 'FieldValueInvalid' };
}

/** Validation on create, as `pkg/apis/core/validation` words it. Returns every error found. */
export function validateObject(obj: KubeObject, namespaced: boolean): FieldError[] {
  const errors: FieldError[] = [];
  const name = obj.metadata?.name;
  if (!name) errors.push(required('metadata.name'));
  // Namespace names are DNS labels; most other names are DNS subdomains.
  else if (obj.kind === 'Namespace') {
    if (name.length > 63 || !DNS1123_LABEL.test(name)) errors.push(invalidValue('metadata.name', name, LABEL_MSG));
  } else if (name.length > 253 || !DNS1123_SUBDOMAIN.test(name)) errors.push(invalidValue('metadata.name', name, SUBDOMAIN_MSG));
  if (namespaced && obj.metadata?.namespace && !DNS1123_LABEL.test(obj.metadata.namespace)) {
    errors.push(invalidValue('metadata.namespace', obj.metadata.namespace, LABEL_MSG));
  }
  errors.push(...(VALIDATORS[obj.kind]?.(obj) ?? []));
  return errors;
}

/** Kind-specific validation on create and update; adding a kind's rules is one function and one line here. */
const VALIDATORS: Record<string, (obj: KubeObject) => FieldError[]> = {
  Deployment: (obj) => validateDeployment(obj),
  ReplicaSet: (obj) => validateReplicaSet(obj),
  Service: validateService,
  Endpoints: validateEndpoints,
  EndpointSlice: validateEndpointSlice,
  Pod: (obj) => validatePodSpec(obj as Pod),
  PersistentVolumeClaim: validatePersistentVolumeClaim,
  PersistentVolume: validatePersistentVolume,
  Job: validateJob,
  PriorityClass: validatePriorityClass,
  Role: validateRole,
  ClusterRole: validateRole,
  RoleBinding: validateBinding,
  ClusterRoleBinding: validateBinding,
  PodDisruptionBudget: validatePodDisruptionBudget,
};

export function validatePodSpec(pod: Pod): FieldError[] {
  const errors: FieldError[] = [];
  const spec = pod.spec;
  if (!spec || typeof spec !== 'object') return [required('spec')];
  if (!Array.isArray(spec.containers) || spec.containers.length === 0) errors.push(required('spec.containers'));
  const names = new Set<string>();
  const check = (list: Container[] | undefined, path: string) => {
    (list ?? []).forEach((c, i) => errors.push(...validateContainer(c, `${path}[${i}]`, names)));
  };
  check(spec.initContainers, 'spec.initContainers');
  check(Array.isArray(spec.containers) ? spec.containers : [], 'spec.containers');
  if (spec.restartPolicy && !['Always', 'OnFailure', 'Never'].includes(spec.restartPolicy)) {
    errors.push(unsupported('spec.restartPolicy', spec.restartPolicy, ['Always', 'OnFailure', 'Never']));
  }
  for (const [i, t] of (spec.tolerations ?? []).entries()) {
    if (t.operator === 'Exists' && t.value) errors.push(invalidValue(`spec.tolerations[${i}].operator`, t.operator, 'value must be empty when `operator` is \'Exists\''));
    if (t.effect && !['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(t.effect)) {
      errors.push(unsupported(`spec.tolerations[${i}].effect`, t.effect, ['NoExecute', 'NoSchedule', 'PreferNoSchedule']));
    }
  }
  return errors;
}

function validateContainer(c: Container, path: string, names: Set<string>): FieldError[] {
  const errors: FieldError[] = [];
  if (!c || typeof c !== 'object') return [required(path)];
  if (!c.name) errors.push(required(`${path}.name`));
  else if (!DNS1123_LABEL.test(c.name)) errors.push(invalidValue(`${path}.name`, c.name, LABEL_MSG));
  else if (names.has(c.name)) errors.push({ field: `${path}.name`, detail: `Duplicate value: "${c.name}"`, type: 'FieldValueDuplicate' });
  else names.add(c.name);
  if (!c.image || (typeof c.image === 'string' && c.image.trim() === '')) errors.push(required(`${path}.image`));
  if (c.imagePullPolicy && !['Always', 'IfNotPresent', 'Never'].includes(c.imagePullPolicy)) {
    errors.push(unsupported(`${path}.imagePullPolicy`, c.imagePullPolicy, ['Always', 'IfNotPresent', 'Never']));
  }
  for (const [i, p] of (c.ports ?? []).entries()) {
    if (!Number.isInteger(p.containerPort) || p.containerPort < 1 || p.containerPort > 65535) {
      errors.push(invalidValue(`${path}.ports[${i}].containerPort`, p.containerPort, 'must be between 1 and 65535, inclusive'));
    }
  }
  const res = c.resources ?? {};
  for (const kind of ['requests', 'limits'] as const) {
    for (const [r, q] of Object.entries(res[kind] ?? {})) {
      if (!isValidQuantity(q)) errors.push(invalidValue(`${path}.resources.${kind}[${r}]`, q, 'must be a valid quantity'));
    }
  }
  for (const [r, q] of Object.entries(res.requests ?? {})) {
    const limit = res.limits?.[r];
    if (limit !== undefined && isValidQuantity(q) && isValidQuantity(limit) && parseQuantity(q)! > parseQuantity(limit)!) {
      errors.push(invalidValue(`${path}.resources.requests`, q, `must be less than or equal to ${r} limit of ${limit}`));
    }
  }
  for (const [i, e] of (c.env ?? []).entries()) {
    if (!e.name) errors.push(required(`${path}.env[${i}].name`));
  }
  return errors;
}

const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/** Pods are mostly immutable: only images, tolerations (additions) and a few fields may change. */
export function validatePodUpdate(oldPod: Pod, newPod: Pod): FieldError[] {
  const strip = (p: Pod) => {
    const spec = structuredClone(p.spec);
    for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) c.image = '';
    delete spec.tolerations;
    delete spec.activeDeadlineSeconds;
    delete spec.terminationGracePeriodSeconds;
    delete spec.nodeName;
    return stableJson(spec);
  };
  const errors: FieldError[] = [];
  if (strip(oldPod) !== strip(newPod) || !sameContainers(oldPod, newPod)) {
    errors.push({ field: 'spec', detail: `Forbidden: ${POD_UPDATE_FORBIDDEN}`, type: 'FieldValueForbidden' });
  }
  if (oldPod.spec.nodeName && newPod.spec.nodeName !== oldPod.spec.nodeName) {
    errors.push({ field: 'spec.nodeName', detail: 'Forbidden: may not be changed once set', type: 'FieldValueForbidden' });
  }
  const oldTol = stableJson(oldPod.spec.tolerations ?? []);
  const kept = (newPod.spec.tolerations ?? []).slice(0, (oldPod.spec.tolerations ?? []).length);
  if (stableJson(kept) !== oldTol && errors.length === 0) {
    errors.push({ field: 'spec', detail: `Forbidden: ${POD_UPDATE_FORBIDDEN}`, type: 'FieldValueForbidden' });
  }
  return errors;
}

function sameContainers(a: Pod, b: Pod): boolean {
  const shape = (p: Pod) => stableJson([...(p.spec.initContainers ?? []), ...(p.spec.containers ?? [])].map((c) => ({ ...c, image: '' })));
  return shape(a) === shape(b);
}
