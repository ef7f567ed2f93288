import { KubeObject, MetaLabelSelector } from './types';
import { goLabelSelector } from './label-selector';
import { FieldError } from './errors';
import { sameJson } from './json';

/** `field.ErrorTypeInvalid` with `apivalidation.FieldImmutableErrorMsg`. */
const IMMUTABLE = 'field is immutable';

/**
 * A Go-syntax rendering of a JSON value with exported field names (`{Containers:[...]}`). The API server
 * prints the whole internal struct with `%#v`; this keeps its shape without every zero-valued field.
 */
function goValue(v: unknown): string {
  if (v === null || v === undefined) return 'nil';
  if (Array.isArray(v)) return `[]{${v.map(goValue).join(', ')}}`;
  if (typeof v === 'object')
    return `{${Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k[0].toUpperCase()}${k.slice(1)}:${goValue(x)}`)
      .join(', ')}}`;
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

type Spec = { selector?: MetaLabelSelector; template?: unknown; [k: string]: unknown };
const specOf = (o: KubeObject) => ((o as { spec?: Spec }).spec ?? {}) as Spec;
const changed = (a: unknown, b: unknown) => !sameJson(a ?? null, b ?? null);

function selectorImmutable(next: KubeObject, current: KubeObject): FieldError[] {
  const [n, c] = [specOf(next).selector, specOf(current).selector];
  return changed(n, c) ? [{ field: 'spec.selector', detail: `Invalid value: ${goLabelSelector(n)}: ${IMMUTABLE}`, type: 'FieldValueInvalid' }] : [];
}

/** ValidateJobUpdate: the selector and (for a job that is not suspended) the pod template are immutable. */
function jobImmutable(next: KubeObject, current: KubeObject): FieldError[] {
  const errors = selectorImmutable(next, current);
  const [n, c] = [specOf(next).template, specOf(current).template];
  if (changed(n, c)) errors.push({ field: 'spec.template', detail: `Invalid value: core.PodTemplateSpec${goValue(n)}: ${IMMUTABLE}`, type: 'FieldValueInvalid' });
  return errors;
}

/** ValidatePersistentVolumeClaimUpdate: only resources.requests (expansion) may change. */
function pvcImmutable(next: KubeObject, current: KubeObject): FieldError[] {
  const strip = (o: KubeObject) => {
    const spec = structuredClone(specOf(o)) as Spec & { resources?: { requests?: unknown } };
    if (spec.resources) delete spec.resources.requests;
    // The binder fills volumeName (and a default class) once; setting an empty one is not a change.
    for (const f of ['volumeName', 'storageClassName']) if (!specOf(current)[f] || !specOf(next)[f]) delete spec[f];
    delete spec.volumeAttributesClassName;
    return spec;
  };
  if (!changed(strip(next), strip(current))) return [];
  return [{ field: 'spec', detail: 'Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims', type: 'FieldValueForbidden' }];
}

/** Fields the API server refuses to change on update, by kind (the `ValidateUpdate` of each REST strategy). */
export const IMMUTABLE_FIELDS: Record<string, (next: KubeObject, current: KubeObject) => FieldError[]> = {
  Deployment: selectorImmutable,
  ReplicaSet: selectorImmutable,
  Job: jobImmutable,
  PersistentVolumeClaim: pvcImmutable,
};
