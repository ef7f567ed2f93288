import { CheckPlugin } from './check';
import { describeRef, getObject, ObjectRef, parseObjectRef } from './object-ref';

/** The object exists (guard rail: do not delete the LimitRange or the quota to get your way). */
export const objectExistsCheck: CheckPlugin<ObjectRef> = {
  type: 'object-exists',
  parse: (p) => parseObjectRef('object-exists', p),
  evaluate(cluster, ref) {
    const obj = getObject(cluster, ref);
    if (!obj) return { met: false, whyNot: `${describeRef(ref)} does not exist` };
    if (obj.metadata.deletionTimestamp) return { met: false, whyNot: `${describeRef(ref)} is being deleted` };
    return { met: true };
  },
};
