import { Endpoints, EndpointSlice, Pod, Service } from '../api/types';
import { printTable } from '../printers';
import { getPod, pod, runUntil, testCluster } from '../test-support/fixtures';

function service(name: string, selector: Record<string, string>, targetPort: number | string = 80, extra: Partial<Service['spec']> = {}): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { selector, ports: [{ port: 80, targetPort }], ...extra } } as Service;
}

function webPod(name: string, extra: Partial<Pod['spec']> = {}): Pod {
  const p = pod(name, { containers: [{ name: 'app', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 80 }] }], ...extra });
  p.metadata.labels = { app: 'web' };
  return p;
}

const endpointsCell = (c: ReturnType<typeof testCluster>, name: string) => {
  const ep = c.api.get<Endpoints>('Endpoints', 'default', name);
  return String(printTable('Endpoints', [ep], { nowMs: c.nowMs() }).rows[0].cells[1]);
};

describe('services and the endpoints controllers', () => {
  it('allocates a cluster IP from 10.96.0.0/12 and keeps the kubernetes Service at 10.96.0.1', () => {
    const c = testCluster([service('web', { app: 'web' })]);
    const svc = c.api.get<Service>('Service', 'default', 'web');
    expect(svc.spec).toMatchObject({ type: 'ClusterIP', sessionAffinity: 'None', internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' });
    expect(svc.spec.ports).toEqual([{ port: 80, targetPort: 80, protocol: 'TCP' }]);
    const [a, b] = svc.spec.clusterIP!.split('.').map(Number);
    expect(a).toBe(10);
    expect(b >= 96 && b <= 111).toBe(true);
    expect(svc.spec.clusterIPs).toEqual([svc.spec.clusterIP]);
    expect(c.api.get<Service>('Service', 'default', 'kubernetes').spec.clusterIP).toBe('10.96.0.1');
  });

  it('allocates node ports in 30000-32767 and rejects a taken one', () => {
    const c = testCluster([service('np', { app: 'web' }, 80, { type: 'NodePort' })]);
    const port = c.api.get<Service>('Service', 'default', 'np').spec.ports![0].nodePort!;
    expect(port >= 30000 && port <= 32767).toBe(true);
    expect(() => c.api.create(service('np2', { app: 'web' }, 80, { type: 'NodePort', ports: [{ port: 80, nodePort: port }] }))).toThrow(
      `The Service "np2" is invalid: spec.ports[0].nodePort: Invalid value: ${port}: provided port is already allocated`,
    );
    expect(() => c.api.create(service('np3', { app: 'web' }, 80, { type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] }))).toThrow(
      'spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
  });

  it('lists only Ready pods in addresses; a wrong selector leaves no subsets, fixing it fills them', () => {
    const c = testCluster([webPod('web-1'), webPod('web-2'), service('web', { app: 'wbe' })]);
    runUntil(c, () => getPod(c, 'web-1').status.phase === 'Running' && getPod(c, 'web-2').status.phase === 'Running');
    c.tick(2000);
    expect(c.api.get<Endpoints>('Endpoints', 'default', 'web').subsets).toBeUndefined();
    expect(endpointsCell(c, 'web')).toBe('<none>');
    const slice = c.api.list<EndpointSlice>('EndpointSlice', { namespace: 'default', labelSelector: 'kubernetes.io/service-name=web' });
    expect(slice).toHaveLength(1);
    expect(slice[0].metadata.name).toMatch(/^web-[a-z0-9]{5}$/);
    expect(printTable('EndpointSlice', slice, { nowMs: c.nowMs() }).rows[0].cells.slice(1, 4)).toEqual(['IPv4', '<unset>', '<unset>']);

    const svc = c.api.get<Service>('Service', 'default', 'web');
    svc.spec.selector = { app: 'web' };
    c.api.update(svc);
    c.tick(1000);
    const ips = [getPod(c, 'web-1').status.podIP, getPod(c, 'web-2').status.podIP].sort();
    expect(endpointsCell(c, 'web')).toBe(ips.map((ip) => `${ip}:80`).join(','));
    const ep = c.api.get<Endpoints>('Endpoints', 'default', 'web');
    expect(ep.subsets![0].addresses![0]).toMatchObject({ nodeName: 'node01', targetRef: { kind: 'Pod', namespace: 'default' } });
    expect(ep.subsets![0].ports).toEqual([{ port: 80, protocol: 'TCP' }]);
  });

  it('resolves a targetPort by container-port name and leaves out pods without that port', () => {
    const other = pod('other', {});
    other.metadata.labels = { app: 'web' };
    const c = testCluster([webPod('web-1'), other, service('web', { app: 'web' }, 'http')]);
    runUntil(c, () => getPod(c, 'web-1').status.phase === 'Running' && getPod(c, 'other').status.phase === 'Running');
    c.tick(2000);
    expect(endpointsCell(c, 'web')).toBe(`${getPod(c, 'web-1').status.podIP}:80`);
  });

  it('moves a pod whose readiness probe fails to notReadyAddresses (empty ENDPOINTS cell)', () => {
    const p = webPod('web-1', {});
    p.spec.containers[0].readinessProbe = { httpGet: { path: '/ready', port: 80 }, periodSeconds: 5 };
    const c = testCluster([p, service('web', { app: 'web' })]);
    runUntil(c, () => getPod(c, 'web-1').status.phase === 'Running');
    c.tick(30_000);
    const ep = c.api.get<Endpoints>('Endpoints', 'default', 'web');
    expect(ep.subsets).toEqual([{ notReadyAddresses: [expect.objectContaining({ ip: getPod(c, 'web-1').status.podIP })], ports: [{ port: 80, protocol: 'TCP' }] }]);
    expect(endpointsCell(c, 'web')).toBe('');
    const slice = c.api.list<EndpointSlice>('EndpointSlice', { namespace: 'default', labelSelector: 'kubernetes.io/service-name=web' })[0];
    expect(slice.endpoints![0].conditions).toEqual({ ready: false, serving: false, terminating: false });
  });

  it('leaves selector-less services and their Endpoints alone', () => {
    const c = testCluster([{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'ext', namespace: 'default' }, spec: { ports: [{ port: 5432 }] } } as Service]);
    c.api.create({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'ext', namespace: 'default' }, subsets: [{ addresses: [{ ip: '192.168.1.10' }], ports: [{ port: 5432 }] }] } as Endpoints);
    c.tick(3000);
    expect(c.api.get<Endpoints>('Endpoints', 'default', 'ext').subsets).toEqual([{ addresses: [{ ip: '192.168.1.10' }], ports: [{ port: 5432 }] }]);
    expect(c.api.list('EndpointSlice', { namespace: 'default', labelSelector: 'kubernetes.io/service-name=ext' })).toHaveLength(0);
  });

  it('removes the Endpoints and slices with their Service', () => {
    const c = testCluster([service('web', { app: 'web' })]);
    c.tick(2000);
    expect(c.api.tryGet('Endpoints', 'default', 'web')).toBeDefined();
    c.api.delete('Service', 'default', 'web');
    c.tick(1000);
    expect(c.api.tryGet('Endpoints', 'default', 'web')).toBeUndefined();
    expect(c.api.list('EndpointSlice', { namespace: 'default', labelSelector: 'kubernetes.io/service-name=web' })).toHaveLength(0);
  });
});

