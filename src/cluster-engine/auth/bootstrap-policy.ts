import { ClusterRole, ClusterRoleBinding, PolicyRule, RBAC_GROUP } from '../api/rbac.types';

/**
 * The API server's bootstrap RBAC policy (plugin/pkg/auth/authorizer/rbac/bootstrappolicy), trimmed to the
 * resources this cluster serves, and kubeadm's binding of its admin group to cluster-admin.
 */
const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];
const rule = (verbs: string[], apiGroups: string[], resources: string[]): PolicyRule => ({ apiGroups, resources, verbs });
const urls = (verbs: string[], nonResourceURLs: string[]): PolicyRule => ({ nonResourceURLs, verbs });

const VIEW: PolicyRule[] = [
  rule(READ, [''], ['configmaps', 'endpoints', 'persistentvolumeclaims', 'persistentvolumeclaims/status', 'pods', 'replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts', 'services', 'services/status']),
  rule(READ, [''], ['bindings', 'events', 'limitranges', 'namespaces/status', 'pods/log', 'pods/status', 'replicationcontrollers/status', 'resourcequotas', 'resourcequotas/status']),
  rule(READ, [''], ['namespaces']),
  rule(READ, ['discovery.k8s.io'], ['endpointslices']),
  rule(READ, ['apps'], ['controllerrevisions', 'daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'replicasets', 'replicasets/scale', 'replicasets/status', 'statefulsets', 'statefulsets/scale', 'statefulsets/status']),
  rule(READ, ['autoscaling'], ['horizontalpodautoscalers', 'horizontalpodautoscalers/status']),
  rule(READ, ['batch'], ['cronjobs', 'cronjobs/status', 'jobs', 'jobs/status']),
  rule(READ, ['policy'], ['poddisruptionbudgets', 'poddisruptionbudgets/status']),
  rule(READ, ['networking.k8s.io'], ['ingresses', 'ingresses/status', 'networkpolicies']),
];

const EDIT: PolicyRule[] = [
  rule(['create'], [''], ['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy', 'secrets', 'services/proxy']),
  rule(['get'], [''], ['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy', 'secrets', 'services/proxy']),
  rule(['impersonate'], [''], ['serviceaccounts']),
  rule(WRITE, [''], ['pods', 'pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy']),
  rule(['create'], [''], ['pods/eviction']),
  rule(WRITE, [''], ['configmaps', 'events', 'persistentvolumeclaims', 'replicationcontrollers', 'replicationcontrollers/scale', 'secrets', 'serviceaccounts', 'services', 'services/proxy']),
  rule(['create'], [''], ['serviceaccounts/token']),
  rule(WRITE, ['apps'], ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'replicasets', 'replicasets/scale', 'statefulsets', 'statefulsets/scale']),
  rule(WRITE, ['autoscaling'], ['horizontalpodautoscalers']),
  rule(WRITE, ['batch'], ['cronjobs', 'jobs']),
  rule(WRITE, ['policy'], ['poddisruptionbudgets']),
  rule(WRITE, ['networking.k8s.io'], ['ingresses', 'networkpolicies']),
  rule(WRITE, ['discovery.k8s.io'], ['endpointslices']),
  rule(READ, [''], ['secrets']),
];

const ADMIN: PolicyRule[] = [rule(['create'], ['authorization.k8s.io'], ['localsubjectaccessreviews']), rule([...WRITE, ...READ], [RBAC_GROUP], ['rolebindings', 'roles'])];

const role = (name: string, uid: string, rules: PolicyRule[], extraLabels: Record<string, string> = {}): ClusterRole => ({
  apiVersion: `${RBAC_GROUP}/v1`,
  kind: 'ClusterRole',
  metadata: { name, uid, labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults', ...extraLabels }, annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' } },
  rules,
});

const binding = (name: string, uid: string, roleName: string, groups: string[], bootstrap = true): ClusterRoleBinding => ({
  apiVersion: `${RBAC_GROUP}/v1`,
  kind: 'ClusterRoleBinding',
  metadata: { name, uid, ...(bootstrap ? { labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' }, annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' } } : {}) },
  roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: roleName },
  subjects: groups.map((g) => ({ apiGroup: RBAC_GROUP, kind: 'Group' as const, name: g })),
});

const DISCOVERY_URLS = ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*', '/readyz', '/version', '/version/'];
const PUBLIC_URLS = ['/healthz', '/livez', '/readyz', '/version', '/version/'];

/** The group kubeadm (1.29+) puts its `kubernetes-admin` user in. */
export const KUBEADM_ADMIN_GROUP = 'kubeadm:cluster-admins';

/** The kubeadm admin kubeconfig's client certificate (CN=kubernetes-admin, O=kubeadm:cluster-admins): the learner. */
export const KUBEADM_ADMIN_USER = { name: 'kubernetes-admin', groups: [KUBEADM_ADMIN_GROUP, 'system:authenticated'] };

export function bootstrapPolicy(): Array<ClusterRole | ClusterRoleBinding> {
  return [
    role('cluster-admin', '0b1c2d3e-4f50-4a61-8b72-9c83d4e5f601', [rule(['*'], ['*'], ['*']), urls(['*'], ['*'])]),
    role('admin', '1c2d3e4f-5061-4b72-9c83-ad94e5f60712', [...ADMIN, ...EDIT, ...VIEW]),
    role('edit', '2d3e4f50-6172-4c83-ad94-be05f6071823', [...EDIT, ...VIEW], { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' }),
    role('view', '3e4f5061-7283-4d94-be05-cf1607182934', VIEW, { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' }),
    role('system:basic-user', '4f506172-8394-4ea5-8f16-d01718293a45', [
      rule(['create'], ['authentication.k8s.io'], ['selfsubjectreviews']),
      rule(['create'], ['authorization.k8s.io'], ['selfsubjectaccessreviews', 'selfsubjectrulesreviews']),
    ]),
    role('system:discovery', '50617283-94a5-4fb6-9a27-e1829304b556', [urls(['get'], DISCOVERY_URLS)]),
    role('system:public-info-viewer', '61728394-a5b6-40c7-ab38-f2930415c667', [urls(['get'], PUBLIC_URLS)]),
    binding('cluster-admin', '728394a5-b6c7-41d8-bc49-03a41526d778', 'cluster-admin', ['system:masters']),
    binding('system:basic-user', '8394a5b6-c7d8-42e9-8d5a-14b52637e889', 'system:basic-user', ['system:authenticated']),
    binding('system:discovery', '94a5b6c7-d8e9-43fa-9e6b-25c63748f99a', 'system:discovery', ['system:authenticated']),
    binding('system:public-info-viewer', 'a5b6c7d8-e9fa-440b-af7c-36d74859a0ab', 'system:public-info-viewer', ['system:authenticated', 'system:unauthenticated']),
    binding(KUBEADM_ADMIN_GROUP, 'b6c7d8e9-fa0b-451c-b08d-47e8596ab1bc', 'cluster-admin', [KUBEADM_ADMIN_GROUP], false),
  ];
}
