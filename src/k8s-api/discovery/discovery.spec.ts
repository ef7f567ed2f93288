import { aggregatedDiscovery, discoveryFormat, legacyGroupList, resourceList } from './discovery';
import { OpenApiV3 } from './openapi';
import { parseResourcePath } from '../resources/path';

describe('discovery', () => {
  it('negotiates aggregated v2, v2beta1 or the legacy lists from Accept', () => {
    const kubectl132 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';
    expect(discoveryFormat(kubectl132)).toBe('v2');
    expect(discoveryFormat('application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json')).toBe('v2beta1');
    expect(discoveryFormat('application/json, */*')).toBe('legacy');
    expect(discoveryFormat(undefined)).toBe('legacy');
  });

  it('lists pods with short names, the all category and their subresources', () => {
    const core = aggregatedDiscovery(true, 'v2') as { items: Array<{ metadata: { name: string }; versions: Array<{ resources: Array<Record<string, unknown>> }> }> };
    expect(core.items.map((i) => i.metadata.name)).toEqual(['']);
    const pods = core.items[0].versions[0].resources.find((r) => r.resource === 'pods');
    expect(pods).toEqual(
      expect.objectContaining({
        scope: 'Namespaced',
        singularResource: 'pod',
        shortNames: ['po'],
        categories: ['all'],
        responseKind: { group: '', version: 'v1', kind: 'Pod' },
      }),
    );
    expect((pods!.subresources as Array<{ subresource: string }>).map((s) => s.subresource)).toEqual(['status', 'log', 'eviction', 'exec', 'attach']);
  });

  it('legacy lists: groups with preferred versions; APIResourceList with pods/log and the eviction group', () => {
    const groups = legacyGroupList() as { groups: Array<{ name: string; preferredVersion: { groupVersion: string } }> };
    expect(groups.groups.find((g) => g.name === 'apps')?.preferredVersion.groupVersion).toBe('apps/v1');
    const v1 = resourceList('', 'v1') as { groupVersion: string; resources: Array<Record<string, unknown>> };
    expect(v1.groupVersion).toBe('v1');
    expect(v1.resources.find((r) => r.name === 'pods/eviction')).toEqual(expect.objectContaining({ group: 'policy', version: 'v1', kind: 'Eviction', verbs: ['create'] }));
    expect(resourceList('nope', 'v1')).toBeUndefined();
  });

  it('metrics.k8s.io/v1beta1 (nodes, pods: get and list) is listed only while metrics-server runs', () => {
    const names = (d: Record<string, unknown>) => (d as { items: Array<{ metadata: { name: string } }> }).items.map((g) => g.metadata.name);
    expect(names(aggregatedDiscovery(false, 'v2', true))).toContain('metrics.k8s.io');
    expect(names(aggregatedDiscovery(false, 'v2', false))).not.toContain('metrics.k8s.io');
    expect((legacyGroupList(false) as { groups: Array<{ name: string }> }).groups.map((g) => g.name)).not.toContain('metrics.k8s.io');
    expect(resourceList('metrics.k8s.io', 'v1beta1', false)).toBeUndefined();
    const list = resourceList('metrics.k8s.io', 'v1beta1', true) as { resources: Array<Record<string, unknown>> };
    expect(list.resources).toEqual([
      { name: 'nodes', singularName: '', namespaced: false, kind: 'NodeMetrics', verbs: ['get', 'list'] },
      { name: 'pods', singularName: '', namespaced: true, kind: 'PodMetrics', verbs: ['get', 'list'] },
    ]);
  });
});

describe('resource paths', () => {
  it.each([
    ['/api/v1/namespaces/default/pods/web/log', { kind: 'Pod', namespace: 'default', name: 'web', subresource: 'log' }],
    ['/api/v1/pods', { kind: 'Pod', namespace: undefined, name: undefined, subresource: undefined }],
    ['/api/v1/namespaces/kube-system', { kind: 'Namespace', namespace: undefined, name: 'kube-system', subresource: undefined }],
    ['/api/v1/namespaces/team/status', { kind: 'Namespace', namespace: undefined, name: 'team', subresource: 'status' }],
    ['/apis/apps/v1/namespaces/default/deployments/web/scale', { kind: 'Deployment', namespace: 'default', name: 'web', subresource: 'scale' }],
    ['/api/v1/nodes/node01', { kind: 'Node', namespace: undefined, name: 'node01', subresource: undefined }],
    ['/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/web', { kind: 'PodMetrics', namespace: 'default', name: 'web', subresource: undefined }],
    ['/apis/metrics.k8s.io/v1beta1/nodes', { kind: 'NodeMetrics', namespace: undefined, name: undefined, subresource: undefined }],
  ])('%s', (path, want) => {
    const p = parseResourcePath(path)!;
    expect({ kind: p.resource.info.kind, namespace: p.namespace, name: p.name, subresource: p.subresource }).toEqual(want);
  });

  it.each(['/api/v1/widgets', '/apis/apps/v2/deployments', '/api/v1/namespaces/default/nodes/x', '/healthz'])('%s is not a resource', (path) => {
    expect(parseResourcePath(path)).toBeUndefined();
  });
});

describe('OpenAPI v3', () => {
  it('indexes the committed documents with their SHA-512 and serves them', () => {
    const api = new OpenApiV3();
    const index = api.index('/k8s/a') as { paths: Record<string, { serverRelativeURL: string }> };
    expect(index.paths['apis/apps/v1'].serverRelativeURL).toMatch(/^\/k8s\/a\/openapi\/v3\/apis\/apps\/v1\?hash=[0-9A-F]{128}$/);
    const doc = api.doc('api/v1')!;
    expect((JSON.parse(doc.body.toString()) as { components: { schemas: Record<string, unknown> } }).components.schemas['io.k8s.api.core.v1.Pod']).toBeDefined();
    expect(api.doc('apis/nope/v1')).toBeUndefined();
  });
});
