/**
 * The field names the API server's strict decoder knows for the kinds this cluster serves (core/v1 Go
 * structs). `'*'` accepts anything below (maps, rarely-used sources); `[S]` is a list of S.
 */
type Schema = { [field: string]: Schema | '*' | [Schema] };

const ANY = '*' as const;
const names = (...fields: string[]): Schema => Object.fromEntries(fields.map((f) => [f, ANY]));

const OBJECT_META: Schema = names('name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields');
const KEY_REF = names('name', 'key', 'optional');
const PROBE: Schema = {
  ...names('initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold', 'terminationGracePeriodSeconds'),
  exec: names('command'),
  httpGet: names('path', 'port', 'host', 'scheme', 'httpHeaders'),
  tcpSocket: names('port', 'host'),
  grpc: names('port', 'service'),
};
const CONTAINER: Schema = {
  ...names('name', 'image', 'command', 'args', 'workingDir', 'resizePolicy', 'restartPolicy', 'volumeDevices', 'lifecycle', 'terminationMessagePath', 'terminationMessagePolicy', 'imagePullPolicy', 'securityContext', 'stdin', 'stdinOnce', 'tty'),
  ports: [names('name', 'hostPort', 'containerPort', 'protocol', 'hostIP')],
  env: [{ ...names('name', 'value'), valueFrom: { fieldRef: names('apiVersion', 'fieldPath'), resourceFieldRef: names('containerName', 'resource', 'divisor'), configMapKeyRef: KEY_REF, secretKeyRef: KEY_REF } }],
  envFrom: [{ prefix: ANY, configMapRef: names('name', 'optional'), secretRef: names('name', 'optional') }],
  resources: names('limits', 'requests', 'claims'),
  volumeMounts: [names('name', 'readOnly', 'recursiveReadOnly', 'mountPath', 'subPath', 'mountPropagation', 'subPathExpr')],
  livenessProbe: PROBE,
  readinessProbe: PROBE,
  startupProbe: PROBE,
};
const VOLUME_SOURCES = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi', 'glusterfs', 'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker',
  'downwardAPI', 'fc', 'azureFile', 'configMap', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume', 'scaleIO', 'storageos', 'csi', 'ephemeral', 'image',
];
const POD_SPEC: Schema = {
  ...names(
    'ephemeralContainers', 'restartPolicy', 'terminationGracePeriodSeconds', 'activeDeadlineSeconds', 'dnsPolicy', 'nodeSelector', 'serviceAccountName', 'serviceAccount', 'automountServiceAccountToken',
    'nodeName', 'hostNetwork', 'hostPID', 'hostIPC', 'shareProcessNamespace', 'securityContext', 'imagePullSecrets', 'hostname', 'subdomain', 'affinity', 'schedulerName', 'hostAliases',
    'priorityClassName', 'priority', 'dnsConfig', 'readinessGates', 'runtimeClassName', 'enableServiceLinks', 'preemptionPolicy', 'overhead', 'topologySpreadConstraints', 'setHostnameAsFQDN',
    'os', 'hostUsers', 'schedulingGates', 'resourceClaims', 'resources',
  ),
  containers: [CONTAINER],
  initContainers: [CONTAINER],
  volumes: [names('name', ...VOLUME_SOURCES)],
  tolerations: [names('key', 'operator', 'value', 'effect', 'tolerationSeconds')],
};

const LABEL_SELECTOR: Schema = { matchLabels: ANY, matchExpressions: [names('key', 'operator', 'values')] };
const POD_TEMPLATE: Schema = { metadata: OBJECT_META, spec: POD_SPEC };

const TOP = (extra: Schema): Schema => ({ ...names('apiVersion', 'kind', 'status'), metadata: OBJECT_META, ...extra });

