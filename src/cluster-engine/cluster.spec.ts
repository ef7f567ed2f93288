import { pod, testCluster } from './test-support/fixtures';
import { Cluster } from './cluster';

function timeline(c: Cluster): string[] {
  return c.api.list<any>('Event').map((e) => `${e.involvedObject.name} ${e.reason} ${e.count ?? e.series?.count ?? 1} ${e.message}`);
}

describe('Cluster', () => {
  it('is deterministic for a seed', () => {
    const run = () => {
      const c = testCluster([pod('a', { image: 'busybox:1.36' }), pod('b', { image: 'nginx:1.27.99' }), pod('c', {})], {}, 99);
      c.tick(300_000);
      return { events: timeline(c), pods: c.api.list('Pod') };
    };
    expect(run()).toEqual(run());
  });

  it('continues identically after snapshot ▸ JSON ▸ restore', () => {
    const original = testCluster([pod('a', { image: 'busybox:1.36' }), pod('b', { image: 'nginx:1.27.99' })], {}, 5);
    original.tick(45_000);
    const restored = Cluster.restore(JSON.parse(JSON.stringify(original.snapshot())));
    original.tick(200_000);
    restored.tick(200_000);
    expect(restored.api.list('Pod')).toEqual(original.api.list('Pod'));
    expect(timeline(restored)).toEqual(timeline(original));
    expect(restored.logs('default', 'a', { previous: true })).toBe(original.logs('default', 'a', { previous: true }));
  });

  it('starts with the system namespaces, their root CA config maps, and Ready nodes', () => {
    const c = testCluster();
    c.tick(1000);
    expect(c.api.list('Namespace').map((n) => n.metadata.name)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
    expect(c.api.list('ConfigMap', { namespace: 'default' }).map((n) => n.metadata.name)).toEqual(['kube-root-ca.crt']);
    expect(c.api.list<any>('Node').map((n) => n.status.conditions.find((x: any) => x.type === 'Ready').status)).toEqual(['True', 'True']);
    expect(c.api.list('Lease', { namespace: 'kube-node-lease' })).toHaveLength(2);
  });

  it('answers logs with the API server\'s messages', () => {
    const c = testCluster([pod('web', { image: 'nginx:1.27.99' })]);
    c.tick(20_000);
    expect(() => c.logs('default', 'web')).toThrow('container "app" in pod "web" is waiting to start: trying and failing to pull image');
    expect(() => c.logs('default', 'web', { previous: true })).toThrow('previous terminated container "app" in pod "web" not found');
    expect(() => c.logs('default', 'web', { container: 'nope' })).toThrow('container nope is not valid for pod web');
  });

  it('says why a container has no log yet, from its status', () => {
    const c = testCluster([
      pod('init', { initContainers: [{ name: 'setup', image: 'busybox:1.36' }], containers: [{ name: 'app', image: 'nginx:1.27' }] }),
      pod('big', { containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu: '64' } } }] }),
      pod('typo', { image: 'nginx:1.27.99' }),
    ]);
    c.tick(30_000);
    expect(() => c.logs('default', 'init')).toThrow('container "app" in pod "init" is waiting to start: PodInitializing');
    expect(c.logs('default', 'big')).toBe('');
    for (let s = 0; s < 60 && (c.api.get<any>('Pod', 'default', 'typo').status.containerStatuses[0].state.waiting.reason !== 'ErrImagePull'); s++) c.tick(1000);
    expect(() => c.logs('default', 'typo')).toThrow('container "app" in pod "typo" is waiting to start: image can\'t be pulled');
  });
});
