import { KubeObject, Namespace } from '../api/types';
import { allKinds } from '../api/kinds';
import { Component, EngineContext } from '../context';
import { namespaceContent } from '../namespace-content';

/** `namespaceContent` per namespace name, built once: it is checked every step. Never mutated (create copies). */
const contentCache = new Map<string, KubeObject[]>();
function contentOf(namespace: string): KubeObject[] {
  let content = contentCache.get(namespace);
  if (!content) {
    if (contentCache.size >= 1024) contentCache.clear();
    contentCache.set(namespace, (content = namespaceContent(namespace)));
  }
  return content;
}

/**
 * The namespace controller: a Terminating namespace has its content deleted (pods gracefully, through
 * their kubelets), and disappears once nothing is left in it. An active namespace gets what the control
 * plane's publishers put in every namespace (`kube-root-ca.crt`, …).
 */
export class NamespaceReconciler implements Component<Record<string, never>> {
  readonly name = 'namespace-controller';

  state(): Record<string, never> {
    return {};
  }

  step(ctx: EngineContext): void {
    for (const ns of ctx.store.scan('Namespace') as Namespace[]) {
      if (!ns.metadata.deletionTimestamp) {
        for (const obj of contentOf(ns.metadata.name)) {
          if (!ctx.store.peek(obj.kind, ns.metadata.name, obj.metadata.name)) ctx.api.create(obj);
        }
        continue;
      }
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
