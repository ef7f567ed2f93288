import { getPod, pod, testCluster } from '../test-support/fixtures';

describe('probes and OOM', () => {
  it('keeps a pod Running but 0/1 while its readiness probe fails, with Unhealthy events', () => {
    const c = testCluster([pod('web', { containers: [{ name: 'app', image: 'nginx:1.27', readinessProbe: { httpGet: { path: '/healthz', port: 8080 } } }] })]);
    c.tick(60_000);
    const p = getPod(c, 'web');
    expect(p.status.phase).toBe('Running');
    expect(p.status.containerStatuses![0]).toMatchObject({ ready: false, restartCount: 0 });
    const ev = c.api.list<any>('Event').find((e) => e.reason === 'Unhealthy');
    expect(ev.message).toBe(`Readiness probe failed: Get "http://${p.status.podIP}:8080/healthz": dial tcp ${p.status.podIP}:8080: connect: connection refused`);
    expect(ev.count).toBeGreaterThan(3);
  });

  it('turns Ready once the readiness probe succeeds', () => {
    const c = testCluster([pod('web', { containers: [{ name: 'app', image: 'nginx:1.27', readinessProbe: { httpGet: { path: '/healthz', port: 80 }, periodSeconds: 5 } }] })]);
    c.tick(10_000);
    expect(getPod(c, 'web').status.conditions!.find((x) => x.type === 'Ready')!.status).toBe('True');
  });

  it('restarts a container whose liveness probe fails three times (default period 10s)', () => {
    const c = testCluster([pod('web', { containers: [{ name: 'app', image: 'nginx:1.27', livenessProbe: { httpGet: { path: '/missing', port: 80 } } }] })]);
    c.tick(45_000);
    const cs = getPod(c, 'web').status.containerStatuses![0];
    expect(cs.restartCount).toBe(1);
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 143, reason: 'Error' });
    const killing = c.api.list<any>('Event').find((e) => e.reason === 'Killing');
    expect(killing.message).toBe('Container app failed liveness probe, will be restarted');
    expect(c.api.list<any>('Event').find((e) => e.reason === 'Unhealthy').message).toBe('Liveness probe failed: HTTP probe failed with statuscode: 404');
  });

  it('OOM-kills a container whose working set exceeds its memory limit (exit 137)', () => {
    const c = testCluster([pod('hog', { containers: [{ name: 'app', image: 'app/hog:1', resources: { limits: { memory: '128Mi' } } }] })]);
    c.tick(30_000);
    const cs = getPod(c, 'hog').status.containerStatuses![0];
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    expect(cs.restartCount).toBeGreaterThanOrEqual(1);
  });

  it('runs init containers in order before the app (Init:0/1 while pulling)', () => {
    const c = testCluster([
      pod('init', { initContainers: [{ name: 'setup', image: 'nginx:1.27', command: ['sh', '-c', 'true'] }], containers: [{ name: 'app', image: 'nginx:1.27' }] }),
    ]);
    c.tick(1000);
    c.tick(1000);
    expect(getPod(c, 'init').status.initContainerStatuses![0].state.waiting?.reason ?? 'running').toBeDefined();
    expect(getPod(c, 'init').status.conditions!.find((x) => x.type === 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [setup]' });
    c.tick(10_000);
    const p = getPod(c, 'init');
    expect(p.status.initContainerStatuses![0].state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(p.status.containerStatuses![0].state.running).toBeDefined();
    expect(p.status.phase).toBe('Running');
  });
});
