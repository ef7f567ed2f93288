import { Cluster, KubeObject } from '../../cluster-engine';
import { replicasAtLeastCheck } from './replicas-at-least.check';

const DEPLOY = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } },
} as KubeObject;

const cluster = () => Cluster.create({ nodes: [{ name: 'node01' }], registry: [{ name: 'nginx', tags: { '1.27': {} } }], objects: [DEPLOY] }, 2);

describe('replicas-at-least check', () => {
  it('holds while the Deployment asks for enough replicas, and says how many it asks for otherwise', () => {
    const c = cluster();
    const check = (min: number) => replicasAtLeastCheck.evaluate(c, replicasAtLeastCheck.parse({ name: 'web', min }) as never);
    expect(check(2)).toEqual({ met: true });
    expect(check(3)).toEqual({ met: false, whyNot: 'deployment web asks for 2 replica(s), fewer than 3' });
    expect(replicasAtLeastCheck.parse({ name: 'web' })).toBe('replicas-at-least: "min" must be a positive integer');
  });
});
