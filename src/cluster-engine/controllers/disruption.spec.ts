import { KubeObject, Pod, PodDisruptionBudget } from '../api/types';
import { ApiError } from '../api/errors';
import { Cluster } from '../cluster';
import { runUntil, testCluster } from '../test-support/fixtures';

const REGISTRY = [{ name: 'nginx', tags: { '1.27': { sizeBytes: 68_000_000 } }, behaviour: { listens: [80] } }];

function deployment(name: string): KubeObject {
  const labels = { app: name };
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: 'default', labels }, spec: { replicas: 3, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } } };
}

function pdb(name: string, spec: PodDisruptionBudget['spec']): PodDisruptionBudget {
  return { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name, namespace: 'default' }, spec };
}

const getPdb = (c: Cluster, name = 'web-pdb') => c.api.get<PodDisruptionBudget>('PodDisruptionBudget', 'default', name);
const webPods = (c: Cluster) => c.api.list<Pod>('Pod', { namespace: 'default', labelSelector: 'app=web' }).filter((p) => !p.metadata.deletionTimestamp);
const settled = (c: Cluster) => runUntil(c, () => webPods(c).filter((p) => p.status.conditions?.some((x) => x.type === 'Ready' && x.status === 'True')).length === 3, 120);

function evictError(c: Cluster, name: string): ApiError | undefined {
  try {
    c.api.evict('default', name);
    return undefined;
  } catch (e) {
    return e as ApiError;
  }
}

describe('PodDisruptionBudget: disruption controller and the eviction API', () => {
  it.each([
    ['minAvailable: 2', { minAvailable: 2 }, { currentHealthy: 3, desiredHealthy: 2, expectedPods: 3, disruptionsAllowed: 1 }],
    ['minAvailable: 3', { minAvailable: 3 }, { currentHealthy: 3, desiredHealthy: 3, expectedPods: 3, disruptionsAllowed: 0 }],
    ['maxUnavailable: 1', { maxUnavailable: 1 }, { currentHealthy: 3, desiredHealthy: 2, expectedPods: 3, disruptionsAllowed: 1 }],
    ['minAvailable: 50% (rounds up)', { minAvailable: '50%' }, { currentHealthy: 3, desiredHealthy: 2, expectedPods: 3, disruptionsAllowed: 1 }],
    ['maxUnavailable: 0', { maxUnavailable: 0 }, { currentHealthy: 3, desiredHealthy: 3, expectedPods: 3, disruptionsAllowed: 0 }],
  ])('status for %s over a 3-replica Deployment', (_l, bounds, expected) => {
    const c = testCluster([deployment('web'), pdb('web-pdb', { ...bounds, selector: { matchLabels: { app: 'web' } } })] as KubeObject[], { registry: REGISTRY });
    settled(c);
    c.tick(2000);
    const st = getPdb(c).status!;
    expect(st).toMatchObject({ ...expected, observedGeneration: 1 });
    expect(st.conditions).toEqual([
      expect.objectContaining({ type: 'DisruptionAllowed', status: expected.disruptionsAllowed > 0 ? 'True' : 'False', reason: expected.disruptionsAllowed > 0 ? 'SufficientPods' : 'InsufficientPods', message: '' }),
    ]);
  });

  it('evicts while the budget allows, then refuses with 429 and the budget cause; healthy again after the replacement is Ready', () => {
    const c = testCluster([deployment('web'), pdb('web-pdb', { minAvailable: 2, selector: { matchLabels: { app: 'web' } } })] as KubeObject[], { registry: REGISTRY });
    settled(c);
    c.tick(2000);
    const [a, b] = webPods(c).map((p) => p.metadata.name);
    expect(evictError(c, a)).toBeUndefined();
    const evicted = c.api.get<Pod>('Pod', 'default', a);
    expect(evicted.metadata.deletionTimestamp).toBeDefined();
    expect(evicted.status.conditions!.find((x) => x.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' });
    expect(getPdb(c).status!.disruptionsAllowed).toBe(0);
    expect(getPdb(c).status!.disruptedPods).toHaveProperty(a);
    c.tick(1000);

    const err = evictError(c, b)!;
    expect(err.status).toMatchObject({ code: 429, reason: 'TooManyRequests', message: "Cannot evict pod as it would violate the pod's disruption budget." });
    expect(err.status.details!.causes).toEqual([{ reason: 'DisruptionBudget', message: 'The disruption budget web-pdb needs 2 healthy pods and has 2 currently', field: '' }]);
    expect(c.api.get<Pod>('Pod', 'default', b).metadata.deletionTimestamp).toBeUndefined();

    // The ReplicaSet replaces the evicted pod; once it is Ready the budget allows one disruption again.
    runUntil(c, () => getPdb(c).status!.disruptionsAllowed === 1, 120);
    expect(getPdb(c).status!.disruptedPods).toBeUndefined();
    expect(evictError(c, b)).toBeUndefined();
  });

  it('refuses to evict a pod selected by two budgets (500, as the API server)', () => {
    const c = testCluster([deployment('web'), pdb('web-pdb', { minAvailable: 2, selector: { matchLabels: { app: 'web' } } })] as KubeObject[], { registry: REGISTRY });
    settled(c);
    c.tick(2000);
    const name = webPods(c)[0].metadata.name;
    c.api.create(pdb('second', { maxUnavailable: 1, selector: { matchLabels: { app: 'web' } } }));
    c.tick(2000);
    const err = evictError(c, name)!;
    expect(err.status).toMatchObject({ code: 500, reason: 'InternalError', message: 'Internal error occurred: This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.' });
  });

  it('a budget created a moment ago is "still being processed"', () => {
    const c = testCluster([deployment('web')] as KubeObject[], { registry: REGISTRY });
    settled(c);
    c.api.create(pdb('web-pdb', { minAvailable: 1, selector: { matchLabels: { app: 'web' } } }));
    const err = evictError(c, webPods(c)[0].metadata.name)!;
    expect(err.status.code).toBe(429);
    expect(err.status.details!.causes![0].message).toBe('The disruption budget web-pdb is still being processed by the server.');
  });

  it('validates like the API server', () => {
    const c = testCluster();
    const fail = (spec: PodDisruptionBudget['spec']) => {
      try {
        c.api.create(pdb('bad', spec));
        return '';
      } catch (e) {
        return (e as ApiError).message;
      }
    };
    expect(fail({ minAvailable: '120%', selector: {} })).toBe('The PodDisruptionBudget "bad" is invalid: spec.minAvailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"120%"}: must not be greater than 100%');
    expect(fail({ maxUnavailable: -1, selector: {} })).toBe('The PodDisruptionBudget "bad" is invalid: spec.maxUnavailable: Invalid value: -1: must be greater than or equal to 0');
    expect(fail({ minAvailable: 1, maxUnavailable: 1, selector: {} })).toMatch(/^The PodDisruptionBudget "bad" is invalid: spec: Invalid value: policy.PodDisruptionBudgetSpec\{.*\}: minAvailable and maxUnavailable cannot be both set$/);
  });
});
