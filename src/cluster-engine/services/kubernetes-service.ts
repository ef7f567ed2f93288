import { Endpoints, EndpointSlice, KubeObject, Service } from '../api/types';
import { fixedUid } from './service-accounts';

export const KUBERNETES_SERVICE_IP = '10.96.0.1';
export const CLUSTER_DNS_IP = '10.96.0.10';
export const CLUSTER_DOMAIN = 'cluster.local';
const SECURE_PORT = 6443;

/**
 * The `kubernetes` Service in `default` that the API server keeps for itself (first address of the service
 * range), with the Endpoints and EndpointSlice pointing at the API server's own address.
 */
export function kubernetesServiceObjects(apiServerIP: string): KubeObject[] {
  const labels = { component: 'apiserver', provider: 'kubernetes' };
  const service: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', uid: fixedUid('service/default/kubernetes'), labels },
    spec: {
      clusterIP: KUBERNETES_SERVICE_IP,
      clusterIPs: [KUBERNETES_SERVICE_IP],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: SECURE_PORT }],
      sessionAffinity: 'None',
      type: 'ClusterIP',
    },
    status: { loadBalancer: {} },
  };
  const endpoints: Endpoints = {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', uid: fixedUid('endpoints/default/kubernetes'), labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip: apiServerIP }], ports: [{ name: 'https', port: SECURE_PORT, protocol: 'TCP' }] }],
  };
  const slice: EndpointSlice = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', namespace: 'default', uid: fixedUid('endpointslice/default/kubernetes'), labels: { 'kubernetes.io/service-name': 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [apiServerIP], conditions: { ready: true } }],
    ports: [{ name: 'https', port: SECURE_PORT, protocol: 'TCP' }],
  };
  return [service, endpoints, slice];
}
