import { FilterPlugin, PreFilterPlugin, SchedulingSnapshot } from './plugin';
import { PersistentVolumeClaim, Pod } from '../../api/types';
import { NodeSelectorTerm, nodeSelectorMatches } from '../node-selector';

export const ERR_UNBOUND_IMMEDIATE = 'pod has unbound immediate PersistentVolumeClaims';
export const ERR_NODE_CONFLICT = 'node(s) had volume node affinity conflict';
export const ERR_NO_PV = "node(s) didn't find available persistent volumes to bind";

function claimNames(pod: Pod): string[] {
  return (pod.spec.volumes ?? []).map((v) => (v.persistentVolumeClaim as { claimName?: string } | undefined)?.claimName).filter((n): n is string => !!n);
}

function claimsOf(pod: Pod, snap: SchedulingSnapshot): Array<{ name: string; pvc?: PersistentVolumeClaim }> {
  const ns = pod.metadata.namespace ?? 'default';
  return claimNames(pod).map((name) => ({ name, pvc: snap.claims.find((c) => c.metadata.namespace === ns && c.metadata.name === name) }));
}

/** `IsDelayBindingMode`: WaitForFirstConsumer class; a missing class counts as immediate. */
function delayBinding(pvc: PersistentVolumeClaim, snap: SchedulingSnapshot): boolean {
  const cls = pvc.spec.storageClassName;
  if (!cls) return false;
  return snap.classes.find((c) => c.metadata.name === cls)?.volumeBindingMode === 'WaitForFirstConsumer';
}

/** VolumeBinding PreFilter: every claim must exist (and not be deleting); immediate claims must already be bound. */
export const volumeBindingPreFilter: PreFilterPlugin = {
  name: 'VolumeBinding',
  preFilter(pod, snap) {
    for (const { name, pvc } of claimsOf(pod, snap)) {
      if (!pvc) return { message: `persistentvolumeclaim "${name}" not found`, unresolvable: true };
      if (pvc.metadata.deletionTimestamp) return { message: `persistentvolumeclaim "${name}" is being deleted`, unresolvable: true };
    }
    const unboundImmediate = claimsOf(pod, snap).some(({ pvc }) => pvc!.status?.phase !== 'Bound' && !pvc!.spec.volumeName && !delayBinding(pvc!, snap));
    return unboundImmediate ? { message: ERR_UNBOUND_IMMEDIATE, unresolvable: true } : null;
  },
};

/** VolumeBinding Filter: a bound claim's volume must allow the node (its nodeAffinity, e.g. local-path volumes). */
export const volumeBindingPlugin: FilterPlugin = {
  name: 'VolumeBinding',
  filter(pod, info) {
    const snap = info.snapshot;
    if (!snap) return null;
    for (const { pvc } of claimsOf(pod, snap)) {
      if (!pvc?.spec.volumeName) continue;
      const pv = snap.volumes.find((v) => v.metadata.name === pvc.spec.volumeName);
      const terms = (pv?.spec.nodeAffinity as { required?: { nodeSelectorTerms?: NodeSelectorTerm[] } } | undefined)?.required?.nodeSelectorTerms;
      if (terms && !nodeSelectorMatches(terms, info.node)) return { reasons: [ERR_NODE_CONFLICT], unresolvable: true };
    }
    return null;
  },
};
