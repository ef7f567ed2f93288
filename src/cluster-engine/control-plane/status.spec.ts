import { Pod } from '../api/types';
import { ObjectStore } from '../store/store';
import { toIso } from '../clock';
import { controlPlaneStatus } from './status';

const T0 = Date.parse('2025-01-15T09:00:00Z');

function mirrorPod(component: string, state: 'running' | 'exited', startedAtMs = T0, args: string[] = []): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `${component}-controlplane`, namespace: 'kube-system', labels: { component, tier: 'control-plane' }, annotations: { 'kubernetes.io/config.mirror': 'x' } },
    spec: { containers: [{ name: component, image: component, command: [component, ...args] }] },
    status: {
      phase: 'Running',
      containerStatuses: [
        {
          name: component,
          image: component,
          imageID: '',
          ready: state === 'running',
          restartCount: 0,
          state: state === 'running' ? { running: { startedAt: toIso(startedAtMs) } } : { terminated: { exitCode: 1, reason: 'Error' } },
          lastState: {},
        },
      ],
    },
  };
}

describe('controlPlaneStatus', () => {
  it('follows the store and the clock, though it reuses the answer while neither moved', () => {
    const store = new ObjectStore();
    for (const c of ['etcd', 'kube-apiserver', 'kube-scheduler']) store.create(mirrorPod(c, 'running'));
    store.create(mirrorPod('kube-controller-manager', 'running', T0, ['--controllers=*,-garbagecollector']));
    // Up for 1 s: still warming up; asked again at the same moment, the same answer.
    expect(controlPlaneStatus(store, true, T0 + 1_000).apiServer).toBe(false);
    expect(controlPlaneStatus(store, true, T0 + 1_000).apiServer).toBe(false);
    // Only the clock moved: warmed up now.
    const warm = controlPlaneStatus(store, true, T0 + 2_000);
    expect([warm.apiServer, warm.scheduler, warm.controllerEnabled('deployment'), warm.controllerEnabled('garbagecollector'), warm.controllerEnabled('tokencleaner')]).toEqual([true, true, true, false, false]);
    // Only the store moved (same instant): the API server's container exited.
    const stored = store.get('Pod', 'kube-system', 'kube-apiserver-controlplane') as Pod;
    store.update({ ...mirrorPod('kube-apiserver', 'exited'), metadata: stored.metadata });
    expect(controlPlaneStatus(store, true, T0 + 2_000).apiServer).toBe(false);
    expect(controlPlaneStatus(store, true, T0 + 2_000).scheduler).toBe(true);
    store.remove('Pod', 'kube-system', 'kube-scheduler-controlplane');
    expect(controlPlaneStatus(store, true, T0 + 2_000).scheduler).toBe(false);
  });

  it('answers for each store on its own, even at the same resourceVersion and time', () => {
    const up = new ObjectStore();
    const down = new ObjectStore();
    for (const c of ['etcd', 'kube-apiserver']) {
      up.create(mirrorPod(c, 'running'));
      down.create(mirrorPod(c, c === 'etcd' ? 'running' : 'exited'));
    }
    expect(up.resourceVersion).toBe(down.resourceVersion);
    expect(controlPlaneStatus(up, true, T0 + 5_000).apiServer).toBe(true);
    expect(controlPlaneStatus(down, true, T0 + 5_000).apiServer).toBe(false);
    expect(controlPlaneStatus(down, false, T0 + 5_000).apiServer).toBe(true); // no static control plane: all running
  });
});