export const SCHEMAS: Record<string, Schema> = {
  Pod: TOP({ spec: POD_SPEC }),
  ConfigMap: TOP(names('data', 'binaryData', 'immutable')),
  Secret: TOP(names('data', 'stringData', 'type', 'immutable')),
  Namespace: TOP(names('spec')),
  Node: TOP({ spec: { ...names('podCIDR', 'podCIDRs', 'providerID', 'unschedulable', 'configSource', 'externalID'), taints: [names('key', 'value', 'effect', 'timeAdded')] } }),
  Lease: TOP({ spec: names('holderIdentity', 'leaseDurationSeconds', 'acquireTime', 'renewTime', 'leaseTransitions', 'strategy', 'preferredHolder') }),
  Service: TOP({
    spec: {
      ...names('selector', 'clusterIP', 'clusterIPs', 'type', 'externalIPs', 'sessionAffinity', 'loadBalancerIP', 'loadBalancerSourceRanges', 'externalName', 'externalTrafficPolicy', 'healthCheckNodePort', 'publishNotReadyAddresses', 'sessionAffinityConfig', 'ipFamilies', 'ipFamilyPolicy', 'allocateLoadBalancerNodePorts', 'loadBalancerClass', 'internalTrafficPolicy', 'trafficDistribution'),
      ports: [names('name', 'protocol', 'appProtocol', 'port', 'targetPort', 'nodePort')],
    },
  }),
  Endpoints: TOP({ subsets: [names('addresses', 'notReadyAddresses', 'ports')] }),
  EndpointSlice: TOP(names('addressType', 'endpoints', 'ports')),
  ServiceAccount: TOP(names('secrets', 'imagePullSecrets', 'automountServiceAccountToken')),
  Deployment: TOP({ spec: { ...names('replicas', 'minReadySeconds', 'revisionHistoryLimit', 'paused', 'progressDeadlineSeconds'), selector: LABEL_SELECTOR, template: POD_TEMPLATE, strategy: { type: ANY, rollingUpdate: names('maxSurge', 'maxUnavailable') } } }),
  ReplicaSet: TOP({ spec: { ...names('replicas', 'minReadySeconds'), selector: LABEL_SELECTOR, template: POD_TEMPLATE } }),
  PersistentVolumeClaim: TOP({ spec: { ...names('accessModes', 'volumeName', 'storageClassName', 'volumeMode', 'dataSource', 'dataSourceRef', 'volumeAttributesClassName'), selector: LABEL_SELECTOR, resources: names('requests', 'limits') } }),
  PersistentVolume: TOP({
    spec: { ...names('capacity', 'accessModes', 'claimRef', 'persistentVolumeReclaimPolicy', 'storageClassName', 'mountOptions', 'volumeMode', 'nodeAffinity', 'volumeAttributesClassName', 'local', ...VOLUME_SOURCES) },
  }),
  StorageClass: TOP(names('provisioner', 'parameters', 'reclaimPolicy', 'mountOptions', 'allowVolumeExpansion', 'volumeBindingMode', 'allowedTopologies')),
  Job: TOP({
    spec: {
      ...names('parallelism', 'completions', 'activeDeadlineSeconds', 'podFailurePolicy', 'successPolicy', 'backoffLimit', 'backoffLimitPerIndex', 'maxFailedIndexes', 'manualSelector', 'ttlSecondsAfterFinished', 'completionMode', 'suspend', 'podReplacementPolicy', 'managedBy'),
      selector: LABEL_SELECTOR,
      template: POD_TEMPLATE,
    },
  }),
  ResourceQuota: TOP({ spec: names('hard', 'scopes', 'scopeSelector') }),
  LimitRange: TOP({ spec: { limits: [names('type', 'max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio')] } }),
  PodDisruptionBudget: TOP({ spec: { ...names('minAvailable', 'maxUnavailable', 'unhealthyPodEvictionPolicy'), selector: LABEL_SELECTOR } }),
  PriorityClass: TOP(names('value', 'globalDefault', 'description', 'preemptionPolicy')),
  Event: TOP(names('involvedObject', 'reason', 'message', 'source', 'firstTimestamp', 'lastTimestamp', 'count', 'type', 'eventTime', 'series', 'action', 'related', 'reportingComponent', 'reportingInstance')),
};

/** Paths of fields the strict decoder would not know, e.g. `spec.containers[0].imagee`, `metadata.spec`. */
export function unknownFields(value: unknown, schema: Schema, path = ''): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const at = path ? `${path}.${k}` : k;
    const s = schema[k];
    if (s === undefined) out.push(at);
    else if (Array.isArray(s)) (Array.isArray(v) ? v : []).forEach((item, i) => out.push(...unknownFields(item, s[0], `${at}[${i}]`)));
    else if (s !== ANY) out.push(...unknownFields(v, s, at));
  }
  return out;
}
