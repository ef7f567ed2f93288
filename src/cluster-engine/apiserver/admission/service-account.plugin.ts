import { MutatingPlugin } from './admission';
import { Namespace, Pod } from '../../api/types';
import { forbidden } from '../../api/errors';

const TOKEN_MOUNT = '/var/run/secrets/kubernetes.io/serviceaccount';

/**
 * ServiceAccount admission: the `default` account and its projected token volume (`kube-api-access-xxxxx`).
 * A pod naming an account that does not exist is rejected. (The `default` account of an active namespace
 * is taken as present: the service-account controller creates it within milliseconds of the namespace,
 * while our namespace controller publishes it at its next step.)
 */
export const serviceAccountPlugin: MutatingPlugin = {
  name: 'ServiceAccount',
  admit({ operation, object, rng, store }) {
    // Mirror pods of static pods run without a service account.
    if (operation !== 'CREATE' || object.kind !== 'Pod' || object.metadata.annotations?.['kubernetes.io/config.mirror']) return;
    const spec = (object as Pod).spec;
    spec.serviceAccountName ??= spec.serviceAccount ?? 'default';
    spec.serviceAccount = spec.serviceAccountName;
    const ns = object.metadata.namespace ?? 'default';
    const namespace = store.peek('Namespace', undefined, ns) as Namespace | undefined;
    // A missing namespace is NamespaceLifecycle's to report.
    if (namespace && !store.peek('ServiceAccount', ns, spec.serviceAccountName) && spec.serviceAccountName !== 'default') {
      throw forbidden('Pod', object.metadata.name, `error looking up service account ${ns}/${spec.serviceAccountName}: serviceaccount "${spec.serviceAccountName}" not found`);
    }
    const volumes = (spec.volumes ??= []);
    if (volumes.some((v) => v.name.startsWith('kube-api-access-'))) return;
    const name = `kube-api-access-${rng.suffix(5)}`;
    volumes.push({
      name,
      projected: {
        defaultMode: 420,
        sources: [
          { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
          { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
          { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
        ],
      },
    });
    for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
      c.volumeMounts = [...(c.volumeMounts ?? []), { name, readOnly: true, mountPath: TOKEN_MOUNT }];
    }
  },
};
