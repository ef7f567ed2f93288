/** Colour classes of the cluster view, from the STATUS and READY columns of `kubectl get pods`. Pure. */
export type StatusClass = 's-ok' | 's-progress' | 's-warn' | 's-bad' | 's-done' | 's-gone';

const FAILING = new Set([
  'CrashLoopBackOff',
  'ImagePullBackOff',
  'ErrImagePull',
  'ErrImageNeverPull',
  'InvalidImageName',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
  'PostStartHookError',
  'ContainerCannotRun',
  'Error',
  'OOMKilled',
  'Failed',
  'Evicted',
  'Unknown',
  'NodeLost',
  'ContainerStatusUnknown',
  'StartError',
]);
const STARTING = new Set(['ContainerCreating', 'PodInitializing']);

/** `1/1` → every container ready (and at least one). */
export function fullyReady(ready: string): boolean {
  const [n, of] = ready.split('/').map(Number);
  return of > 0 && n === of;
}

export function statusClass(status: string, ready: string): StatusClass {
  if (status === 'Terminating') return 's-gone';
  if (status === 'Completed' || status === 'Succeeded') return 's-done';
  if (status === 'Running') return fullyReady(ready) ? 's-ok' : 's-warn';
  if (STARTING.has(status) || /^Init:\d+\/\d+$/.test(status)) return 's-progress';
  const bare = status.startsWith('Init:') ? status.slice(5) : status;
  if (FAILING.has(bare) || /^(ExitCode|Signal):/.test(bare) || /Err|BackOff/.test(bare)) return 's-bad';
  return 's-warn'; // Pending, SchedulingGated, NotReady, anything new
}

export const STATUS_WORDS: Record<StatusClass, string> = {
  's-ok': 'running and ready',
  's-progress': 'starting',
  's-warn': 'waiting or not ready',
  's-bad': 'failing',
  's-done': 'completed',
  's-gone': 'terminating',
};
