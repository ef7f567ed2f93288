import { FieldError } from './errors';
import { unsupported } from './field-errors';
import { KubeObject, PodDisruptionBudget } from './types';
import { goIntOrString } from './apps.validation';

const PERCENT = /^[0-9]+%$/;
const invalid = (field: string, detail: string): FieldError => ({ field, detail, type: 'FieldValueInvalid' });

/** `ValidatePositiveIntOrPercent` + `IsNotMoreThan100Percent` for minAvailable / maxUnavailable. */
function intOrPercent(v: unknown, field: string): FieldError[] {
  if (v === undefined || v === null) return [];
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? [] : [invalid(field, `Invalid value: ${v}: must be greater than or equal to 0`)];
  if (typeof v !== 'string' || !PERCENT.test(v)) return [invalid(field, `Invalid value: ${goIntOrString(typeof v === 'string' ? v : String(v))}: must be an integer or percentage (e.g '5%')`)];
  return Number.parseInt(v, 10) > 100 ? [invalid(field, `Invalid value: ${goIntOrString(v)}: must not be greater than 100%`)] : [];
}

/** `ValidatePodDisruptionBudgetSpec` (policy/v1). */
export function validatePodDisruptionBudget(obj: KubeObject): FieldError[] {
  const spec = (obj as PodDisruptionBudget).spec ?? {};
  const errors: FieldError[] = [];
  const has = (v: unknown) => v !== undefined && v !== null;
  if (has(spec.minAvailable) && has(spec.maxUnavailable)) {
    // The API server prints the whole spec struct with %#v: its pointer fields show as addresses.
    const ptr = (v: unknown, type: string) => (has(v) ? `(*${type})(0xc000d3a4e0)` : `(*${type})(nil)`);
    const value = `policy.PodDisruptionBudgetSpec{MinAvailable:${ptr(spec.minAvailable, 'intstr.IntOrString')}, Selector:${ptr(spec.selector, 'v1.LabelSelector')}, MaxUnavailable:${ptr(spec.maxUnavailable, 'intstr.IntOrString')}, UnhealthyPodEvictionPolicy:${ptr(spec.unhealthyPodEvictionPolicy, 'policy.UnhealthyPodEvictionPolicyType')}}`;
    errors.push(invalid('spec', `Invalid value: ${value}: minAvailable and maxUnavailable cannot be both set`));
  }
  errors.push(...intOrPercent(spec.minAvailable, 'spec.minAvailable'), ...intOrPercent(spec.maxUnavailable, 'spec.maxUnavailable'));
  const policy = spec.unhealthyPodEvictionPolicy;
  if (policy !== undefined && policy !== 'IfHealthyBudget' && policy !== 'AlwaysAllow') {
    errors.push(unsupported('spec.unhealthyPodEvictionPolicy', policy, ['AlwaysAllow', 'IfHealthyBudget']));
  }
  return errors;
}
