import { MutatingPlugin } from './admission';
import { Pod } from '../../api/types';

const TOKEN_MOUNT = '/var/run/secrets/kubernetes.io/serviceaccount';

/** ServiceAccount admission: the `default` account and its projected token volume (`kube-api-access-xxxxx`). */
export const serviceAccountPlugin: MutatingPlugin = {
  name: 'ServiceAccount',
  admit({ operation, object, rng }) {
    if (operation !== 'CREATE' || object.kind !== 'Pod') return;
    const spec = (object as Pod).spec;
    spec.serviceAccountName ??= spec.serviceAccount ?? 'default';
    spec.serviceAccount = spec.serviceAccountName;
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
