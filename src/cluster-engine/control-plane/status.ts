import { Pod } from '../api/types';
import { ObjectStore } from '../store/store';

export interface ControlPlaneStatus {
  /** kube-apiserver (and the etcd behind it) is serving */
  apiServer: boolean;
  scheduler: boolean;
  controllerEnabled(name: string): boolean;
}

const ALL_RUNNING: ControlPlaneStatus = { apiServer: true, scheduler: true, controllerEnabled: () => true };

/** Controllers kube-controller-manager leaves off unless named (`--controllers=*` does not include them). */
const DISABLED_BY_DEFAULT = new Set(['bootstrapsigner', 'tokencleaner']);

/**
 * Which control-plane components are at work, read from their static pods in kube-system: a component
 * runs while its container runs, and kube-controller-manager starts only the controllers its
 * `--controllers` flag names (`*` for the defaults, `-name` to leave one out). A cluster without
 * static control-plane pods has every component running.
 */
/** A component does its work only after it has been up a moment (serving, leader lease acquired). */
const WARM_UP_MS = 2_000;

export function controlPlaneStatus(store: ObjectStore, staticControlPlane: boolean, nowMs: number): ControlPlaneStatus {
  if (!staticControlPlane) return ALL_RUNNING;
  const pods = (store.scan('Pod', 'kube-system') as Pod[]).filter((p) => p.metadata.annotations?.['kubernetes.io/config.mirror'] && p.metadata.labels?.tier === 'control-plane');
  const running = (component: string) =>
    pods.some(
      (p) =>
        p.metadata.labels?.component === component &&
        !p.metadata.deletionTimestamp &&
        p.status.containerStatuses?.some((c) => c.state.running && nowMs - Date.parse(c.state.running.startedAt ?? '') >= WARM_UP_MS),
    );
  const cm = pods.find((p) => p.metadata.labels?.component === 'kube-controller-manager');
  const flags = [...(cm?.spec.containers[0]?.command ?? []), ...(cm?.spec.containers[0]?.args ?? [])];
  const controllers = (flags.find((f) => f.startsWith('--controllers='))?.slice('--controllers='.length) ?? '*').split(',');
  const enabled = (name: string) => {
    if (controllers.includes(`-${name}`)) return false;
    if (controllers.includes(name)) return true;
    return controllers.includes('*') && !DISABLED_BY_DEFAULT.has(name);
  };
  const apiServer = running('kube-apiserver') && running('etcd');
  return { apiServer, scheduler: running('kube-scheduler'), controllerEnabled: (name) => running('kube-controller-manager') && enabled(name) };
}
