import { pod, testCluster } from '../test-support/fixtures';
import { Namespace } from '../api/types';

describe('namespace deletion', () => {
  it('stays Terminating until its pods are gone, then disappears', () => {
    const c = testCluster();
    c.createObject({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    c.api.create({ ...pod('web', {}), metadata: { name: 'web', namespace: 'shop' } });
    c.tick(10_000);
    c.api.delete('Namespace', undefined, 'shop');
    expect(c.api.get<Namespace>('Namespace', undefined, 'shop').status.phase).toBe('Terminating');
    expect(() => c.api.create({ ...pod('late', {}), metadata: { name: 'late', namespace: 'shop' } })).toThrow(
      'pods "late" is forbidden: unable to create new content in namespace shop because it is being terminated',
    );
    c.tick(1_000);
    expect(c.api.get('Pod', 'shop', 'web').metadata.deletionTimestamp).toBeDefined();
    c.tick(5_000);
    expect(c.api.tryGet('Namespace', undefined, 'shop')).toBeUndefined();
    expect(c.api.list('ConfigMap', { namespace: 'shop' })).toEqual([]);
  });

  it('publishes kube-root-ca.crt into every new namespace', () => {
    const c = testCluster();
    c.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } });
    c.tick(1_000);
    expect(c.api.list('ConfigMap', { namespace: 'team-a' }).map((o) => o.metadata.name)).toEqual(['kube-root-ca.crt']);
  });
});
