import { KubeObject } from '../../cluster-engine';
import { parse } from 'yaml';
import { FaultPlugin } from './fault';

/** Someone applied a change during the warm-up (a new image, a new selector): the manifest replaces the object's spec. */
export const applyManifestFault: FaultPlugin<{ manifest: KubeObject }> = {
  type: 'apply-manifest',
  parse(p) {
    if (typeof p.manifest !== 'string') return 'apply-manifest needs "manifest" (YAML text)';
    try {
      const obj = parse(p.manifest) as KubeObject | null;
      if (!obj?.kind || !obj.metadata?.name) return 'apply-manifest: the manifest needs kind and metadata.name';
      return { manifest: obj };
    } catch (e) {
      return `apply-manifest: ${(e as Error).message.split('\n')[0]}`;
    }
  },
  apply(cluster, { manifest }) {
    const live = cluster.api.tryGet(manifest.kind, manifest.metadata.namespace ?? 'default', manifest.metadata.name);
    if (!live) {
      cluster.api.create(manifest);
      return;
    }
    cluster.api.update({ ...live, ...manifest, metadata: { ...live.metadata, ...manifest.metadata, resourceVersion: live.metadata.resourceVersion } });
  },
};
