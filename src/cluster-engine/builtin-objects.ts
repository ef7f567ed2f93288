import { bootstrapPolicy } from './auth/bootstrap-policy';
import { KubeObject, PriorityClass, StorageClass } from './api/types';

/**
 * Cluster-scoped objects a fresh cluster already has: kind's default `standard` StorageClass (local-path
 * provisioner, WaitForFirstConsumer), the API server's built-in PriorityClasses, and its bootstrap RBAC policy.
 */
export function builtinClusterObjects(): KubeObject[] {
  const standard: StorageClass = {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'standard', uid: '5c1f7a02-3e9b-4d55-9a57-0b7e1c2d3a41', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    provisioner: 'rancher.io/local-path',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  };
  const priority = (name: string, uid: string, value: number, description: string): PriorityClass => ({
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name, uid },
    value,
    description,
    preemptionPolicy: 'PreemptLowerPriority',
  });
  return [
    standard,
    priority('system-cluster-critical', '7d2e4b16-80a4-4c1e-b3f5-6a9c0d8e2f17', 2000000000, 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.'),
    priority('system-node-critical', 'a3b9c5d1-27e6-4f08-8c4d-1e5f7a9b3c62', 2000001000, 'Used for system critical pods that must not be moved from their current node.'),
    ...bootstrapPolicy(),
  ];
}
