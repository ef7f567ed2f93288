import { KubeObject, OwnerReference } from '../api/types';
import { allKinds, isKnownKind, kindInfo } from '../api/kinds';
import { ApiError } from '../api/errors';
import { Component, EngineContext } from '../context';

/**
 * The garbage collector with background propagation: an object all of whose owners are gone (no object
 * of that kind and name, or one with another uid) is deleted. Deleting a Deployment thus removes its
 * ReplicaSets, and then their pods (gracefully, through their kubelets).
 */
export class GarbageCollectorReconciler implements Component<Record<string, never>> {
  readonly name = 'garbagecollector';

  state(): Record<string, never> {
    return {};
  }

  step(ctx: EngineContext): void {
    for (const info of allKinds()) {
      if (info.kind === 'Event') continue;
      for (const obj of ctx.store.scan(info.kind)) {
        const owners = obj.metadata.ownerReferences;
        if (!owners?.length || obj.metadata.deletionTimestamp) continue;
        if (owners.some((o) => ownerExists(ctx, obj, o))) continue;
        try {
          ctx.api.delete(info.kind, obj.metadata.namespace, obj.metadata.name);
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
        }
      }
    }
  }
}

function ownerExists(ctx: EngineContext, dependent: Readonly<KubeObject>, ref: OwnerReference): boolean {
  // An owner of an unknown kind cannot be looked up: the real collector leaves such dependents alone.
  if (!isKnownKind(ref.kind)) return true;
  const ns = kindInfo(ref.kind).namespaced ? dependent.metadata.namespace : undefined;
  const owner = ctx.store.peek(ref.kind, ns, ref.name);
  return !!owner && owner.metadata.uid === ref.uid;
}
