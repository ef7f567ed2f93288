import { ServiceAccount } from '../api/types';
import { digestOf } from '../runtime/registry';

/** A uid derived from a name, for objects made at bootstrap without drawing from the seeded Rng. */
export function fixedUid(seed: string): string {
  const h = digestOf(seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The `default` ServiceAccount the service-account controller puts in every namespace (no token Secret since 1.24). */
export function defaultServiceAccount(namespace: string): ServiceAccount {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace, uid: fixedUid(`serviceaccount/${namespace}/default`) } };
}
