import { CheckPlugin } from './check';
import { describeRef, getObject, ObjectRef, parseObjectRef } from './object-ref';

/** The object is gone (a Deployment that should have been a Job, a rogue Pod). */
export const objectAbsentCheck: CheckPlugin<ObjectRef> = {
  type: 'object-absent',
  parse: (p) => parseObjectRef('object-absent', p),
  evaluate(cluster, ref) {
    const obj = getObject(cluster, ref);
    if (!obj) return { met: true };
    return { met: false, whyNot: obj.metadata.deletionTimestamp ? `${describeRef(ref)} is still being deleted` : `${describeRef(ref)} still exists` };
  },
};
