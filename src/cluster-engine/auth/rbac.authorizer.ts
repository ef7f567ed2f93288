import { ClusterRole, ClusterRoleBinding, PolicyRule, Role, RoleBinding, Subject } from '../api/rbac.types';
import { KubeObject } from '../api/types';

/** Who is asking: a user name and its groups (`system:authenticated` included), as the authenticator gives them. */
export interface UserInfo {
  name: string;
  groups: string[];
}

/** What is asked (authorizer.Attributes): a resource request, or a non-resource URL when `path` is set. */
export interface RequestAttributes {
  verb: string;
  apiGroup?: string;
  resource?: string;
  subresource?: string;
  name?: string;
  /** '' or undefined: cluster-wide (all namespaces) */
  namespace?: string;
  path?: string;
}

export interface Decision {
  allowed: boolean;
  /** `RBAC: allowed by ClusterRoleBinding "x" of ClusterRole "y" to Group "z"` */
  reason: string;
}

/** Reads the RBAC objects: what the authorizer needs from the store. */
export interface RbacSource {
  list(kind: 'Role' | 'ClusterRole' | 'RoleBinding' | 'ClusterRoleBinding', namespace?: string): KubeObject[];
}

/** The RBAC objects as the API server's store holds them. */
export function rbacSourceOf(api: { list(kind: string, opts: { namespace?: string }): KubeObject[] }): RbacSource {
  return { list: (kind, namespace) => api.list(kind, { namespace }) };
}

/** Members of this group bypass authorization (the API server's privileged-group authorizer). */
export const SUPERUSER_GROUP = 'system:masters';

/** `system:serviceaccount:NS:NAME` → the service account's user info. */
export function serviceAccountUser(username: string): UserInfo | undefined {
  const m = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(username);
  if (!m) return undefined;
  return { name: username, groups: ['system:serviceaccounts', `system:serviceaccounts:${m[1]}`, 'system:authenticated'] };
}

function subjectMatches(s: Subject, user: UserInfo, bindingNamespace: string): boolean {
  switch (s.kind) {
    case 'User':
      return s.name === user.name;
    case 'Group':
      return user.groups.includes(s.name);
    case 'ServiceAccount':
      return user.name === `system:serviceaccount:${s.namespace || bindingNamespace}:${s.name}`;
    default:
      return false;
  }
}

const has = (list: string[] | undefined, v: string) => !!list && (list.includes('*') || list.includes(v));

function resourceMatches(rule: PolicyRule, attrs: RequestAttributes): boolean {
  const combined = attrs.subresource ? `${attrs.resource}/${attrs.subresource}` : attrs.resource ?? '';
  for (const r of rule.resources ?? []) {
    if (r === '*' || r === combined) return true;
    if (attrs.subresource && r === `*/${attrs.subresource}`) return true;
  }
  return false;
}

/** rbac.RuleAllows. */
export function ruleAllows(rule: PolicyRule, attrs: RequestAttributes): boolean {
  if (attrs.path !== undefined) {
    if (!has(rule.verbs, attrs.verb)) return false;
    return (rule.nonResourceURLs ?? []).some((u) => u === '*' || u === attrs.path || (u.endsWith('*') && attrs.path!.startsWith(u.slice(0, -1))));
  }
  return (
    has(rule.verbs, attrs.verb) &&
    has(rule.apiGroups, attrs.apiGroup ?? '') &&
    resourceMatches(rule, attrs) &&
    (!rule.resourceNames?.length || (!!attrs.name && rule.resourceNames.includes(attrs.name)))
  );
}

interface Grant {
  rules: PolicyRule[];
  reason: (s: Subject) => string;
}

function subjectText(s: Subject): string {
  return s.kind === 'ServiceAccount' ? `ServiceAccount "${s.name}/${s.namespace ?? ''}"` : `${s.kind} "${s.name}"`;
}

/** Every rule set that applies to `user` in `namespace` (cluster-wide bindings, then the namespace's). */
function grants(source: RbacSource, user: UserInfo, namespace: string | undefined): Array<Grant & { subject: Subject }> {
  const out: Array<Grant & { subject: Subject }> = [];
  const clusterRoles = new Map((source.list('ClusterRole') as ClusterRole[]).map((r) => [r.metadata.name, r]));
  for (const b of source.list('ClusterRoleBinding') as ClusterRoleBinding[]) {
    const subject = (b.subjects ?? []).find((s) => subjectMatches(s, user, ''));
    const role = clusterRoles.get(b.roleRef?.name);
    if (subject && role) out.push({ subject, rules: role.rules ?? [], reason: (s) => `RBAC: allowed by ClusterRoleBinding "${b.metadata.name}" of ClusterRole "${role.metadata.name}" to ${subjectText(s)}` });
  }
  if (namespace) {
    const roles = new Map((source.list('Role', namespace) as Role[]).map((r) => [r.metadata.name, r]));
    for (const b of source.list('RoleBinding', namespace) as RoleBinding[]) {
      const subject = (b.subjects ?? []).find((s) => subjectMatches(s, user, namespace));
      const role = b.roleRef?.kind === 'ClusterRole' ? clusterRoles.get(b.roleRef.name) : roles.get(b.roleRef?.name);
      if (subject && role) {
        out.push({ subject, rules: role.rules ?? [], reason: (s) => `RBAC: allowed by RoleBinding "${b.metadata.name}/${namespace}" of ${role.kind} "${role.metadata.name}" to ${subjectText(s)}` });
      }
    }
  }
  return out;
}

/** The RBAC authorizer (plus the superuser group): may `user` do `attrs`? */
export function authorize(source: RbacSource, user: UserInfo, attrs: RequestAttributes): Decision {
  if (user.groups.includes(SUPERUSER_GROUP)) return { allowed: true, reason: '' };
  for (const g of grants(source, user, attrs.path !== undefined ? undefined : attrs.namespace || undefined)) {
    if (g.rules.some((r) => ruleAllows(r, attrs))) return { allowed: true, reason: g.reason(g.subject) };
  }
  return { allowed: false, reason: '' };
}

/** SelfSubjectRulesReview: the rules that apply to `user` in `namespace`. */
export function rulesFor(source: RbacSource, user: UserInfo, namespace: string): PolicyRule[] {
  const rules = grants(source, user, namespace).flatMap((g) => g.rules);
  // The superuser group is not RBAC; its review lists everything.
  if (user.groups.includes(SUPERUSER_GROUP)) rules.unshift({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }, { verbs: ['*'], nonResourceURLs: ['*'] });
  return rules;
}
