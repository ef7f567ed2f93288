import { ConfigMap, KubeEvent, Pod } from '../api/types';
import { getPod, pod, runUntil, testCluster } from '../test-support/fixtures';

function withConfigVolume(name: string): Pod {
  const p = pod(name, { volumes: [{ name: 'config', configMap: { name: 'app-config' } }] });
  p.spec.containers[0].volumeMounts = [{ name: 'config', mountPath: '/etc/app' }];
  return p;
}

const appConfig: ConfigMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-config', namespace: 'default' }, data: { 'app.conf': 'mode=prod\n' } };

describe('kubelet volumes', () => {
  it('keeps a pod whose ConfigMap volume is missing in ContainerCreating with repeated FailedMount, and heals once it exists', () => {
    const c = testCluster([withConfigVolume('web')]);
    c.tick(40_000);
    const p = getPod(c, 'web');
    expect(p.status.phase).toBe('Pending');
    expect(p.status.containerStatuses![0].state).toEqual({ waiting: { reason: 'ContainerCreating' } });
    expect(p.status.podIP).toBeUndefined();
    expect(p.status.conditions!.find((x) => x.type === 'PodReadyToStartContainers')!.status).toBe('False');
    const mounts = c.api.list<KubeEvent>('Event', { namespace: 'default' }).filter((e) => e.reason === 'FailedMount');
    expect(mounts).toHaveLength(1);
    expect(mounts[0]).toMatchObject({ type: 'Warning', message: 'MountVolume.SetUp failed for volume "config" : configmap "app-config" not found', source: { component: 'kubelet', host: 'node01' } });
    expect(mounts[0].count).toBeGreaterThanOrEqual(5);
    // No container was ever pulled for it.
    expect(c.api.list<KubeEvent>('Event', { namespace: 'default' }).some((e) => e.reason === 'Pulling')).toBe(false);

    c.api.create(appConfig);
    runUntil(c, () => getPod(c, 'web').status.phase === 'Running', 200);
    expect(getPod(c, 'web').status.conditions!.find((x) => x.type === 'PodReadyToStartContainers')!.status).toBe('True');
  });

  it('a missing Secret volume reports the secret', () => {
    const p = pod('db', { volumes: [{ name: 'creds', secret: { secretName: 'db-creds' } }] });
    const c = testCluster([p]);
    c.tick(5000);
    const e = c.api.list<KubeEvent>('Event', { namespace: 'default' }).find((x) => x.reason === 'FailedMount')!;
    expect(e.message).toBe('MountVolume.SetUp failed for volume "creds" : secret "db-creds" not found');
  });

  it('an image that requires a file exits when the mount lacks it', () => {
    const p = withConfigVolume('app');
    p.spec.containers[0].image = 'reader:1';
    const c = testCluster([p, { ...appConfig, data: { 'other.conf': 'x' } } as ConfigMap], {
      registry: [{ name: 'reader', tags: { '1': {} }, behaviour: { requiredFiles: [{ path: '/etc/app/app.conf', logs: ['fatal: cannot read /etc/app/app.conf'] }] } }],
    });
    runUntil(c, () => (getPod(c, 'app').status.containerStatuses?.[0].restartCount ?? 0) >= 1);
    expect(c.logs('default', 'app', { previous: true })).toBe('fatal: cannot read /etc/app/app.conf\n');
  });
});
