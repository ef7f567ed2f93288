import { KubeObject } from './types';
import { FieldError } from './errors';
import { stableJson } from './json';

/** `field.ErrorTypeInvalid` with `apivalidation.FieldImmutableErrorMsg`. */
const IMMUTABLE = 'field is immutable';

/** Go's `%#v` of a string map, keys sorted as fmt prints maps. */
function goStringMap(m: Record<string, string> | undefined): string {
  if (!m) return 'map[string]string(nil)';
  return `map[string]string{${Object.keys(m)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${JSON.stringify(m[k])}`)
    .join(', ')}}`;
}

interface Selector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

/** `%#v` of a `metav1.LabelSelector`, as the API server prints it in `Invalid value: …`. */
export function goLabelSelector(s: Selector | undefined): string {
  if (!s) return 'null';
  const exprs = s.matchExpressions
    ? `[]v1.LabelSelectorRequirement{${s.matchExpressions
        .map((e) => `v1.LabelSelectorRequirement{Key:${JSON.stringify(e.key)}, Operator:${JSON.stringify(e.operator)}, Values:${e.values ? `[]string{${e.values.map((v) => JSON.stringify(v)).join(', ')}}` : '[]string(nil)'}}`)
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${goStringMap(s.matchLabels)}, MatchExpressions:${exprs}}`;
}

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

type Spec = { selector?: Selector; template?: unknown; [k: string]: unknown };
const specOf = (o: KubeObject) => ((o as { spec?: Spec }).spec ?? {}) as Spec;
const changed = (a: unknown, b: unknown) => stableJson(a ?? null) !== stableJson(b ?? null);

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
