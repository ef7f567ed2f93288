import { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../api/types';
import { ageColumn, column, KindPrinter, nameColumn } from './column';
import { formatQuantity, quantityValue } from '../quota/usage';

/** `GetAccessModesAsString`: a fixed order, de-duplicated. */
export function accessModesString(modes: string[] | undefined): string {
  const m = modes ?? [];
  return [
    ['ReadWriteOnce', 'RWO'],
    ['ReadOnlyMany', 'ROX'],
    ['ReadWriteMany', 'RWX'],
    ['ReadWriteOncePod', 'RWOP'],
  ]
    .filter(([mode]) => m.includes(mode))
    .map(([, short]) => short)
    .join(',');
}

/** A storage quantity as `Quantity.String()` prints it. */
export function storageString(q: string | undefined): string {
  return q === undefined ? '0' : formatQuantity('storage', quantityValue('storage', q));
}

/** `GetPersistentVolumeClaimClass`: the beta annotation wins over the field. */
export function pvcClass(pvc: PersistentVolumeClaim): string {
  return pvc.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? pvc.spec?.storageClassName ?? '';
}

export const persistentVolumeClaimPrinter: KindPrinter<PersistentVolumeClaim> = {
  kind: 'PersistentVolumeClaim',
  columns: [
    nameColumn(),
    column('Status', 'phase represents the current phase of PersistentVolumeClaim.', (c) => (c.metadata.deletionTimestamp ? 'Terminating' : c.status?.phase ?? '')),
    column('Volume', 'volumeName is the binding reference to the PersistentVolume backing this claim.', (c) => c.spec?.volumeName ?? ''),
    column('Capacity', 'capacity represents the actual resources of the underlying volume.', (c) => (c.spec?.volumeName && c.status?.capacity?.storage !== undefined ? storageString(c.status.capacity.storage) : '')),
    column('Access Modes', 'accessModes contains the actual access modes the volume backing the PVC has.', (c) => (c.spec?.volumeName ? accessModesString(c.status?.accessModes) : '')),
    column('StorageClass', 'StorageClass of the pvc', pvcClass),
    column('VolumeAttributesClass', 'VolumeAttributesClass of the pvc', (c) => (c.spec?.volumeAttributesClassName as string | undefined) || '<unset>'),
    ageColumn(),
    column('VolumeMode', 'volumeMode defines what type of volume is required by the claim.', (c) => c.spec?.volumeMode ?? '<unset>', 1),
  ],
};

export const persistentVolumePrinter: KindPrinter<PersistentVolume> = {
  kind: 'PersistentVolume',
  columns: [
    nameColumn(),
    column('Capacity', 'capacity is the description of the persistent volume\'s resources and capacity.', (v) => storageString(v.spec?.capacity?.storage)),
    column('Access Modes', 'accessModes contains all ways the volume can be mounted.', (v) => accessModesString(v.spec?.accessModes)),
    column('Reclaim Policy', 'persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim.', (v) => v.spec?.persistentVolumeReclaimPolicy ?? ''),
    column('Status', 'phase indicates if a volume is available, bound to a claim, or released by a claim.', (v) => (v.metadata.deletionTimestamp ? 'Terminating' : v.status?.phase ?? '')),
    column('Claim', 'claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim.', (v) => (v.spec?.claimRef ? `${v.spec.claimRef.namespace ?? ''}/${v.spec.claimRef.name}` : '')),
    column('StorageClass', 'StorageClass of the pv', (v) => v.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? v.spec?.storageClassName ?? ''),
    column('VolumeAttributesClass', 'VolumeAttributesClass of the pv', (v) => (v.spec?.volumeAttributesClassName as string | undefined) || '<unset>'),
    column('Reason', 'reason is a brief CamelCase string that describes any failure and is meant for machine parsing and tidy display in the CLI.', (v) => v.status?.reason ?? ''),
    ageColumn(),
    column('VolumeMode', 'volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state.', (v) => v.spec?.volumeMode ?? '<unset>', 1),
  ],
};

export const storageClassPrinter: KindPrinter<StorageClass> = {
  kind: 'StorageClass',
  columns: [
    { ...nameColumn<StorageClass>(), cell: (sc) => (sc.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true' || sc.metadata.annotations?.['storageclass.beta.kubernetes.io/is-default-class'] === 'true' ? `${sc.metadata.name} (default)` : sc.metadata.name) },
    column('Provisioner', 'provisioner indicates the type of the provisioner.', (sc) => sc.provisioner ?? ''),
    column('ReclaimPolicy', 'reclaimPolicy controls the reclaimPolicy for dynamically provisioned PersistentVolumes of this storage class.', (sc) => sc.reclaimPolicy ?? 'Delete'),
    column('VolumeBindingMode', 'volumeBindingMode indicates how PersistentVolumeClaims should be provisioned and bound.', (sc) => sc.volumeBindingMode ?? 'Immediate'),
    { name: 'AllowVolumeExpansion', type: 'string', format: '', description: 'allowVolumeExpansion shows whether the storage class allow volume expand.', priority: 0, cell: (sc) => String(sc.allowVolumeExpansion ?? false) },
    ageColumn(),
  ],
};
