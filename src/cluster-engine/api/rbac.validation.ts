import { FieldError } from './errors';
import { required, unsupported } from './field-errors';
import { KubeObject } from './types';
import { ClusterRoleBinding, PolicyRule, RBAC_GROUP, RoleBinding, Subject } from './rbac.types';

/** pkg/apis/rbac/validation: rules of Roles and ClusterRoles, roleRef and subjects of bindings. */
const invalid = (field: string, value: unknown, why: string): FieldError => ({ field, detail: `Invalid value: ${goValue(value)}: ${why}`, type: 'FieldValueInvalid' });

/** Go's %v of a []string: `[a b]`. */
function goValue(v: unknown): string {
  return Array.isArray(v) ? `[]string{${v.map((s) => JSON.stringify(s)).join(', ')}}` : JSON.stringify(v);
}

function validateRule(rule: PolicyRule, path: string, namespaced: boolean): FieldError[] {
  const errors: FieldError[] = [];
  if (!rule || typeof rule !== 'object') return [required(path)];
  if (!rule.verbs?.length) errors.push(required(`${path}.verbs`, 'verbs must contain at least one value'));
  if (rule.nonResourceURLs?.length) {
    if (namespaced) errors.push(invalid(`${path}.nonResourceURLs`, rule.nonResourceURLs, 'namespaced rules cannot apply to non-resource URLs'));
    if (rule.apiGroups?.length || rule.resources?.length || rule.resourceNames?.length) {
      errors.push(invalid(`${path}.nonResourceURLs`, rule.nonResourceURLs, 'rules cannot apply to both regular resources and non-resource URLs'));
    }
    return errors;
  }
  if (!rule.apiGroups?.length) errors.push(required(`${path}.apiGroups`, 'resource rules must supply at least one api group'));
  if (!rule.resources?.length) errors.push(required(`${path}.resources`, 'resource rules must supply at least one resource'));
  return errors;
}

export function validateRole(obj: KubeObject): FieldError[] {
  const rules = (obj as { rules?: PolicyRule[] }).rules ?? [];
  return rules.flatMap((r, i) => validateRule(r, `rules[${i}]`, obj.kind === 'Role'));
}

function validateSubject(s: Subject, path: string, clusterBinding: boolean): FieldError[] {
  if (!s || typeof s !== 'object') return [required(path)];
  const errors: FieldError[] = [];
  if (!s.name) errors.push(required(`${path}.name`));
  switch (s.kind) {
    case 'ServiceAccount':
      if (s.apiGroup) errors.push(unsupported(`${path}.apiGroup`, s.apiGroup, ['']));
      if (clusterBinding && !s.namespace) errors.push(required(`${path}.namespace`));
      break;
    case 'User':
    case 'Group':
      if (s.apiGroup !== RBAC_GROUP) errors.push(unsupported(`${path}.apiGroup`, s.apiGroup ?? '', [RBAC_GROUP]));
      break;
    default:
      errors.push(unsupported(`${path}.kind`, s.kind ?? '', ['ServiceAccount', 'User', 'Group']));
  }
  return errors;
}

export function validateBinding(obj: KubeObject): FieldError[] {
  const b = obj as RoleBinding | ClusterRoleBinding;
  const clusterBinding = obj.kind === 'ClusterRoleBinding';
  const errors: FieldError[] = [];
  const ref = b.roleRef ?? ({} as RoleBinding['roleRef']);
  if (ref.apiGroup !== RBAC_GROUP) errors.push(unsupported('roleRef.apiGroup', ref.apiGroup ?? '', [RBAC_GROUP]));
  const kinds = clusterBinding ? ['ClusterRole'] : ['Role', 'ClusterRole'];
  if (!kinds.includes(ref.kind)) errors.push(unsupported('roleRef.kind', ref.kind ?? '', kinds));
  if (!ref.name) errors.push(required('roleRef.name'));
  (b.subjects ?? []).forEach((s, i) => errors.push(...validateSubject(s, `subjects[${i}]`, clusterBinding)));
  return errors;
}

/** The roleRef of a binding cannot change: delete and recreate it instead. */
export function prepareBindingUpdate(next: KubeObject, current: KubeObject): FieldError[] {
  const a = (current as RoleBinding).roleRef;
  const b = (next as RoleBinding).roleRef;
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  const v = b ?? { apiGroup: '', kind: '', name: '' };
  return [{ field: 'roleRef', detail: `Invalid value: rbac.RoleRef{APIGroup:"${v.apiGroup}", Kind:"${v.kind}", Name:"${v.name}"}: cannot change roleRef`, type: 'FieldValueInvalid' }];
}

/** SetDefaults_Subject: User and Group subjects belong to the RBAC group. */
export function defaultBinding(obj: KubeObject): void {
  for (const s of (obj as RoleBinding).subjects ?? []) {
    if (s && typeof s === 'object' && s.apiGroup === undefined && (s.kind === 'User' || s.kind === 'Group')) s.apiGroup = RBAC_GROUP;
    else if (s && typeof s === 'object' && s.apiGroup === undefined && s.kind === 'ServiceAccount') s.apiGroup = '';
  }
}
