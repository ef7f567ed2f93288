import { KubeObject, Service, ServiceAccount } from './types';

/**
 * `SetDefaults_Service` (pkg/apis/core/v1/defaults.go) plus what the service registry fills before
 * allocation: type ClusterIP, session affinity None, TCP ports whose targetPort is the port itself,
 * traffic policies Cluster, single-stack IPv4 families.
 */
export function defaultService(obj: KubeObject): void {
  const svc = obj as Service;
  svc.spec ??= {};
  const spec = svc.spec;
  // A malformed body is validation's to reject; defaulting only fills what it can read.
  if (typeof spec !== 'object' || Array.isArray(spec)) return;
  spec.type ??= 'ClusterIP';
  if (spec.type === 'ExternalName') return;
  spec.sessionAffinity ??= 'None';
  for (const p of Array.isArray(spec.ports) ? spec.ports : []) {
    if (!p || typeof p !== 'object') continue;
    p.protocol ??= 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  spec.internalTrafficPolicy ??= 'Cluster';
  if ((spec.type === 'NodePort' || spec.type === 'LoadBalancer') && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster';
  spec.ipFamilies ??= ['IPv4'];
  spec.ipFamilyPolicy ??= spec.clusterIP === 'None' && !spec.selector ? 'RequireDualStack' : 'SingleStack';
  if (spec.clusterIP && !spec.clusterIPs) spec.clusterIPs = [spec.clusterIP];
  svc.status ??= { loadBalancer: {} };
}

/** ServiceAccounts have nothing to default; `secrets` stays empty since 1.24 (no token Secrets). */
export function defaultServiceAccount(obj: KubeObject): void {
  void (obj as ServiceAccount);
}
