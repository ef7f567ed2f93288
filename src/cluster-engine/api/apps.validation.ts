import { Deployment, KubeObject, MetaLabelSelector, Pod, PodTemplateSpec, ReplicaSet } from './types';
import { FieldError } from './errors';
import { validatePodSpec } from './validation';
import { goLabelSelector, goMapString, isEmptySelector, metaSelectorMatches } from './label-selector';

const PERCENT = /^[0-9]+%$/;
const PERCENT_MSG = "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringMap = (v: unknown): boolean => isObject(v) && Object.values(v).every((x) => typeof x === 'string');
const err = (field: string, detail: string, type: FieldError['type'] = 'FieldValueInvalid'): FieldError => ({ field, detail, type });

/** Go's `%#v` of an IntOrString, as apps validation prints it. */
export function goIntOrString(v: number | string): string {
  return typeof v === 'number' ? `intstr.IntOrString{Type:0, IntVal:${v}, StrVal:""}` : `intstr.IntOrString{Type:1, IntVal:0, StrVal:${JSON.stringify(v)}}`;
}

function nonNegative(value: unknown, field: string): FieldError[] {
  if (value === undefined) return [];
  if (typeof value !== 'number' || !Number.isInteger(value)) return [err(field, `Invalid value: ${JSON.stringify(value)}: must be an integer`)];
  return value < 0 ? [err(field, `Invalid value: ${value}: must be greater than or equal to 0`)] : [];
}

/** The lists a pod spec must hold as lists of objects (what the decoder would refuse otherwise); undefined when fine. */
export function malformedPodSpec(spec: unknown): string | undefined {
  if (spec === undefined || spec === null) return undefined;
  if (!isObject(spec)) return 'spec';
  for (const f of ['containers', 'initContainers', 'volumes', 'tolerations']) {
    const v = spec[f];
    if (v !== undefined && v !== null && (!Array.isArray(v) || v.some((x) => !isObject(x)))) return f;
  }
  return undefined;
}

/** `ValidatePodTemplateSpecForReplicaSet`: selector required and non-empty, template labels matching it, a valid pod spec with restartPolicy Always. */
function validateSelectorAndTemplate(kind: string, selector: MetaLabelSelector | undefined, template: PodTemplateSpec | undefined): FieldError[] {
  const errors: FieldError[] = [];
  if (!isObject(selector)) errors.push(err('spec.selector', 'Required value', 'FieldValueRequired'));
  else if ((selector.matchLabels !== undefined && !isStringMap(selector.matchLabels)) || (selector.matchExpressions !== undefined && !Array.isArray(selector.matchExpressions))) {
    errors.push(err('spec.selector', `Invalid value: ${JSON.stringify(selector)}: invalid label selector`));
    return errors;
  } else if ((selector.matchExpressions ?? []).some((r) => !isObject(r) || typeof r.key !== 'string' || !['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(r.operator as string))) {
    errors.push(err('spec.selector.matchExpressions', `Invalid value: ${JSON.stringify(selector.matchExpressions)}: invalid label selector requirement`));
    return errors;
  } else if (isEmptySelector(selector)) errors.push(err('spec.selector', `Invalid value: ${goLabelSelector(selector)}: empty selector is invalid for ${kind}`));
  if (!isObject(template)) {
    errors.push(err('spec.template', 'Required value', 'FieldValueRequired'));
    return errors;
  }
  if (template.metadata !== undefined && (!isObject(template.metadata) || (template.metadata.labels !== undefined && !isStringMap(template.metadata.labels)))) {
    errors.push(err('spec.template.metadata', `Invalid value: ${JSON.stringify(template.metadata)}: must be an object with string labels`));
    return errors;
  }
  const labels = isObject(template.metadata) ? (template.metadata.labels as Record<string, string> | undefined) : undefined;
  if (isObject(selector) && !isEmptySelector(selector) && !metaSelectorMatches(selector, labels)) {
    errors.push(err('spec.template.metadata.labels', `Invalid value: ${goMapString(labels)}: \`selector\` does not match template \`labels\``));
  }
  const bad = malformedPodSpec(template.spec);
  if (bad) {
    errors.push(err(`spec.template.spec${bad === 'spec' ? '' : `.${bad}`}`, `Invalid value: ${JSON.stringify(bad === 'spec' ? template.spec : (template.spec as unknown as Record<string, unknown>)[bad])}: must be ${bad === 'spec' ? 'an object' : 'a list of objects'}`));
    return errors;
  }
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'template' }, spec: template.spec, status: {} } as Pod;
  for (const e of validatePodSpec(pod)) errors.push({ ...e, field: e.field.replace(/^spec/, 'spec.template.spec') });
  const rp = isObject(template.spec) ? template.spec.restartPolicy : undefined;
  if (rp !== undefined && rp !== 'Always') errors.push(err('spec.template.spec.restartPolicy', `Unsupported value: ${JSON.stringify(rp)}: supported values: "Always"`, 'FieldValueNotSupported'));
  return errors;
}

