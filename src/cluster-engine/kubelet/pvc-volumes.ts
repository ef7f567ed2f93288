import { PersistentVolumeClaim, Pod } from '../api/types';
import { EngineContext } from '../context';
import { PodRecord } from './state';

/** How soon the volume manager looks at an unbound claim again. */
const RETRY_MS = 2_000;

/**
 * The volume manager's wait for PersistentVolumeClaim volumes: a claim volume mounts only once the claim
 * is Bound. Until then no container is created (the pod shows ContainerCreating) and the kubelet reports
 * FailedMount. Returns whether every claim volume is ready.
 */
export function pvcVolumesReady(ctx: EngineContext, pod: Pod, rec: PodRecord, host: string): boolean {
  const claims = (pod.spec.volumes ?? []).filter((v) => v.persistentVolumeClaim) as Array<{ name: string; persistentVolumeClaim: { claimName: string } }>;
  if (claims.length === 0) return true;
  const ns = pod.metadata.namespace ?? 'default';
  const problems: Array<{ volume: string; why: string }> = [];
  for (const v of claims) {
    const claimName = v.persistentVolumeClaim.claimName;
    const pvc = ctx.api.tryGet<PersistentVolumeClaim>('PersistentVolumeClaim', ns, claimName);
    if (!pvc) problems.push({ volume: v.name, why: `error processing PVC ${ns}/${claimName}: failed to fetch PVC from API server: persistentvolumeclaims "${claimName}" not found` });
    else if (pvc.status?.phase !== 'Bound' || !pvc.spec.volumeName) problems.push({ volume: v.name, why: `error processing PVC ${ns}/${claimName}: PVC is not bound` });
  }
  if (problems.length === 0) return true;
  const now = ctx.clock.nowMs();
  rec.nextSyncMs = Math.min(rec.nextSyncMs, now + RETRY_MS);
  const names = problems.map((p) => p.volume).sort().join(' ');
  ctx.events.record({
    object: pod,
    type: 'Warning',
    reason: 'FailedMount',
    message: `Unable to attach or mount volumes: unmounted volumes=[${names}], unattached volumes=[], failed to process volumes=[${names}]: ${problems[0].why}`,
    source: { component: 'kubelet', host },
  });
  return false;
}
