import { Cluster } from '../cluster';
import { ClusterSpec } from '../spec';
import { KubeObject, Pod } from '../api/types';
import { ApiError } from '../api/errors';

/** A small cluster for engine tests: a tainted control plane and one or more workers. */
export function testCluster(objects: KubeObject[] = [], extra: Partial<ClusterSpec> = {}, seed = 1): Cluster {
  return Cluster.create(
    {
      nodes: [{ name: 'controlplane', role: 'control-plane' }, { name: 'node01', cpu: '2', memory: '4Gi' }],
      registry: [
        { name: 'nginx', tags: { '1.27': { sizeBytes: 68_000_000 } }, behaviour: { listens: [80], http: { '/': 200, '/healthz': 200 } } },
        { name: 'busybox', tags: { '1.36': { sizeBytes: 2_100_000 } }, behaviour: { exit: { afterSeconds: 2, code: 1, logs: ['boom'] } } },
        { name: 'app/hog', tags: { '1': {} }, behaviour: { memoryMiB: 300, listens: [8080] } },
        { name: 'corp/private', tags: { '1': {} }, private: true },
      ],
      objects,
      ...extra,
    },
    seed,
  );
}

export function pod(name: string, spec: Partial<Pod['spec']> & { image?: string }): Pod {
  const { image, ...rest } = spec;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { app: name } },
    spec: { containers: [{ name: 'app', image: image ?? 'nginx:1.27' }], ...rest },
    status: {},
  } as Pod;
}

export function getPod(c: Cluster, name: string): Pod {
  return c.api.get<Pod>('Pod', 'default', name);
}

/** Advances one simulated second at a time until `until` holds (at most `maxSeconds`); returns the seconds taken. */
export function runUntil(c: Cluster, until: () => boolean, maxSeconds = 900): number {
  for (let s = 0; s < maxSeconds; s++) {
    if (until()) return s;
    c.tick(1000);
  }
  throw new Error(`condition not reached within ${maxSeconds}s`);
}

/** The ApiError `fn` throws (anything else thrown is rethrown; no throw fails the test). */
export function apiErrorOf(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected an ApiError');
}
