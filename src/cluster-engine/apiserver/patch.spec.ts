import { apiErrorOf, testCluster } from '../test-support/fixtures';
import { Deployment, Node, Service } from '../api/types';
import { strategicMergePatch } from '../api/patch/strategic-merge';

function deployment(name: string, replicas: number, image: string): Deployment {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'app', image }] } } },
  } as unknown as Deployment;
}

describe('ApiServer.patch', () => {
  const setup = () => {
    const c = testCluster();
    c.api.create(deployment('web', 2, 'nginx:1.27'));
    return c;
  };

  it('strategic: merges containers by name, keeps the rest, bumps generation once', () => {
    const c = setup();
    const before = c.api.get<Deployment>('Deployment', 'default', 'web');
    const after = c.api.patch<Deployment>('Deployment', 'default', 'web', 'strategic', {
      spec: { template: { spec: { containers: [{ name: before.spec.template.spec.containers[0].name, image: 'nginx:1.28' }] } } },
    });
    const container = after.spec.template.spec.containers[0];
    expect([container.image, container.imagePullPolicy, after.metadata.generation]).toEqual(['nginx:1.28', before.spec.template.spec.containers[0].imagePullPolicy, 2]);
  });

  it('a patch that changes nothing keeps the resourceVersion', () => {
    const c = setup();
    const before = c.api.get<Deployment>('Deployment', 'default', 'web');
    const after = c.api.patch('Deployment', 'default', 'web', 'merge', { spec: { replicas: 2 } });
    expect(after.metadata.resourceVersion).toBe(before.metadata.resourceVersion);
  });

  it('merge: null deletes a label; json: test failure is 422', () => {
    const c = setup();
    c.api.patch('Deployment', 'default', 'web', 'merge', { metadata: { labels: { tier: 'fe' } } });
    expect(c.api.get('Deployment', 'default', 'web').metadata.labels?.tier).toBe('fe');
    c.api.patch('Deployment', 'default', 'web', 'merge', { metadata: { labels: { tier: null } } });
    expect(c.api.get('Deployment', 'default', 'web').metadata.labels?.tier).toBeUndefined();
    c.api.patch('Deployment', 'default', 'web', 'json', [{ op: 'replace', path: '/spec/replicas', value: 3 }]);
    expect(c.api.get<Deployment>('Deployment', 'default', 'web').spec.replicas).toBe(3);
    const err = apiErrorOf(() => c.api.patch('Deployment', 'default', 'web', 'json', [{ op: 'test', path: '/spec/replicas', value: 9 }]));
    expect([err.code, err.message]).toEqual([422, 'testing value /spec/replicas failed: test failed']);
  });

  it('the main resource ignores status; the status subresource takes it', () => {
    const c = setup();
    c.api.patch('Deployment', 'default', 'web', 'merge', { status: { replicas: 42 } });
    expect(c.api.get<Deployment>('Deployment', 'default', 'web').status?.replicas).not.toBe(42);
    c.api.patch('Deployment', 'default', 'web', 'merge', { status: { replicas: 42 } }, { subresource: 'status' });
    expect(c.api.get<Deployment>('Deployment', 'default', 'web').status?.replicas).toBe(42);
  });

  it('a stale resourceVersion in the patch is a 409 Conflict', () => {
    const c = setup();
    const err = apiErrorOf(() => c.api.patch('Deployment', 'default', 'web', 'merge', { metadata: { resourceVersion: '1' }, spec: { replicas: 5 } }));
    expect(err.message).toBe('Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again');
  });

  it('apply creates a missing object and merges into an existing one', () => {
    const c = testCluster();
    const d = deployment('api', 1, 'nginx:1.27');
    c.api.patch('Deployment', 'default', 'api', 'apply', d);
    c.api.patch('Deployment', 'default', 'api', 'apply', { ...d, spec: { ...d.spec, replicas: 4 } });
    expect(c.api.get<Deployment>('Deployment', 'default', 'api').spec.replicas).toBe(4);
  });

  it('strict decoding rejects unknown fields', () => {
    const c = setup();
    const err = apiErrorOf(() => c.api.patch('Deployment', 'default', 'web', 'merge', { spec: { bogus: 1 } }, { strict: true }));
    expect(err.message).toContain('strict decoding error: unknown field "spec.bogus"');
  });
});

describe('strategicMergePatch directives', () => {
  it('$patch: delete removes a keyed item, $setElementOrder orders, finalizers merge as a set', () => {
    const live = { metadata: { finalizers: ['a'] }, spec: { containers: [{ name: 'a', image: '1' }, { name: 'b', image: '2' }] } };
    const out = strategicMergePatch(live, { metadata: { finalizers: ['b'] }, spec: { '$setElementOrder/containers': [{ name: 'c' }, { name: 'a' }], containers: [{ name: 'b', $patch: 'delete' }, { name: 'c', image: '3' }] } }, 'Pod');
    expect(out).toEqual({ metadata: { finalizers: ['a', 'b'] }, spec: { containers: [{ name: 'c', image: '3' }, { name: 'a', image: '1' }] } });
  });

  it('service ports merge by port, tolerations are replaced, $patch: replace replaces a map', () => {
    const svc = { spec: { ports: [{ port: 80, targetPort: 8080 }, { port: 443 }], selector: { a: '1', b: '2' } } } as unknown as Service;
    expect(strategicMergePatch(svc, { spec: { ports: [{ port: 80, targetPort: 9090 }], selector: { c: '3', $patch: 'replace' } } }, 'Service')).toEqual({
      spec: { ports: [{ port: 80, targetPort: 9090 }, { port: 443 }], selector: { c: '3' } },
    });
    const pod = { spec: { tolerations: [{ key: 'x' }] } };
    expect(strategicMergePatch(pod, { spec: { tolerations: [{ key: 'y' }] } }, 'Pod')).toEqual({ spec: { tolerations: [{ key: 'y' }] } });
  });

  it('node taints have no patch strategy (kubectl taint sends the whole list); unschedulable null removes (uncordon)', () => {
    const node = { spec: { unschedulable: true, taints: [{ key: 'a', effect: 'NoSchedule' }] } } as unknown as Node;
    expect(strategicMergePatch(node, { spec: { unschedulable: null, taints: [{ key: 'b', effect: 'NoExecute' }] } }, 'Node')).toEqual({
      spec: { taints: [{ key: 'b', effect: 'NoExecute' }] },
    });
  });

  it('follows the schema by path: a Deployment template\'s env merges by name, volumes by name', () => {
    const live = { spec: { template: { spec: { containers: [{ name: 'app', env: [{ name: 'A', value: '1' }] }], volumes: [{ name: 'v', emptyDir: {} }] } } } };
    const patch = { spec: { template: { spec: { containers: [{ name: 'app', env: [{ name: 'B', value: '2' }] }], volumes: [{ name: 'w', configMap: { name: 'c' } }] } } } };
    expect(strategicMergePatch(live, patch, 'Deployment')).toEqual({
      spec: { template: { spec: { containers: [{ name: 'app', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] }], volumes: [{ name: 'v', emptyDir: {} }, { name: 'w', configMap: { name: 'c' } }] } } },
    });
  });
});
