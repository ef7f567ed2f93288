import { Namespace } from '../api/types';
import { allKinds } from '../api/kinds';
import { Component, EngineContext } from '../context';

/**
 * The namespace controller: a Terminating namespace has its content deleted (pods gracefully, through
 * their kubelets), and disappears once nothing is left in it.
 */
export class NamespaceReconciler implements Component<Record<string, never>> {
  readonly name = 'namespace-controller';

  state(): Record<string, never> {
    return {};
  }

  step(ctx: EngineContext): void {
    for (const ns of ctx.store.scan('Namespace') as Namespace[]) {
      if (!ns.metadata.deletionTimestamp) continue;
      let remaining = 0;
      for (const info of allKinds()) {
        if (!info.namespaced) continue;
        for (const obj of ctx.store.scan(info.kind, ns.metadata.name)) {
          remaining++;
          if (!obj.metadata.deletionTimestamp) ctx.api.delete(info.kind, ns.metadata.name, obj.metadata.name);
        }
      }
      if (remaining === 0) ctx.store.remove('Namespace', undefined, ns.metadata.name);
    }
  }
}
