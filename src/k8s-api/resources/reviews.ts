import { badRequest, methodNotAllowed } from '../../cluster-engine/api/errors';
import { K8sRequest } from '../http/request';
import { sendJson } from '../http/status';
import { decodeBody } from './body';
import { ResourcePath } from './path';

/** Who the kubeconfig's user is: kubeadm's admin, bound to cluster-admin. */
const USER = { username: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] };

/**
 * The access reviews behind `kubectl auth can-i [--list]` and `auth whoami`. The learner holds
 * kubeadm's admin credentials (cluster-admin), so every request is allowed: RBAC objects in the
 * simulated cluster do not restrict the learner's own kubeconfig.
 */
export function handleReview(req: K8sRequest, p: ResourcePath): void {
  if (req.method !== 'POST' || p.name !== undefined) throw methodNotAllowed('the server does not allow this method on the requested resource');
  const body = decodeBody(req.body, req.headers['content-type']) as Record<string, unknown>;
  if (!body || typeof body !== 'object' || body.kind !== p.resource.info.kind) throw badRequest(`expected a ${p.resource.info.kind}`);
  const metadata = { creationTimestamp: null };
  switch (p.resource.info.kind) {
    case 'SelfSubjectAccessReview':
      return sendJson(req.res, 201, { ...body, metadata, status: { allowed: true, reason: '' } });
    case 'SelfSubjectRulesReview':
      return sendJson(req.res, 201, {
        ...body,
        metadata,
        status: {
          resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }, { verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'] }],
          nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }],
          incomplete: false,
        },
      });
    default:
      return sendJson(req.res, 201, { ...body, metadata, status: { userInfo: USER } });
  }
}