describe('malformed Service, Endpoints and EndpointSlice bodies', () => {
  it.each([
    ['ports as a string', { selector: { app: 'web' }, ports: '80' }],
    ['a port as a number', { selector: { app: 'web' }, ports: [80] }],
    ['selector as a string', { selector: 'app=web', ports: [{ port: 80 }] }],
    ['no ports', { selector: { app: 'web' } }],
    ['an unknown type', { type: 'Ingress', ports: [{ port: 80 }] }],
    ['a quoted numeric targetPort', { selector: { app: 'web' }, ports: [{ port: 80, targetPort: '8080' }] }],
  ])('rejects %s as Invalid', (_n, spec) => {
    const c = testCluster();
    expect(() => c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'bad', namespace: 'default' }, spec } as unknown as Service)).toThrow(/^The Service "bad" is invalid: /);
    c.tick(2000);
  });

  it('rejects Endpoints and slices the printers could not read', () => {
    const c = testCluster();
    expect(() => c.api.create({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'x', namespace: 'default' }, subsets: 'nope' } as unknown as Endpoints)).toThrow(/is invalid/);
    expect(() => c.api.create({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'x', namespace: 'default' }, endpoints: [{}], ports: [] } as unknown as EndpointSlice)).toThrow(/is invalid/);
  });
});

describe('ServiceAccounts', () => {
  it('every namespace has a default account; a pod naming a missing one is forbidden', () => {
    const c = testCluster();
    expect(c.api.get('ServiceAccount', 'kube-system', 'default').metadata.name).toBe('default');
    expect(() => c.api.create(pod('x', { serviceAccountName: 'builder' }))).toThrow('pods "x" is forbidden: error looking up service account default/builder: serviceaccount "builder" not found');
    c.api.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'builder', namespace: 'default' } });
    expect(c.api.create(pod('x', { serviceAccountName: 'builder' })).spec.serviceAccountName).toBe('builder');
  });
});

describe('Service updates', () => {
  it('a replace without clusterIP keeps it; a changed one is refused; switching to NodePort allocates and back clears', () => {
    const c = testCluster([service('web', { app: 'web' })]);
    const ip = c.api.get<Service>('Service', 'default', 'web').spec.clusterIP;
    const replaced = c.api.update({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web2' }, ports: [{ port: 80 }] } } as Service);
    expect(replaced.spec).toMatchObject({ clusterIP: ip, clusterIPs: [ip], selector: { app: 'web2' } });
    expect(() => c.api.update({ ...replaced, spec: { ...replaced.spec, clusterIP: '10.96.99.99' } })).toThrow('The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: "10.96.99.99": may not change once set');
    const np = c.api.update({ ...replaced, spec: { ...replaced.spec, type: 'NodePort' } });
    const port = np.spec.ports![0].nodePort!;
    expect(port >= 30000 && port <= 32767).toBe(true);
    expect(np.spec.externalTrafficPolicy).toBe('Cluster');
    const back = c.api.update({ ...np, spec: { ...np.spec, type: 'ClusterIP' } });
    expect(back.spec.ports![0].nodePort).toBeUndefined();
    expect(back.spec.externalTrafficPolicy).toBeUndefined();
  });
});
