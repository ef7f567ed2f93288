import { KubeObject } from '../../api/types';
import { ObjectStore } from '../../store/store';
import { VirtualClock } from '../../clock';
import { Rng } from '../../rng';

export interface AdmissionRequest {
  operation: 'CREATE' | 'UPDATE' | 'DELETE';
  /** The object being written; mutating plugins change it in place. */
  object: KubeObject;
  oldObject?: KubeObject;
  store: ObjectStore;
  clock: VirtualClock;
  rng: Rng;
}

/** A mutating admission plug-in: may change the object; throws an ApiError to reject. */
export interface MutatingPlugin {
  name: string;
  admit(req: AdmissionRequest): void;
}

/** A validating admission plug-in: reads only; throws an ApiError to reject. */
export interface ValidatingPlugin {
  name: string;
  validate(req: AdmissionRequest): void;
}
