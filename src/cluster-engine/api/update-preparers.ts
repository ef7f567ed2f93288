import { KubeObject } from './types';
import { FieldError } from './errors';
import { ObjectStore } from '../store/store';
import { Rng } from '../rng';
import { prepareServiceUpdate } from './service.update';
import { prepareBindingUpdate } from './rbac.validation';

/**
 * Kinds whose REST strategy prepares an update from the stored object (`PrepareForUpdate`, the service
 * registry's allocators). Run before defaulting; returned errors join validation's. One line per kind.
 */
export const UPDATE_PREPARERS: Record<string, (next: KubeObject, current: KubeObject, store: ObjectStore, rng: Rng) => FieldError[]> = {
  Service: prepareServiceUpdate,
  RoleBinding: prepareBindingUpdate,
  ClusterRoleBinding: prepareBindingUpdate,
};
