import { Cluster, KubeObject, Service } from '../../cluster-engine';
import { serviceReachableCheck } from './service-reachable.check';

const APP: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'api', namespace: 'default' },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'api' } },
    template: { metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'api', image: 'crashloop/api:1', ports: [{ name: 'http', containerPort: 8080 }] }] } },
  },
} as KubeObject;

function cluster(servicePorts: Array<Record<string, unknown>>, type = 'ClusterIP'): Cluster {
  const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'api', namespace: 'default' }, spec: { type, selector: { app: 'api' }, ports: servicePorts } } as KubeObject;
  const c = Cluster.create(
    {
      nodes: [{ name: 'node01' }],
      registry: [{ name: 'crashloop/api', tags: { '1': {} }, behaviour: { listens: [8080], http: { '/': 200, '/healthz': 200 } } }],
      objects: [APP, svc],
    },
    5,
  );
  c.tick(30_000);
  return c;
}

const check = (c: Cluster, params: Record<string, unknown>) => serviceReachableCheck.evaluate(c, serviceReachableCheck.parse({ name: 'api', ...params }) as never);

describe('service-reachable check', () => {
  it('holds when every ready backend answers the path', () => {
    expect(check(cluster([{ port: 80, targetPort: 'http' }]), { min: 2 })).toEqual({ met: true });
  });

  it('says which backend refuses the connection when the targetPort is wrong, though the Endpoints look full', () => {
    const c = cluster([{ port: 80, targetPort: 80 }]);
    const r = check(c, { min: 2 });
    expect(r.met).toBe(false);
    expect(r.whyNot).toMatch(/^service api \(port 80\) sends traffic to 10\.244\.\d+\.\d+:80 \(pod api-[a-z0-9]+-[a-z0-9]+\), which refuses the connection: nothing listens there$/);
  });

  it('reports an answer outside 2xx/3xx, and too few endpoints', () => {
    const c = cluster([{ port: 80, targetPort: 8080 }]);
    expect(check(c, { path: '/missing' }).whyNot).toMatch(/reaches 10\.244\.\d+\.\d+:8080 \(pod api-.*\), but GET \/missing answers 404$/);
    expect(check(c, { min: 3 }).whyNot).toBe('service api (port 80) has 2 ready endpoint(s), needs 3');
  });

  it('reaches a NodePort Service on its nodePort only', () => {
    const c = cluster([{ port: 80, targetPort: 8080, nodePort: 30080 }], 'NodePort');
    expect(check(c, { nodePort: 30080 })).toEqual({ met: true });
    const np = c.api.get<Service>('Service', 'default', 'api').spec.ports![0].nodePort;
    expect(check(c, { nodePort: 30081 }).whyNot).toBe(`nothing answers on the nodes' port 30081: service api has nodePort ${np}`);
    expect(check(cluster([{ port: 80, targetPort: 8080 }]), { nodePort: 30080 }).whyNot).toBe("nothing answers on the nodes' port 30080: service api is of type ClusterIP, with no nodePort");
  });

  it('rejects bad parameters with a message', () => {
    expect(serviceReachableCheck.parse({})).toBe('service-reachable needs "name"');
    expect(serviceReachableCheck.parse({ name: 'a', port: 80, nodePort: 30080 })).toBe('service-reachable: give "port" or "nodePort", not both');
    expect(serviceReachableCheck.parse({ name: 'a', min: 0 })).toBe('service-reachable: "min" must be a positive integer');
    expect(serviceReachableCheck.parse({ name: 'a', path: 'healthz' })).toBe('service-reachable: "path" must start with /');
  });
});
