import { MutatingPlugin, ValidatingPlugin } from './admission';
import { Container, LimitRange, Pod } from '../../api/types';
import { forbidden } from '../../api/errors';
import { qosClass } from '../../api/defaults';
import { formatQuantity, quantityValue } from '../../quota/usage';

function ranges(store: Parameters<MutatingPlugin['admit']>[0]['store'], ns: string): LimitRange[] {
  return store.scan('LimitRange', ns) as LimitRange[];
}

/**
 * LimitRanger (mutating half): containers without requests/limits get the namespace's Container defaults,
 * recorded in the `kubernetes.io/limit-ranger` annotation as the real plug-in does.
 */
export const limitRangerMutatingPlugin: MutatingPlugin = {
  name: 'LimitRanger',
  admit({ operation, object, store }) {
    if (operation !== 'CREATE' || object.kind !== 'Pod') return;
    const pod = object as Pod;
    const notes: string[] = [];
    for (const lr of ranges(store, pod.metadata.namespace ?? 'default')) {
      for (const item of lr.spec?.limits ?? []) {
        if (item.type !== 'Container') continue;
        // mergeContainerResources: missing limits, then missing requests; one note per kind, names sorted.
        const apply = (c: Container, init: boolean) => {
          const setRequests: string[] = [];
          const setLimits: string[] = [];
          const res = (c.resources ??= {});
          for (const [r, q] of Object.entries(item.default ?? {})) {
            if (res.limits?.[r] === undefined) {
              res.limits = { ...(res.limits ?? {}), [r]: q };
              setLimits.push(r);
            }
          }
          for (const [r, q] of Object.entries(item.defaultRequest ?? {})) {
            if (res.requests?.[r] === undefined) {
              res.requests = { ...(res.requests ?? {}), [r]: q };
              setRequests.push(r);
            }
          }
          const who = `${init ? 'init container' : 'container'} ${c.name}`;
          if (setRequests.length) notes.push(`${setRequests.sort().join(', ')} request for ${who}`);
          if (setLimits.length) notes.push(`${setLimits.sort().join(', ')} limit for ${who}`);
        };
        for (const c of pod.spec.initContainers ?? []) apply(c, true);
        for (const c of pod.spec.containers ?? []) apply(c, false);
      }
    }
    if (!notes.length) return;
    pod.metadata.annotations = { ...(pod.metadata.annotations ?? {}), 'kubernetes.io/limit-ranger': `LimitRanger plugin set: ${notes.join('; ')}` };
    // The pod strategy computes the QoS class after admission, so it sees these defaults.
    if (pod.status) pod.status.qosClass = qosClass(pod);
  },
};

/** LimitRanger (validating half): per-container min/max against the namespace's LimitRanges. */
export const limitRangerValidatingPlugin: ValidatingPlugin = {
  name: 'LimitRanger',
  validate({ operation, object, store }) {
    if (operation !== 'CREATE' || object.kind !== 'Pod') return;
    const pod = object as Pod;
    const errors: string[] = [];
    for (const lr of ranges(store, pod.metadata.namespace ?? 'default')) {
      for (const item of lr.spec?.limits ?? []) {
        if (item.type !== 'Container') continue;
        for (const c of [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])]) {
          const req = c.resources?.requests ?? {};
          const lim = c.resources?.limits ?? {};
          for (const [r, q] of Object.entries(item.min ?? {})) {
            const min = quantityValue(r, q);
            const shown = formatQuantity(r, min);
            if (req[r] === undefined) errors.push(`minimum ${r} usage per Container is ${shown}.  No request is specified`);
            else if (quantityValue(r, req[r]) < min) errors.push(`minimum ${r} usage per Container is ${shown}, but request is ${req[r]}`);
            if (lim[r] !== undefined && quantityValue(r, lim[r]) < min) errors.push(`minimum ${r} usage per Container is ${shown}, but limit is ${lim[r]}`);
          }
          for (const [r, q] of Object.entries(item.max ?? {})) {
            const max = quantityValue(r, q);
            const shown = formatQuantity(r, max);
            if (lim[r] === undefined) errors.push(`maximum ${r} usage per Container is ${shown}.  No limit is specified`);
            else if (quantityValue(r, lim[r]) > max) errors.push(`maximum ${r} usage per Container is ${shown}, but limit is ${lim[r]}`);
          }
        }
      }
    }
    if (errors.length) throw forbidden('Pod', pod.metadata.name, errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`);
  },
};
