import { ClusterRole, ClusterRoleBinding, KubeObject, PolicyRule, RBAC_GROUP, resolveKind, Role, RoleBinding, Subject } from '../../cluster-engine';
import { KubectlError, usageError } from '../errors';
import { NON_RESOURCE_URL_VERBS } from '../rbac/rules';
import { VerbContext } from './verb';

const VALID_VERBS = ['*', 'get', 'delete', 'list', 'create', 'update', 'patch', 'watch', 'proxy', 'deletecollection', 'use', 'bind', 'escalate', 'impersonate'];

/** pflag StringSlice: repeated flags and comma-separated values. */
const slice = (ctx: VerbContext, flag: string) => ctx.flags.strings(flag).flatMap((v) => v.split(',')).filter((v) => v !== '');

/** create_role.go: one rule per API group (sorted), resources mapped to their plural names. */
function rulesFrom(ctx: VerbContext, what: string, clusterScoped: boolean): PolicyRule[] {
  const verbs = slice(ctx, 'verb');
  const resources = slice(ctx, 'resource');
  const urls = clusterScoped ? slice(ctx, 'non-resource-url') : [];
  if (verbs.length === 0) throw usageError(`create ${what}`, 'at least one verb must be specified');
  if (resources.length === 0 && urls.length === 0) throw usageError(`create ${what}`, clusterScoped ? 'one of resource or nonResourceURL must be specified' : 'at least one resource must be specified');
  const resourceVerbs = urls.length && !resources.length ? NON_RESOURCE_URL_VERBS : VALID_VERBS;
  for (const v of verbs) if (!resourceVerbs.includes(v)) throw new KubectlError(`invalid verb: '${v}'${urls.length && !resources.length ? ' for nonResourceURL' : ''}`);
  const byGroup = new Map<string, string[]>();
  for (const r of resources) {
    const [typed, sub] = r.split(/\/(.*)/s);
    let group = '';
    let plural = typed;
    if (typed !== '*') {
      const info = resolveKind(typed);
      if (!info) throw new KubectlError(`resource mapping not found for "${typed}"`);
      [group, plural] = [info.group, info.plural];
    }
    byGroup.set(group, [...(byGroup.get(group) ?? []), sub !== undefined ? `${plural}/${sub}` : plural]);
  }
  const names = slice(ctx, 'resource-name');
  const rules: PolicyRule[] = [...byGroup.keys()].sort().map((g) => ({ verbs: verbs.includes('*') ? ['*'] : verbs, apiGroups: [g], resources: byGroup.get(g)!, ...(names.length ? { resourceNames: names } : {}) }));
  if (urls.length) rules.push({ verbs, nonResourceURLs: urls });
  return rules;
}

function subjects(ctx: VerbContext, what: string): Subject[] {
  const out: Subject[] = [
    ...slice(ctx, 'user').map((name) => ({ kind: 'User' as const, apiGroup: RBAC_GROUP, name })),
    ...slice(ctx, 'group').map((name) => ({ kind: 'Group' as const, apiGroup: RBAC_GROUP, name })),
  ];
  for (const sa of slice(ctx, 'serviceaccount')) {
    const parts = sa.split(':');
    if (parts.length !== 2 || !parts[0] || !parts[1]) throw usageError(`create ${what}`, `serviceaccount must be <namespace>:<name>`);
    out.push({ kind: 'ServiceAccount', namespace: parts[0], name: parts[1] });
  }
  return out;
}

/** `kubectl create role|clusterrole|rolebinding|clusterrolebinding NAME …`. */
export function generateRbac(ctx: VerbContext, what: string, rest: string[]): KubeObject {
  const [name, ...extra] = rest;
  if (!name || extra.length) throw usageError(`create ${what}`, `exactly one NAME is required, got ${rest.length}`);
  const apiVersion = `${RBAC_GROUP}/v1`;
  switch (what) {
    case 'role':
      return { apiVersion, kind: 'Role', metadata: { name, namespace: ctx.namespace }, rules: rulesFrom(ctx, what, false) } as Role;
    case 'clusterrole':
      return { apiVersion, kind: 'ClusterRole', metadata: { name }, rules: rulesFrom(ctx, what, true) } as ClusterRole;
    case 'rolebinding': {
      const role = ctx.flags.string('role');
      const clusterRole = ctx.flags.string('clusterrole');
      if (!!role === !!clusterRole) throw usageError(`create ${what}`, 'exactly one of clusterrole or role must be specified');
      const roleRef = { apiGroup: RBAC_GROUP, kind: role ? ('Role' as const) : ('ClusterRole' as const), name: role || clusterRole };
      return { apiVersion, kind: 'RoleBinding', metadata: { name, namespace: ctx.namespace }, roleRef, subjects: subjects(ctx, what) } as RoleBinding;
    }
    default: {
      const clusterRole = ctx.flags.string('clusterrole');
      if (!clusterRole) throw usageError(`create ${what}`, 'clusterrole must be specified');
      return { apiVersion, kind: 'ClusterRoleBinding', metadata: { name }, roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: clusterRole }, subjects: subjects(ctx, what) } as ClusterRoleBinding;
    }
  }
}