function validateIntOrPercent(v: unknown, field: string): { errors: FieldError[]; zero: boolean } {
  if (v === undefined) return { errors: [], zero: true };
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < 0) return { errors: [err(field, `Invalid value: ${v}: must be greater than or equal to 0`)], zero: false };
    return { errors: [], zero: v === 0 };
  }
  if (typeof v === 'string') {
    if (!PERCENT.test(v)) return { errors: [err(field, `Invalid value: ${JSON.stringify(v)}: ${PERCENT_MSG}`)], zero: false };
    const n = parseInt(v, 10);
    if (n > 100) return { errors: [err(field, `Invalid value: ${JSON.stringify(v)}: must not be greater than 100%`)], zero: false };
    return { errors: [], zero: n === 0 };
  }
  return { errors: [err(field, `Invalid value: ${JSON.stringify(v)}: must be an integer or percentage (e.g '5%')`)], zero: false };
}

export function validateDeployment(obj: KubeObject): FieldError[] {
  const d = obj as Deployment;
  if (!isObject(d.spec)) return [err('spec.selector', 'Required value', 'FieldValueRequired'), err('spec.template', 'Required value', 'FieldValueRequired')];
  const spec = d.spec;
  const errors = [...nonNegative(spec.replicas, 'spec.replicas'), ...validateSelectorAndTemplate('deployment', spec.selector, spec.template)];
  const strategy = spec.strategy;
  if (strategy !== undefined && !isObject(strategy)) errors.push(err('spec.strategy', `Invalid value: ${JSON.stringify(strategy)}: must be an object`));
  if (isObject(strategy)) {
    if (strategy.type !== 'RollingUpdate' && strategy.type !== 'Recreate') {
      errors.push(err('spec.strategy.type', `Unsupported value: ${JSON.stringify(strategy.type)}: supported values: "Recreate", "RollingUpdate"`, 'FieldValueNotSupported'));
    } else if (strategy.type === 'Recreate' && strategy.rollingUpdate) {
      errors.push(err('spec.strategy.rollingUpdate', "Forbidden: may not be specified when strategy `type` is 'Recreate'", 'FieldValueForbidden'));
    } else if (strategy.type === 'RollingUpdate' && isObject(strategy.rollingUpdate)) {
      const ru = strategy.rollingUpdate;
      const surge = validateIntOrPercent(ru.maxSurge, 'spec.strategy.rollingUpdate.maxSurge');
      const unav = validateIntOrPercent(ru.maxUnavailable, 'spec.strategy.rollingUpdate.maxUnavailable');
      errors.push(...unav.errors, ...surge.errors);
      if (!unav.errors.length && !surge.errors.length && unav.zero && surge.zero) {
        errors.push(err('spec.strategy.rollingUpdate.maxUnavailable', `Invalid value: ${goIntOrString(ru.maxUnavailable as number | string)}: may not be 0 when \`maxSurge\` is 0`));
      }
    }
  }
  errors.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errors.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  if (spec.progressDeadlineSeconds !== undefined) {
    errors.push(...nonNegative(spec.progressDeadlineSeconds, 'spec.progressDeadlineSeconds'));
    if (typeof spec.progressDeadlineSeconds === 'number' && spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
      errors.push(err('spec.progressDeadlineSeconds', `Invalid value: ${spec.progressDeadlineSeconds}: must be greater than minReadySeconds`));
    }
  }
  return errors;
}

export function validateReplicaSet(obj: KubeObject): FieldError[] {
  const rs = obj as ReplicaSet;
  if (!isObject(rs.spec)) return [err('spec.selector', 'Required value', 'FieldValueRequired'), err('spec.template', 'Required value', 'FieldValueRequired')];
  return [
    ...nonNegative(rs.spec.replicas, 'spec.replicas'),
    ...validateSelectorAndTemplate('replicaset', rs.spec.selector, rs.spec.template),
    ...nonNegative(rs.spec.minReadySeconds, 'spec.minReadySeconds'),
  ];
}
