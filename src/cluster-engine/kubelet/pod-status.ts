import { Container, ContainerState, ContainerStatus, Pod, PodStatus } from '../api/types';
import { setCondition } from '../api/conditions';
import { toIso } from '../clock';
import { ContainerRecord, PodRecord } from './state';

/** The API view of one container, from the runtime's record (`convertToAPIContainerStatuses`). */
export function containerStatus(c: Container, rec: ContainerRecord | undefined, defaultWaiting: string): ContainerStatus {
  if (!rec) {
    return { name: c.name, state: { waiting: { reason: defaultWaiting } }, lastState: {}, ready: false, restartCount: 0, image: c.image, imageID: '', started: false };
  }
  let state: ContainerState;
  if (rec.phase === 'running') state = { running: { startedAt: toIso(rec.startedMs!) } };
  else if (rec.phase === 'exited')
    state = {
      terminated: {
        exitCode: rec.exitCode!,
        reason: rec.exitReason,
        startedAt: toIso(rec.startedMs!),
        finishedAt: toIso(rec.finishedMs!),
        containerID: rec.containerID,
      },
    };
  else state = { waiting: { reason: rec.waiting?.reason ?? defaultWaiting, ...(rec.waiting?.message ? { message: rec.waiting.message } : {}) } };
  const status: ContainerStatus = {
    name: c.name,
    state,
    lastState: rec.lastTerminated ? { terminated: rec.lastTerminated } : {},
    ready: rec.phase === 'running' && rec.ready,
    restartCount: rec.restartCount,
    image: rec.resolvedImage ?? c.image,
    imageID: rec.imageID ?? '',
    started: rec.phase === 'running' && rec.started,
  };
  if (rec.containerID) status.containerID = rec.containerID;
  return status;
}

/** `getPhase` from kubelet_pods.go. */
export function podPhase(pod: Pod, init: ContainerStatus[], main: ContainerStatus[]): NonNullable<PodStatus['phase']> {
  const policy = pod.spec.restartPolicy ?? 'Always';
  for (const s of init) {
    if (s.state.terminated?.exitCode === 0) continue;
    if (s.state.terminated && policy === 'Never') return 'Failed';
    if (s.state.waiting && s.lastState.terminated && s.lastState.terminated.exitCode !== 0 && policy === 'Never') return 'Failed';
    return 'Pending';
  }
  let waiting = 0;
  let running = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const s of main) {
    if (s.state.running) running++;
    else if (s.state.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.state.waiting && s.lastState.terminated) {
      stopped++;
      if (s.lastState.terminated.exitCode === 0) succeeded++;
    } else waiting++;
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    return policy === 'Never' ? 'Failed' : 'Running';
  }
  return 'Pending';
}

/** Writes the kubelet-owned part of the pod status: phase, IPs, container statuses and the four kubelet conditions. */
export function applyKubeletStatus(pod: Pod, rec: PodRecord, nodeIP: string, nowIso: string): void {
  const hasInit = (pod.spec.initContainers ?? []).length > 0;
  const init = (pod.spec.initContainers ?? []).map((c) => containerStatus(c, rec.containers[`init:${c.name}`], 'PodInitializing'));
  const main = pod.spec.containers.map((c) => containerStatus(c, rec.containers[c.name], hasInit ? 'PodInitializing' : 'ContainerCreating'));
  const status = pod.status;
  // A pod the kubelet evicted stays Failed with the eviction's reason and message.
  status.phase = rec.evicted ? 'Failed' : podPhase(pod, init, main);
  if (rec.evicted) {
    status.reason = 'Evicted';
    status.message = rec.evicted.message;
    setCondition(status, { type: 'DisruptionTarget', status: 'True', lastProbeTime: null, reason: 'TerminationByKubelet', message: rec.evicted.message }, nowIso);
  }
  status.hostIP = nodeIP;
  status.hostIPs = [{ ip: nodeIP }];
  // Until its volumes are mounted the pod has no sandbox, hence no IP (and PodReadyToStartContainers False).
  const noSandbox = rec.volumes !== undefined && !rec.volumes.mounted;
  if (noSandbox) {
    delete status.podIP;
    delete status.podIPs;
  } else {
    status.podIP = rec.ip;
    status.podIPs = [{ ip: rec.ip }];
  }
  status.startTime = toIso(rec.startedMs);
  if (hasInit) status.initContainerStatuses = init;
  status.containerStatuses = main;

  const terminal = status.phase === 'Succeeded' || status.phase === 'Failed';
  const pendingInit = init.filter((s) => s.state.terminated?.exitCode !== 0).map((s) => s.name);
  const unready = main.filter((s) => !s.ready).map((s) => s.name);
  setCondition(status, { type: 'PodReadyToStartContainers', status: terminal || noSandbox ? 'False' : 'True', lastProbeTime: null }, nowIso);
  setCondition(
    status,
    pendingInit.length && !terminal
      ? { type: 'Initialized', status: 'False', lastProbeTime: null, reason: 'ContainersNotInitialized', message: `containers with incomplete status: [${pendingInit.join(' ')}]` }
      : { type: 'Initialized', status: 'True', lastProbeTime: null },
    nowIso,
  );
  for (const type of ['Ready', 'ContainersReady']) {
    const cond = terminal
      ? { type, status: 'False' as const, lastProbeTime: null, reason: status.phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed' }
      : unready.length
        ? { type, status: 'False' as const, lastProbeTime: null, reason: 'ContainersNotReady', message: `containers with unready status: [${unready.join(' ')}]` }
        : { type, status: 'True' as const, lastProbeTime: null };
    setCondition(status, cond, nowIso);
  }
  status.conditions = orderConditions(status.conditions ?? []);
}

const ORDER = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];

/** The kubelet's condition order; others (DisruptionTarget) keep their place after these. */
function orderConditions<C extends { type: string }>(list: C[]): C[] {
  const rank = (c: C) => (ORDER.includes(c.type) ? ORDER.indexOf(c.type) : ORDER.length);
  return [...list].sort((a, b) => rank(a) - rank(b));
}
