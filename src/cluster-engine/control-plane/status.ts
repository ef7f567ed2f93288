import { Pod } from '../api/types';
import { parseIsoMs } from '../clock';
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

/** A component does its work only after it has been up a moment (serving, leader lease acquired). */
const WARM_UP_MS = 2_000;

/** The last status per store, with what it was computed from: kubectl asks before every command, mostly within one second and store version. */
const lastStatus = new WeakMap<ObjectStore, { resourceVersion: string; nowMs: number; status: ControlPlaneStatus }>();

/**
 * Which control-plane components are at work, read from their static pods in kube-system: a component
 * runs while its container runs, and kube-controller-manager starts only the controllers its
 * `--controllers` flag names (`*` for the defaults, `-name` to leave one out). A cluster without
 * static control-plane pods has every component running.
 */
export function controlPlaneStatus(store: ObjectStore, staticControlPlane: boolean, nowMs: number): ControlPlaneStatus {
  if (!staticControlPlane) return ALL_RUNNING;
  // A pure function of the stored objects and the time: reused while neither changed.
  const resourceVersion = store.resourceVersion;
  const last = lastStatus.get(store);
  if (last && last.resourceVersion === resourceVersion && last.nowMs === nowMs) return last.status;
  const status = computeStatus(store, nowMs);
  lastStatus.set(store, { resourceVersion, nowMs, status });
  return status;
}

function computeStatus(store: ObjectStore, nowMs: number): ControlPlaneStatus {
  // One pass over kube-system (kubectl asks before every command): which components run, and the controller-manager's pod.
  const running = new Set<string>();
  let cm: Pod | undefined;
  for (const p of store.scan('Pod', 'kube-system') as Pod[]) {
    const labels = p.metadata.labels;
    if (!p.metadata.annotations?.['kubernetes.io/config.mirror'] || labels?.tier !== 'control-plane') continue;
    const component = labels.component;
    if (component === 'kube-controller-manager') cm ??= p;
    if (component === undefined || running.has(component) || p.metadata.deletionTimestamp) continue;
    if (p.status.containerStatuses?.some((c) => c.state.running && nowMs - parseIsoMs(c.state.running.startedAt ?? '') >= WARM_UP_MS)) running.add(component);
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
