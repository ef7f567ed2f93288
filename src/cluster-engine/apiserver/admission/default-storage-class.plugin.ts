import { MutatingPlugin } from './admission';
import { PersistentVolumeClaim, StorageClass } from '../../api/types';

export const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';

/** DefaultStorageClass: a claim that names no class (field absent, not "") gets the default class. */
export const defaultStorageClassPlugin: MutatingPlugin = {
  name: 'DefaultStorageClass',
  admit({ operation, object, store }) {
    if (operation !== 'CREATE' || object.kind !== 'PersistentVolumeClaim') return;
    const pvc = object as PersistentVolumeClaim;
    if (!pvc.spec || pvc.spec.storageClassName !== undefined) return;
    const defaults = (store.scan('StorageClass') as StorageClass[]).filter((sc) => sc.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true');
    // The newest default wins when several are marked.
    const chosen = defaults.sort((a, b) => (a.metadata.creationTimestamp! < b.metadata.creationTimestamp! ? 1 : -1))[0];
    if (chosen) pvc.spec.storageClassName = chosen.metadata.name;
  },
};

/** StorageObjectInUseProtection: claims and volumes carry protection finalizers so that in-use storage is not removed. */
export const storageObjectInUseProtectionPlugin: MutatingPlugin = {
  name: 'StorageObjectInUseProtection',
  admit({ operation, object }) {
    if (operation !== 'CREATE') return;
    const finalizer = object.kind === 'PersistentVolumeClaim' ? 'kubernetes.io/pvc-protection' : object.kind === 'PersistentVolume' ? 'kubernetes.io/pv-protection' : undefined;
    if (!finalizer) return;
    const list = (object.metadata.finalizers ??= []);
    if (!list.includes(finalizer)) list.push(finalizer);
  },
};
