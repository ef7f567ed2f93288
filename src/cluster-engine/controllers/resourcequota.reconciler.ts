import { ResourceQuota } from '../api/types';
import { Component, EngineContext } from '../context';
import { namespaceUsage } from '../quota/usage';

/** The resource-quota controller: `status.hard` mirrors `spec.hard`, `status.used` is recounted from the namespace. */
export class ResourceQuotaReconciler implements Component<Record<string, never>> {
  readonly name = 'resourcequota-controller';

  state(): Record<string, never> {
    return {};
  }

  step(ctx: EngineContext): void {
    for (const quota of ctx.store.scan('ResourceQuota') as ResourceQuota[]) {
      const hard = { ...(quota.spec?.hard ?? {}) };
      const used = namespaceUsage(ctx.store, quota.metadata.namespace!, hard);
      const next = { hard, used };
      if (JSON.stringify(next) === JSON.stringify(quota.status ?? {})) continue;
      const fresh = ctx.api.get<ResourceQuota>('ResourceQuota', quota.metadata.namespace, quota.metadata.name);
      fresh.status = next;
      ctx.api.updateStatus(fresh);
    }
  }
}
