import { Cluster, PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from '../../cluster-engine';
import { accessModesString, pvcClass, storageString } from '../../cluster-engine/printers/storage.columns';
import { timestampSince } from '../../cluster-engine/printers';
import { eventsFor } from './events';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './format';
import { LEVEL_0, LEVEL_1, LEVEL_2, PrefixWriter } from './prefix-writer';

/** Go's `%v` of a string slice: `[a b]`, `[]` when empty. */
export function goSlice(list: string[] | undefined): string {
  return `[${(list ?? []).join(' ')}]`;
}

/** `labels.FormatLabels`: `k=v,k2=v2` sorted, or `<none>`. */
export function formatLabels(map: Record<string, string> | undefined): string {
  const keys = Object.keys(map ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${map![k]}`).join(',') : '<none>';
}

function podsUsing(cluster: Cluster, pvc: PersistentVolumeClaim): string[] {
  return cluster.api
    .list<Pod>('Pod', { namespace: pvc.metadata.namespace })
    .filter((p) => (p.spec.volumes ?? []).some((v) => (v.persistentVolumeClaim as { claimName?: string } | undefined)?.claimName === pvc.metadata.name))
    .map((p) => p.metadata.name)
    .sort();
}

function status(w: PrefixWriter, obj: PersistentVolume | PersistentVolumeClaim, nowMs: number): void {
  if (obj.metadata.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${timestampSince(obj.metadata.deletionTimestamp, nowMs)})\n`);
  else w.write(LEVEL_0, `Status:\t${obj.status?.phase ?? ''}\n`);
}

/** `describePersistentVolumeClaim` (kubectl 1.32). */
export function describePersistentVolumeClaim(cluster: Cluster, pvc: PersistentVolumeClaim): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${pvc.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${pvc.metadata.namespace ?? ''}\n`);
  w.write(LEVEL_0, `StorageClass:\t${pvcClass(pvc)}\n`);
  status(w, pvc, cluster.nowMs());
  w.write(LEVEL_0, `Volume:\t${pvc.spec?.volumeName ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', pvc.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', pvc.metadata.annotations);
  w.write(LEVEL_0, `Finalizers:\t${goSlice(pvc.metadata.finalizers)}\n`);
  const bound = !!pvc.spec?.volumeName;
  w.write(LEVEL_0, `Capacity:\t${bound && pvc.status?.capacity?.storage !== undefined ? storageString(pvc.status.capacity.storage) : ''}\n`);
  w.write(LEVEL_0, `Access Modes:\t${bound ? accessModesString(pvc.status?.accessModes) : ''}\n`);
  if (pvc.spec?.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${pvc.spec.volumeMode}\n`);
  const pods = podsUsing(cluster, pvc);
  w.write(LEVEL_0, 'Used By:\t');
  if (pods.length === 0) w.writeLine('<none>');
  pods.forEach((name, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${name}\n`);
  });
  const conditions = pvc.status?.conditions ?? [];
  if (conditions.length) {
    w.write(LEVEL_0, 'Conditions:\n');
    w.write(LEVEL_1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \t${c.lastProbeTime ?? ''} \t${c.lastTransitionTime ?? ''} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
  }
  describeEvents(w, eventsFor(cluster, pvc), cluster.nowMs());
  return w.toString();
}

interface NodeSelectorTerms {
  required?: { nodeSelectorTerms?: Array<{ matchExpressions?: Array<{ key: string; operator: string; values?: string[] }> }> };
}

