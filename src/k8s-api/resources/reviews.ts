import { authorize, KUBEADM_ADMIN_USER, PolicyRule, rbacSourceOf, rulesFor, serviceAccountUser, UserInfo } from '../../cluster-engine';
import { badRequest } from '../../cluster-engine/api/errors';
import { K8sRequest } from '../http/request';
import { methodNotSupported, sendJson } from '../http/status';
import { decodeBody } from './body';
import { ResourcePath } from './path';

type Attrs = Record<string, string | undefined>;

/**
 * The access reviews behind `kubectl auth can-i [--list]` and `auth whoami`, answered by the simulated
 * cluster's RBAC authorizer (the same one as the browser's `kubectl auth can-i`). The learner's token is
 * kubeadm's admin (cluster-admin through the `kubeadm:cluster-admins` binding); `--as`/`--as-group` arrive
 * as Impersonate-User/-Group headers and are reviewed as that user.
 */
export function handleReview(req: K8sRequest, p: ResourcePath): void {
  if (req.method !== 'POST' || p.name !== undefined) throw methodNotSupported();
  const body = decodeBody(req.body, req.headers['content-type']) as Record<string, unknown>;
  if (!body || typeof body !== 'object' || body.kind !== p.resource.info.kind) throw badRequest(`expected a ${p.resource.info.kind}`);
  const user = requestUser(req);
  const spec = (body.spec ?? {}) as { resourceAttributes?: Attrs; nonResourceAttributes?: Attrs; namespace?: string };
  const metadata = { creationTimestamp: null };
  const source = (): ReturnType<typeof rbacSourceOf> => req.live.session.useCluster((c) => rbacSourceOf(c.api));
  switch (p.resource.info.kind) {
    case 'SelfSubjectAccessReview': {
      const r = spec.resourceAttributes;
      const n = spec.nonResourceAttributes;
      if (!r && !n) throw badRequest('SelfSubjectAccessReview "" is invalid: spec.resourceAttributes: Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified');
      const attrs = r
        ? { verb: r.verb ?? '', apiGroup: r.group ?? '', resource: r.resource, subresource: r.subresource, name: r.name, namespace: r.namespace }
        : { verb: n!.verb ?? '', path: n!.path ?? '' };
      const decision = authorize(source(), user, attrs);
      return sendJson(req.res, 201, { ...body, metadata, status: { allowed: decision.allowed, ...(decision.reason ? { reason: decision.reason } : {}) } });
    }
    case 'SelfSubjectRulesReview': {
      const rules = rulesFor(source(), user, spec.namespace ?? 'default');
      return sendJson(req.res, 201, {
        ...body,
        metadata,
        status: { resourceRules: rules.filter(isResourceRule), nonResourceRules: rules.filter((r) => !isResourceRule(r)), incomplete: false },
      });
    }
    default:
      return sendJson(req.res, 201, { ...body, metadata, status: { userInfo: { username: user.name, groups: user.groups } } });
  }
}

const isResourceRule = (r: PolicyRule): boolean => r.nonResourceURLs === undefined;

/** The token's user, or the one it impersonates (kubectl `--as`, `--as-group`). */
function requestUser(req: K8sRequest): UserInfo {
  const as = req.headers['impersonate-user'];
  const name = Array.isArray(as) ? as[0] : as;
  if (!name) return KUBEADM_ADMIN_USER;
  const raw = req.headers['impersonate-group'];
  const groups = raw === undefined ? [] : Array.isArray(raw) ? raw : raw.split(',').map((g) => g.trim());
  const base = serviceAccountUser(name)?.groups ?? ['system:authenticated'];
  return { name, groups: [...new Set([...groups, ...base])] };
}
