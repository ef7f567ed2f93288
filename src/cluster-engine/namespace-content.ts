import { ConfigMap, KubeObject } from './api/types';
import { defaultServiceAccount } from './services/service-accounts';

/**
 * Objects every namespace gets from the control plane's own controllers as soon as it exists
 * (the root CA publisher's `kube-root-ca.crt`, …). Adding one is a line here.
 */
export function namespaceContent(namespace: string): KubeObject[] {
  return [rootCaConfigMap(namespace), defaultServiceAccount(namespace)];
}

function rootCaConfigMap(namespace: string): ConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: 'kube-root-ca.crt',
      namespace,
      annotations: {
        'kubernetes.io/description':
          'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.',
      },
    },
    data: { 'ca.crt': '-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIcrashloopsimulatedCA\n-----END CERTIFICATE-----\n' },
  };
}