/** `describePersistentVolume` with `printVolumeNodeAffinity` and the HostPath source. */
export function describePersistentVolume(cluster: Cluster, pv: PersistentVolume): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${pv.metadata.name}\n`);
  printLabelsMultiline(w, 'Labels', pv.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', pv.metadata.annotations);
  w.write(LEVEL_0, `Finalizers:\t${goSlice(pv.metadata.finalizers)}\n`);
  w.write(LEVEL_0, `StorageClass:\t${pv.spec?.storageClassName ?? ''}\n`);
  status(w, pv, cluster.nowMs());
  const ref = pv.spec?.claimRef;
  w.write(LEVEL_0, `Claim:\t${ref ? `${ref.namespace ?? ''}/${ref.name}` : ''}\n`);
  w.write(LEVEL_0, `Reclaim Policy:\t${pv.spec?.persistentVolumeReclaimPolicy ?? ''}\n`);
  w.write(LEVEL_0, `Access Modes:\t${accessModesString(pv.spec?.accessModes)}\n`);
  if (pv.spec?.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${pv.spec.volumeMode}\n`);
  w.write(LEVEL_0, `Capacity:\t${storageString(pv.spec?.capacity?.storage)}\n`);
  const affinity = pv.spec?.nodeAffinity as NodeSelectorTerms | undefined;
  w.write(LEVEL_0, 'Node Affinity:\t');
  if (!affinity?.required) w.writeLine('<none>');
  else {
    w.writeLine('');
    w.write(LEVEL_1, 'Required Terms:\t');
    const terms = affinity.required.nodeSelectorTerms ?? [];
    if (terms.length === 0) w.writeLine('<none>');
    else {
      w.writeLine('');
      terms.forEach((term, i) => {
        const reqs = term.matchExpressions ?? [];
        w.write(LEVEL_2, `Term ${i}:\t`);
        if (reqs.length === 0) w.writeLine('<none>');
        reqs.forEach((r, j) => {
          if (j !== 0) w.write(LEVEL_2, '\t');
          const values = r.values?.length ? ` [${r.values.join(', ')}]` : '';
          w.write(LEVEL_0, `${r.key} ${r.operator.toLowerCase()}${values}\n`);
        });
      });
    }
  }
  w.write(LEVEL_0, `Message:\t${pv.status?.message ?? ''}\n`);
  w.write(LEVEL_0, 'Source:\n');
  const hostPath = pv.spec?.hostPath;
  const local = pv.spec?.local;
  if (hostPath) w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${hostPath.path}\n    HostPathType:\t${hostPath.type ?? '<none>'}\n`);
  else if (local) w.write(LEVEL_2, `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${local.path}\n`);
  describeEvents(w, eventsFor(cluster, pv), cluster.nowMs());
  return w.toString();
}

/** `describeStorageClass`. */
export function describeStorageClass(cluster: Cluster, sc: StorageClass): string {
  const w = new PrefixWriter();
  const isDefault = sc.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true' || sc.metadata.annotations?.['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
  w.write(LEVEL_0, `Name:\t${sc.metadata.name}\n`);
  w.write(LEVEL_0, `IsDefaultClass:\t${isDefault ? 'Yes' : 'No'}\n`);
  w.write(LEVEL_0, `Annotations:\t${formatLabels(sc.metadata.annotations)}\n`);
  w.write(LEVEL_0, `Provisioner:\t${sc.provisioner ?? ''}\n`);
  w.write(LEVEL_0, `Parameters:\t${formatLabels(sc.parameters)}\n`);
  w.write(LEVEL_0, `AllowVolumeExpansion:\t${sc.allowVolumeExpansion === undefined ? '<unset>' : sc.allowVolumeExpansion ? 'True' : 'False'}\n`);
  const mountOptions = (sc.mountOptions as string[] | undefined) ?? [];
  w.write(LEVEL_0, `MountOptions:${mountOptions.length ? '\n' : '\t<none>\n'}`);
  for (const o of mountOptions) w.write(LEVEL_1, `${o}\n`);
  if (sc.reclaimPolicy) w.write(LEVEL_0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`);
  if (sc.volumeBindingMode) w.write(LEVEL_0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`);
  describeEvents(w, eventsFor(cluster, sc), cluster.nowMs());
  return w.toString();
}
