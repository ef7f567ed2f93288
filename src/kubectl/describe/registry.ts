import { Cluster, KubeObject } from '../../cluster-engine';
import { describeNode } from './node.describer';
import { describeConfigMap, describeGeneric, describeNamespace, describeSecret } from './other.describers';
import { describePod } from './pod.describer';
import { describeBinding, describeRole } from './rbac.describer';
import { describePodDisruptionBudget } from './pdb.describer';
import { describePersistentVolume, describePersistentVolumeClaim, describeStorageClass } from './storage.describer';
import { describeJob, describeLimitRange, describePriorityClass, describeResourceQuota } from './batch-policy.describer';
import { describeDeployment, describeReplicaSet } from './deployment.describer';
import { describeEndpoints, describeEndpointSlice, describeService, describeServiceAccount } from './service.describer';

type Describer = (cluster: Cluster, obj: never) => string;

/** Kinds with their own describe layout; anything else gets the generic field dump. */
const DESCRIBERS: Record<string, Describer> = {
  Pod: describePod,
  Node: describeNode,
  ConfigMap: describeConfigMap,
  Secret: describeSecret,
  Namespace: describeNamespace,
  PersistentVolumeClaim: describePersistentVolumeClaim,
  PersistentVolume: describePersistentVolume,
  StorageClass: describeStorageClass,
  Job: describeJob,
  ResourceQuota: describeResourceQuota,
  LimitRange: describeLimitRange,
  PriorityClass: describePriorityClass,
  Deployment: describeDeployment,
  ReplicaSet: describeReplicaSet,
  Service: describeService,
  Endpoints: describeEndpoints,
  EndpointSlice: describeEndpointSlice,
  ServiceAccount: describeServiceAccount,
  Role: describeRole,
  ClusterRole: describeRole,
  RoleBinding: describeBinding,
  ClusterRoleBinding: describeBinding,
  PodDisruptionBudget: describePodDisruptionBudget,
};

export function describeObject(cluster: Cluster, obj: KubeObject): string {
  const d = DESCRIBERS[obj.kind] ?? describeGeneric;
  return (d as (c: Cluster, o: KubeObject) => string)(cluster, obj);
}
