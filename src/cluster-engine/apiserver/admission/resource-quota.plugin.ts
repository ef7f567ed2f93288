import { ValidatingPlugin } from './admission';
import { Pod } from '../../api/types';
import { forbidden } from '../../api/errors';
import { formatQuantity, namespaceUsage, objectUsage, quantityValue, quotasIn, requiredComputeResources } from '../../quota/usage';

const prettyPrint = (list: Record<string, string>) =>
  Object.keys(list)
    .sort()
    .map((k) => `${k}=${list[k]}`)
    .join(',');

/**
 * ResourceQuota admission (`resourcequota/controller.go`): a create that would push any quota of the
 * namespace over its hard limits is refused with `exceeded quota: …`; a pod under a compute quota must
 * declare the quota's resources (`failed quota: …: must specify …`).
 */
export const resourceQuotaPlugin: ValidatingPlugin = {
  name: 'ResourceQuota',
  validate({ operation, object, store }) {
    if (operation !== 'CREATE' || object.kind === 'Event') return;
    const ns = object.metadata.namespace;
    if (!ns) return;
    const quotas = quotasIn(store, ns);
    if (quotas.length === 0) return;
    const requested = objectUsage(object);
    for (const quota of quotas) {
      const hard = quota.spec?.hard ?? {};
      if (object.kind === 'Pod') {
        const pod = object as Pod;
        const missing: string[] = [];
        for (const r of requiredComputeResources(hard).sort()) {
          const [field, resource] = r.split('.') as ['requests' | 'limits', string];
          const without = (pod.spec.containers ?? []).filter((c) => c.resources?.[field]?.[resource] === undefined).map((c) => c.name);
          if (without.length) missing.push(`${r} for: ${without.join(',')}`);
        }
        if (missing.length) throw forbidden(object.kind, object.metadata.name, `failed quota: ${quota.metadata.name}: must specify ${missing.join('; ')}`);
      }
      const touched = Object.keys(hard).filter((r) => r in requested && requested[r] > 0);
      if (touched.length === 0) continue;
      const used = namespaceUsage(store, ns, hard, { kind: object.kind, name: object.metadata.name });
      const exceeded = touched.filter((r) => quantityValue(r, used[r]) + requested[r] > quantityValue(r, hard[r]));
      if (exceeded.length === 0) continue;
      const pick = (f: (r: string) => string) => Object.fromEntries(exceeded.map((r) => [r, f(r)]));
      throw forbidden(
        object.kind,
        object.metadata.name,
        `exceeded quota: ${quota.metadata.name}, requested: ${prettyPrint(pick((r) => formatQuantity(r, requested[r])))}, used: ${prettyPrint(pick((r) => used[r]))}, limited: ${prettyPrint(pick((r) => hard[r]))}`,
      );
    }
  },
};
