import { RepositorySpec } from '../runtime/registry';
import { Pod } from '../api/types';
import { Cluster } from '../cluster';
import { getPod, pod, runUntil, testCluster } from '../test-support/fixtures';

const REGISTRY: RepositorySpec[] = [
  { name: 'nginx', tags: { '1.27': {} }, behaviour: { listens: [80], http: { '/': 200 } } },
  // Drains connections for 8 s after SIGTERM, then exits 0.
  { name: 'app/graceful', tags: { '1': {} }, behaviour: { listens: [8080], shutdownSeconds: 8, sigtermExitCode: 0 } },
  // A shell script as PID 1: SIGTERM does nothing.
  { name: 'app/stubborn', tags: { '1': {} }, behaviour: { listens: [8080], ignoresSigterm: true } },
  { name: 'app/slow', tags: { '1': {} }, behaviour: { listens: [8080], shutdownSeconds: 60 } },
];

function cluster(p: Pod): Cluster {
  const c = testCluster([p], { registry: REGISTRY });
  runUntil(c, () => getPod(c, p.metadata.name).status.containerStatuses?.[0]?.state.running !== undefined);
  return c;
}

const events = (c: Cluster, reason: string) => c.api.list<any>('Event').filter((e) => e.reason === reason);
const removedAfter = (c: Cluster, name: string) => runUntil(c, () => !c.api.tryGet('Pod', 'default', name), 200);

describe('graceful termination: preStop ▸ SIGTERM ▸ grace period ▸ SIGKILL', () => {
  it.each([
    ['an image that exits at once on SIGTERM', 'nginx:1.27', 30, undefined, 1],
    ['an image that drains for 8 s', 'app/graceful:1', 30, undefined, 8],
    ['an image that ignores SIGTERM, killed when the 30 s grace period ends', 'app/stubborn:1', 30, undefined, 30],
    ['a slow image cut short by a 10 s grace period', 'app/slow:1', 10, undefined, 10],
    ['a preStop sleep of 5 s before SIGTERM', 'app/graceful:1', 30, { exec: { command: ['sh', '-c', 'sleep 5'] } }, 13],
    ['a preStop sleep action longer than the grace period (SIGKILL 2 s after it)', 'app/stubborn:1', 5, { sleep: { seconds: 20 } }, 7],
  ])('%s', (_label, image, grace, preStop, seconds) => {
    const c = cluster(pod('web', { terminationGracePeriodSeconds: grace, containers: [{ name: 'app', image, ...(preStop ? { lifecycle: { preStop } } : {}) }] }));
    c.api.delete('Pod', 'default', 'web');
    c.tick(1000);
    expect(getPod(c, 'web').metadata.deletionTimestamp).toBeDefined();
    expect(events(c, 'Killing').map((e) => e.message)).toEqual(['Stopping container app']);
    const took = removedAfter(c, 'web') + 1;
    // The pod disappears the second after its last container exited.
    expect(took).toBeGreaterThanOrEqual(seconds);
    expect(took).toBeLessThanOrEqual(seconds + 2);
  });

  it('reports exit 143 for a honoured SIGTERM and 137 for a SIGKILL (liveness restarts show it)', () => {
    const honours = cluster(pod('web', { containers: [{ name: 'app', image: 'nginx:1.27', livenessProbe: { httpGet: { path: '/missing', port: 80 } } }] }));
    runUntil(honours, () => getPod(honours, 'web').status.containerStatuses![0].restartCount === 1);
    expect(getPod(honours, 'web').status.containerStatuses![0].lastState.terminated).toMatchObject({ exitCode: 143, reason: 'Error' });

    const stubborn = cluster(pod('web', { terminationGracePeriodSeconds: 5, containers: [{ name: 'app', image: 'app/stubborn:1', livenessProbe: { tcpSocket: { port: 9999 } } }] }));
    runUntil(stubborn, () => events(stubborn, 'Killing').length > 0);
    const killedAt = stubborn.nowMs();
    // Still running (shutting down) until the grace period ends.
    stubborn.tick(3000);
    expect(getPod(stubborn, 'web').status.containerStatuses![0].state.running).toBeDefined();
    runUntil(stubborn, () => getPod(stubborn, 'web').status.containerStatuses![0].restartCount === 1);
    expect(stubborn.nowMs() - killedAt).toBeGreaterThanOrEqual(5000);
    expect(getPod(stubborn, 'web').status.containerStatuses![0].lastState.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
  });

  it('uses the probe-level terminationGracePeriodSeconds for a liveness kill', () => {
    const c = cluster(pod('web', { terminationGracePeriodSeconds: 600, containers: [{ name: 'app', image: 'app/stubborn:1', livenessProbe: { tcpSocket: { port: 9999 }, terminationGracePeriodSeconds: 4 } }] }));
    runUntil(c, () => events(c, 'Killing').length > 0);
    const at = c.nowMs();
    runUntil(c, () => getPod(c, 'web').status.containerStatuses![0].restartCount === 1);
    expect((c.nowMs() - at) / 1000).toBeLessThanOrEqual(6);
  });

  it('records FailedPreStopHook when the preStop command fails, and still stops the container', () => {
    const c = cluster(pod('web', { containers: [{ name: 'app', image: 'nginx:1.27', lifecycle: { preStop: { exec: { command: ['/bin/sh', '-c', 'cat /tmp/drain-ready'] } } } }] }));
    c.api.delete('Pod', 'default', 'web');
    removedAfter(c, 'web');
    expect(events(c, 'FailedPreStopHook').map((e) => [e.type, e.message, e.involvedObject.fieldPath])).toEqual([['Warning', 'PreStopHook failed', 'spec.containers{app}']]);
  });

  it('a failing postStart hook kills the container, which then crash-loops; fixing the hook heals it', () => {
    const manifest = pod('web', { containers: [{ name: 'app', image: 'nginx:1.27', lifecycle: { postStart: { httpGet: { path: '/warmup', port: 8080 } } } }] });
    const c = testCluster([manifest], { registry: REGISTRY });
    runUntil(c, () => (getPod(c, 'web').status.containerStatuses?.[0]?.restartCount ?? 0) >= 2);
    expect(events(c, 'FailedPostStartHook')[0]).toMatchObject({ type: 'Warning', message: 'PostStartHook failed' });
    expect(events(c, 'Killing')[0].message).toBe('FailedPostStartHook');
    runUntil(c, () => getPod(c, 'web').status.containerStatuses![0].state.waiting?.reason === 'CrashLoopBackOff');
    expect(getPod(c, 'web').status.containerStatuses![0].lastState.terminated).toMatchObject({ exitCode: 143 });

    // The fix: point the hook at the port the server listens on (a new pod, as a Deployment would roll out).
    c.api.delete('Pod', 'default', 'web', { gracePeriodSeconds: 0 });
    c.api.create(pod('web', { containers: [{ name: 'app', image: 'nginx:1.27', lifecycle: { postStart: { httpGet: { path: '/warmup', port: 80 } } } }] }));
    c.tick(30_000);
    const cs = getPod(c, 'web').status.containerStatuses![0];
    expect(cs).toMatchObject({ ready: true, restartCount: 0 });
  });

  it('a failing exec postStart (exit 3) kills the container too', () => {
    const c = testCluster([pod('web', { containers: [{ name: 'app', image: 'nginx:1.27', lifecycle: { postStart: { exec: { command: ['/bin/sh', '-c', 'exit 3'] } } } }] })], { registry: REGISTRY });
    runUntil(c, () => events(c, 'FailedPostStartHook').length > 0);
    expect(getPod(c, 'web').status.phase).toBe('Running');
  });
});
