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
  // One pass over kube-system (kubectl asks before every command): which components run, and the controller-manager's pod.
  const running = new Set<string>();
  let cm: Pod | undefined;
  for (const p of store.scan('Pod', 'kube-system') as Pod[]) {
    const labels = p.metadata.labels;
    if (!p.metadata.annotations?.['kubernetes.io/config.mirror'] || labels?.tier !== 'control-plane') continue;
    const component = labels.component;
    if (component === 'kube-controller-manager') cm ??= p;
    if (component === undefined || running.has(component) || p.metadata.deletionTimestamp) continue;
    if (p.status.containerStatuses?.some((c) => c.state.running && nowMs - Date.parse(c.state.running.startedAt ?? '') >= WARM_UP_MS)) running.add(component);
  }
  let controllers: string[] | undefined;
  const enabled = (name: string) => {
    if (!controllers) {
      const flags = [...(cm?.spec.containers[0]?.command ?? []), ...(cm?.spec.containers[0]?.args ?? [])];
      controllers = (flags.find((f) => f.startsWith('--controllers='))?.slice('--controllers='.length) ?? '*').split(',');
    }
    if (controllers.includes(`-${name}`)) return false;
    if (controllers.includes(name)) return true;
    return controllers.includes('*') && !DISABLED_BY_DEFAULT.has(name);
  };
  const controllerManager = running.has('kube-controller-manager');
  return {
    apiServer: running.has('kube-apiserver') && running.has('etcd'),
    scheduler: running.has('kube-scheduler'),
    controllerEnabled: (name) => controllerManager && enabled(name),
  };
}
