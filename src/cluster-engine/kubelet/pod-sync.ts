import { Container, Pod, Probe, Secret } from '../api/types';
import { EngineContext } from '../context';
import { resourceValue } from '../api/quantity';
import { parseTime } from '../clock';
import { ImageBehaviour } from '../runtime/image-behaviour';
import { behaviourOf, parseImageRef } from '../runtime/registry';
import { ContainerRecord, KubeletState, PodRecord, ProbeRecord } from './state';
import { backoffNext, goDuration, inBackoffSince, inBackoffSinceUpdate } from './backoff';
import { runProbe } from './probes';
import { resolveEnv } from './env';
import { applyKubeletStatus } from './pod-status';
import { sameJson } from '../api/json';
import { copyOf } from '../store/store';
import { pvcVolumesReady } from './pvc-volumes';
import { configVolumesReady, containerFiles } from './volumes';
import { serviceLinkEnv } from './service-env';
import { podRef, runHook } from './lifecycle-hooks';
import { activePressure, isCritical } from './eviction-manager';

const MiB = 1024 * 1024;
/** The pod worker re-syncs a pod this often while it waits out a back-off (and emits BackOff again). */
const BACKOFF_RESYNC_MS = 10_000;
/** How long ErrImagePull stays visible before the next sync reports ImagePullBackOff. */
const AFTER_PULL_ERROR_MS = 5_000;

interface SyncCtx {
  ctx: EngineContext;
  kubelet: KubeletState;
  pod: Pod;
  rec: PodRecord;
  now: number;
  source: { component: string; host: string };
}

/** One pass of the pod worker for a pod bound to this node (`SyncPod`, greatly condensed). */
export function syncPod(ctx: EngineContext, kubelet: KubeletState, pod: Pod, nodeIP: string, podCIDR: string): void {
  const phase = pod.status?.phase;
  if ((phase === 'Succeeded' || phase === 'Failed') && !pod.metadata.deletionTimestamp) return;
  const now = ctx.clock.nowMs();
  let rec = kubelet.pods[pod.metadata.uid!];
  if (!rec) {
    if (pod.metadata.deletionTimestamp) {
      ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0 });
      return;
    }
    const rejected = admissionRejection(kubelet, pod, now);
    if (rejected) {
      rejectPod(ctx, kubelet, pod, rejected);
      return;
    }
    rec = kubelet.pods[pod.metadata.uid!] = {
      uid: pod.metadata.uid!,
      namespace: pod.metadata.namespace!,
      name: pod.metadata.name,
      // A hostNetwork pod (the control plane's static pods) shares the node's address.
      ip: pod.spec.hostNetwork ? nodeIP : allocateIp(kubelet, podCIDR),
      startedMs: now,
      containers: {},
      nextSyncMs: now,
    };
  }
  const s: SyncCtx = { ctx, kubelet, pod, rec, now, source: { component: 'kubelet', host: kubelet.node } };
  advanceRunning(s);
  if (pod.metadata.deletionTimestamp) {
    if (terminate(s)) return;
  } else if (now >= rec.nextSyncMs || specChanged(pod, rec)) {
    rec.nextSyncMs = now + 60_000;
    reconcileContainers(s);
  }
  const current = ctx.api.store.peek('Pod', pod.metadata.namespace, pod.metadata.name);
  if (!current || current.metadata.uid !== pod.metadata.uid) return;
  // Our listed copy is still current unless this pass wrote the pod: skip a second deep copy.
  const fresh = current.metadata.resourceVersion === pod.metadata.resourceVersion ? pod : (copyOf(current) as Pod);
  const before = copyOf(fresh.status);
  applyKubeletStatus(fresh, rec, nodeIP, ctx.clock.nowIso());
  // The status manager writes only when something changed.
  if (!sameJson(fresh.status, before)) ctx.api.updateStatus(fresh);
}

/**
 * The earliest virtual time at which a sync of an unchanged pod could do anything: the pod worker's next
 * sync, a process exit, a probe, the end of a pull or of a volume retry. Before it, `syncPod` is a no-op.
 */
export function podWakeMs(rec: PodRecord): number {
  let wake = rec.nextSyncMs;
  if (rec.volumes && !rec.volumes.mounted) wake = Math.min(wake, rec.volumes.nextRetryMs);
  for (const c of Object.values(rec.containers)) {
    if (c.exitAtMs !== undefined) wake = Math.min(wake, c.exitAtMs);
    if (c.pullEndsMs !== undefined) wake = Math.min(wake, c.pullEndsMs);
    if (c.phase !== 'running') continue;
    for (const p of [c.probes.startup, c.probes.liveness, c.probes.readiness]) if (p) wake = Math.min(wake, p.nextMs);
  }
  return wake;
}

function allocateIp(kubelet: KubeletState, podCIDR: string): string {
  const base = podCIDR.split('/')[0].split('.').slice(0, 3).join('.');
  const ip = `${base}.${kubelet.nextIp}`;
  kubelet.nextIp = kubelet.nextIp >= 254 ? 2 : kubelet.nextIp + 1;
  return ip;
}

/** A pod update the kubelet reacts to at once: an image changed in the spec. */
function specChanged(pod: Pod, rec: PodRecord): boolean {
  return allContainers(pod).some(({ c, init }) => {
    const r = rec.containers[key(c, init)];
    return r !== undefined && r.image !== c.image;
  });
}

function key(c: Container, init: boolean): string {
  return init ? `init:${c.name}` : c.name;
}

function ref(s: SyncCtx, c: Container, init: boolean) {
  const index = (init ? s.pod.spec.initContainers! : s.pod.spec.containers).indexOf(c);
  return { fieldPath: `${init ? 'spec.initContainers' : 'spec.containers'}{${c.name}}`, index };
}

function event(s: SyncCtx, c: Container | undefined, init: boolean, type: 'Normal' | 'Warning', reason: string, message: string): void {
  s.ctx.events.record({ object: s.pod, type, reason, message, source: s.source, fieldPath: c ? ref(s, c, init).fieldPath : undefined });
}

function behaviour(s: SyncCtx, rec: ContainerRecord): ImageBehaviour {
  const parsed = parseImageRef(rec.image);
  return parsed ? behaviourOf(s.ctx.registry, parsed) : {};
}

// ---------------------------------------------------------------- running processes

/** Moves running containers forward in time: their own exits, OOM kills, log lines and probes. */
function advanceRunning(s: SyncCtx): void {
  for (const { c, init } of allContainers(s.pod)) {
    const rec = s.rec.containers[key(c, init)];
    if (!rec || rec.phase !== 'running') continue;
    if (rec.exitAtMs !== undefined && s.now >= rec.exitAtMs) {
      const plan = rec.exitPlan!;
      for (const line of plan.logs) rec.logs.push({ ms: rec.exitAtMs, line });
      exitContainer(rec, rec.exitAtMs, plan.code, plan.reason);
      // PLEG notices the exit at its next relist, a second later, and the pod worker syncs.
      s.rec.nextSyncMs = Math.min(s.rec.nextSyncMs, s.now + 1000);
      continue;
    }
    if (!init && !s.pod.metadata.deletionTimestamp && !rec.stopping) runProbes(s, c, rec);
  }
}

function exitContainer(rec: ContainerRecord, atMs: number, code: number, reason: string): void {
  rec.phase = 'exited';
  rec.finishedMs = atMs;
  rec.exitCode = code;
  rec.exitReason = reason;
  rec.ready = false;
  rec.exitAtMs = undefined;
  rec.exitPlan = undefined;
  rec.stopping = undefined;
}

function probeDue(rec: ProbeRecord | undefined, now: number): boolean {
  return !!rec && now >= rec.nextMs;
}

function runProbes(s: SyncCtx, c: Container, rec: ContainerRecord): void {
  const b = behaviour(s, rec);
  const upFor = s.now - rec.startedMs!;
  const probeOnce = (kind: 'startup' | 'liveness' | 'readiness', probe: Probe) => {
    const pr = rec.probes[kind]!;
    pr.nextMs += (probe.periodSeconds ?? 10) * 1000;
    const outcome = runProbe(probe, c, b, s.rec.ip, upFor);
    if (outcome.ok) {
      pr.successes++;
      pr.failures = 0;
    } else {
      pr.failures++;
      pr.successes = 0;
      const label = kind[0].toUpperCase() + kind.slice(1);
      event(s, c, false, 'Warning', 'Unhealthy', `${label} probe failed: ${outcome.output}`.trimEnd());
    }
    return pr;
  };
  if (c.startupProbe && !rec.started) {
    if (!probeDue(rec.probes.startup, s.now)) return;
    const pr = probeOnce('startup', c.startupProbe);
    if (pr.successes >= (c.startupProbe.successThreshold ?? 1)) {
      rec.started = true;
      // Liveness and readiness start counting once the startup probe has passed.
      if (rec.probes.liveness) rec.probes.liveness.nextMs = s.now + (c.livenessProbe?.initialDelaySeconds ?? 0) * 1000;
      if (rec.probes.readiness) rec.probes.readiness.nextMs = s.now;
    } else if (pr.failures >= (c.startupProbe.failureThreshold ?? 3)) {
      kill(s, c, rec, 'startup', `Container ${c.name} failed startup probe, will be restarted`);
    }
    return;
  }
  if (c.livenessProbe && probeDue(rec.probes.liveness, s.now)) {
    const pr = probeOnce('liveness', c.livenessProbe);
    if (pr.failures >= (c.livenessProbe.failureThreshold ?? 3)) {
      kill(s, c, rec, 'liveness', `Container ${c.name} failed liveness probe, will be restarted`);
      return;
    }
  }
  if (c.readinessProbe) {
    if (probeDue(rec.probes.readiness, s.now)) {
      const pr = probeOnce('readiness', c.readinessProbe);
      if (pr.successes >= (c.readinessProbe.successThreshold ?? 1)) rec.ready = true;
      if (pr.failures >= (c.readinessProbe.failureThreshold ?? 3)) rec.ready = false;
    }
  } else rec.ready = rec.started;
}

/** The kubelet never gives a container less than this after its preStop hook (`minimumGracePeriodInSeconds`). */
const MIN_GRACE_MS = 2000;

/**
 * `killContainer`: a Killing event, then the preStop hook (its time counts against the grace period),
 * then SIGTERM; a process still running when the grace period ends is SIGKILLed (exit 137). The image
 * decides whether SIGTERM is honoured, how long shutting down takes, and the exit code it gives.
 */
function kill(s: SyncCtx, c: Container, rec: ContainerRecord, why: NonNullable<ContainerRecord['killedFor']>, message: string, graceSeconds = containerGrace(s, c, why)): void {
  event(s, c, rec.init, 'Normal', 'Killing', message);
  rec.killedFor = why;
  rec.stopping = true;
  s.rec.nextSyncMs = Math.min(s.rec.nextSyncMs, s.now + 1000);
  const b = behaviour(s, rec);
  const deadline = s.now + Math.max(0, graceSeconds) * 1000;
  let sigtermAt = s.now;
  const preStop = c.lifecycle?.preStop;
  // A container killed because its postStart hook failed does not run preStop (it never started properly).
  if (preStop && why !== 'postStart' && graceSeconds > 0) {
    const hook = runHook(preStop, c, b, s.pod, s.rec.ip, s.now - (rec.startedMs ?? s.now));
    if (!hook.ok) event(s, c, rec.init, 'Warning', 'FailedPreStopHook', 'PreStopHook failed');
    sigtermAt = Math.min(deadline, s.now + hook.durationMs);
  }
  const stopTimeout = Math.max(MIN_GRACE_MS, deadline - sigtermAt);
  const exitsAfter = b.ignoresSigterm ? Infinity : (b.shutdownSeconds ?? 0) * 1000;
  const [exitAt, code] = graceSeconds <= 0 ? [s.now, 137] : exitsAfter <= stopTimeout ? [sigtermAt + exitsAfter, b.sigtermExitCode ?? 143] : [sigtermAt + stopTimeout, 137];
  // A process that was about to end on its own anyway does so.
  if (rec.exitAtMs !== undefined && rec.exitAtMs <= exitAt) return;
  if (exitAt <= s.now) {
    exitContainer(rec, s.now, code, code === 0 ? 'Completed' : 'Error');
    rec.killedFor = why;
    return;
  }
  rec.exitAtMs = exitAt;
  rec.exitPlan = { code, reason: code === 0 ? 'Completed' : 'Error', logs: [] };
}

/** The grace period of a kill the kubelet decided itself: a probe's own override, else the pod's (30 s by default). */
function containerGrace(s: SyncCtx, c: Container, why: NonNullable<ContainerRecord['killedFor']>): number {
  const probe = why === 'liveness' ? c.livenessProbe : why === 'startup' ? c.startupProbe : undefined;
  return probe?.terminationGracePeriodSeconds ?? s.pod.spec.terminationGracePeriodSeconds ?? 30;
}

// ---------------------------------------------------------------- termination

/**
 * Graceful deletion: every running container is stopped within what is left of the pod's grace period
 * (its deletionTimestamp); once none runs, the pod is removed from the API. Returns true once removed.
 */
function terminate(s: SyncCtx): boolean {
  const deadline = parseTime(s.pod.metadata.deletionTimestamp) ?? s.now;
  if (s.rec.terminatingSinceMs === undefined) s.rec.terminatingSinceMs = s.now;
  let running = false;
  for (const { c, init } of allContainers(s.pod)) {
    const rec = s.rec.containers[key(c, init)];
    if (rec?.phase !== 'running') continue;
    if (!rec.stopping || rec.killedFor !== 'deleting') kill(s, c, rec, 'deleting', `Stopping container ${c.name}`, Math.max(0, Math.round((deadline - s.now) / 1000)));
    // A second delete with a shorter grace period moves the SIGKILL forward.
    else if (s.now >= deadline + MIN_GRACE_MS) exitContainer(rec, s.now, 137, 'Error');
    if (rec.phase === 'running') running = true;
  }
  if (running || s.now === s.rec.terminatingSinceMs) return false;
  s.ctx.api.delete('Pod', s.pod.metadata.namespace, s.pod.metadata.name, { gracePeriodSeconds: 0 });
  delete s.kubelet.pods[s.rec.uid];
  return true;
}

// ---------------------------------------------------------------- starting and restarting

function allContainers(pod: Pod): Array<{ c: Container; init: boolean }> {
  return [...(pod.spec.initContainers ?? []).map((c) => ({ c, init: true })), ...pod.spec.containers.map((c) => ({ c, init: false }))];
}

/** `computePodActions`: run init containers one by one, then keep every app container running per restartPolicy. */
function reconcileContainers(s: SyncCtx): void {
  if (!pvcVolumesReady(s.ctx, s.pod, s.rec, s.kubelet.node)) return;
  if (!configVolumesReady(s.ctx, s.pod, s.rec, s.kubelet.node)) return;
  for (const c of s.pod.spec.initContainers ?? []) {
    const rec = s.rec.containers[key(c, true)];
    if (rec?.phase === 'exited' && rec.exitCode === 0 && rec.image === c.image) continue;
    if (rec?.phase === 'exited' && s.pod.spec.restartPolicy === 'Never') return;
    ensureRunning(s, c, true);
    return;
  }
  for (const c of s.pod.spec.containers) ensureRunning(s, c, false);
}

function ensureRunning(s: SyncCtx, c: Container, init: boolean): void {
  const k = key(c, init);
  let rec = s.rec.containers[k];
  if (rec && rec.image !== c.image) {
    // The spec changed under the container: kill it (if running) and start over with the new image.
    if (rec.phase === 'running' && !rec.stopping) kill(s, c, rec, 'changed', `Container ${c.name} definition changed, will be restarted`);
    // The old instance is still shutting down (preStop, SIGTERM): the new one starts once it has exited.
    if (rec.phase === 'running') return;
    if (rec.phase === 'exited') retire(rec);
    rec.image = c.image;
    rec.phase = 'waiting';
    rec.waiting = { reason: 'ContainerCreating' };
    rec.pullEndsMs = undefined;
  }
  if (!rec) {
    rec = s.rec.containers[k] = {
      name: c.name,
      init,
      image: c.image,
      phase: 'waiting',
      restartCount: 0,
      logs: [],
      started: false,
      ready: false,
      probes: {},
    };
  }
  if (rec.phase === 'running') return;
  if (rec.phase === 'exited') {
    if (!shouldRestart(s, rec)) return;
    const finished = rec.finishedMs!;
    if (rec.killedFor !== 'changed') {
      if (waitingOutBackoff(s, c, init, rec, finished)) {
        retire(rec);
        rec.phase = 'waiting';
        return;
      }
      backoffNext(s.kubelet.backoff, backoffKey(s, c), finished);
    }
    retire(rec);
    rec.restartCount++;
    rec.phase = 'waiting';
  } else if (rec.waiting?.reason === 'CrashLoopBackOff') {
    const finished = rec.lastTerminated ? parseTime(rec.lastTerminated.finishedAt)! : s.now;
    if (waitingOutBackoff(s, c, init, rec, finished)) return;
    backoffNext(s.kubelet.backoff, backoffKey(s, c), finished);
    rec.restartCount++;
  }
  startContainer(s, c, init, rec);
}

function backoffKey(s: SyncCtx, c: Container): string {
  return `${s.pod.metadata.uid}_${c.name}`;
}

/**
 * `doBackOff`: while the restart delay counted from the last exit runs, the container waits in
 * CrashLoopBackOff, a BackOff event is recorded, and the pod worker resyncs when the delay ends.
 */
function waitingOutBackoff(s: SyncCtx, c: Container, init: boolean, rec: ContainerRecord, finishedMs: number): boolean {
  const key = backoffKey(s, c);
  if (!inBackoffSince(s.kubelet.backoff, key, finishedMs, s.now)) return false;
  const entry = s.kubelet.backoff[key];
  const ref = podRef(s.pod);
  event(s, c, init, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${ref}`);
  rec.waiting = { reason: 'CrashLoopBackOff', message: `back-off ${goDuration(entry.backoffMs)} restarting failed container=${c.name} pod=${ref}` };
  s.rec.nextSyncMs = Math.min(s.rec.nextSyncMs, finishedMs + entry.backoffMs, s.now + BACKOFF_RESYNC_MS);
  return true;
}

function shouldRestart(s: SyncCtx, rec: ContainerRecord): boolean {
  if (rec.init) return rec.exitCode !== 0;
  const policy = s.pod.spec.restartPolicy ?? 'Always';
  return policy === 'Always' || (policy === 'OnFailure' && rec.exitCode !== 0);
}

/** Moves the finished instance into lastState and its logs into `--previous`. */
function retire(rec: ContainerRecord): void {
  if (rec.phase !== 'exited') return;
  rec.lastTerminated = {
    exitCode: rec.exitCode!,
    reason: rec.exitReason,
    startedAt: new Date(rec.startedMs!).toISOString().replace('.000Z', 'Z'),
    finishedAt: new Date(rec.finishedMs!).toISOString().replace('.000Z', 'Z'),
    containerID: rec.containerID,
  };
  rec.previousLogs = rec.logs;
  rec.logs = [];
  rec.killedFor = undefined;
  rec.started = false;
  rec.ready = false;
}

/** Pull (if needed) ▸ resolve env ▸ create ▸ start, with the kubelet's events and waiting reasons. */
function startContainer(s: SyncCtx, c: Container, init: boolean, rec: ContainerRecord): void {
  const image = parseImageRef(c.image);
  if (!image) {
    event(s, c, init, 'Warning', 'InspectFailed', `Failed to apply default image tag "${c.image}": couldn't parse image name "${c.image}": invalid reference format`);
    event(s, c, init, 'Warning', 'Failed', 'Error: InvalidImageName');
    rec.waiting = { reason: 'InvalidImageName', message: `Failed to apply default image tag "${c.image}": couldn't parse image name "${c.image}": invalid reference format` };
    s.rec.nextSyncMs = s.now + BACKOFF_RESYNC_MS;
    return;
  }
  if (!pullImage(s, c, init, rec)) return;

  const nodeIP = s.pod.status.hostIP ?? '';
  const env = resolveEnv(s.ctx.api, s.pod, c, nodeIP, s.rec.ip);
  if (!env.ok) {
    event(s, c, init, 'Warning', 'Failed', `Error: ${env.message}`);
    rec.waiting = { reason: 'CreateContainerConfigError', message: env.message };
    s.rec.nextSyncMs = s.now + BACKOFF_RESYNC_MS;
    return;
  }
  const b = behaviour(s, rec);
  rec.env = env.env;
  rec.serviceEnv = serviceLinkEnv(s.ctx.api, s.pod);
  rec.containerID = `containerd://${s.ctx.rng.hex(64)}`;
  event(s, c, init, 'Normal', 'Created', `Created container ${c.name}`);
  event(s, c, init, 'Normal', 'Started', `Started container ${c.name}`);
  rec.phase = 'running';
  rec.waiting = undefined;
  rec.startedMs = s.now;
  rec.started = !c.startupProbe;
  rec.ready = false;
  rec.killedFor = undefined;
  rec.logs = (b.logs ?? []).map((l) => ({ ms: s.now + (l.at ?? 0) * 1000, line: l.line }));
  planExit(s, c, init, rec, b, env.env);
  rec.probes = {};
  const first = (p: Probe | undefined) => (p ? { nextMs: s.now + (p.initialDelaySeconds ?? 0) * 1000, successes: 0, failures: 0 } : undefined);
  if (!init) {
    rec.probes.startup = first(c.startupProbe);
    rec.probes.liveness = first(c.livenessProbe);
    rec.probes.readiness = first(c.readinessProbe);
    if (!c.readinessProbe) rec.ready = rec.started;
  }
  const postStart = c.lifecycle?.postStart;
  if (postStart) {
    // The hook runs as soon as the process is started, racing its start-up; a failure kills the container.
    const hook = runHook(postStart, c, b, s.pod, s.rec.ip, 0);
    if (!hook.ok) {
      event(s, c, init, 'Warning', 'FailedPostStartHook', 'PostStartHook failed');
      kill(s, c, rec, 'postStart', 'FailedPostStartHook');
    }
  }
}

/** Decides, at start, whether and when the process will end: a missing env var, OOM, or its own exit. */
function planExit(s: SyncCtx, c: Container, init: boolean, rec: ContainerRecord, b: ImageBehaviour, env: Record<string, string>): void {
  const badFlag = unknownFlag(c, b);
  if (badFlag) {
    rec.logs = [];
    rec.exitAtMs = s.now + 1000;
    rec.exitPlan = { code: 1, reason: 'Error', logs: [`Error: unknown flag: --${badFlag}`] };
    return;
  }
  const missing = (b.requiredEnv ?? []).find((r) => env[r.name] === undefined || env[r.name] === '');
  if (missing) {
    // The process dies before its normal start-up lines; it prints only its complaint.
    rec.logs = [];
    rec.exitAtMs = s.now + 1000;
    const code = missing.exitCode ?? 1;
    rec.exitPlan = { code, reason: code === 0 ? 'Completed' : 'Error', logs: missing.logs ?? [`ERROR: ${missing.name} environment variable not set!`] };
    return;
  }
  const files = b.requiredFiles?.length ? containerFiles(s.ctx.api, s.pod, c, b.files) : undefined;
  const missingFile = (b.requiredFiles ?? []).find((f) => !files!.has(f.path));
  if (missingFile) {
    rec.logs = [];
    rec.exitAtMs = s.now + 1000;
    const code = missingFile.exitCode ?? 1;
    rec.exitPlan = { code, reason: code === 0 ? 'Completed' : 'Error', logs: missingFile.logs ?? [`open ${missingFile.path}: no such file or directory`] };
    return;
  }
  const limit = resourceValue('memory', c.resources?.limits?.memory);
  if (b.memoryMiB && limit > 0 && b.memoryMiB * MiB > limit) {
    rec.exitAtMs = s.now + (b.memoryRampSeconds ?? 3) * 1000;
    rec.exitPlan = { code: 137, reason: 'OOMKilled', logs: [] };
    return;
  }
  const exit = b.exit ?? (init ? { afterSeconds: 2, code: 0 } : undefined);
  if (exit) {
    rec.exitAtMs = s.now + exit.afterSeconds * 1000;
    rec.exitPlan = { code: exit.code, reason: exit.code === 0 ? 'Completed' : 'Error', logs: exit.logs ?? [] };
  }
}

/** The first `--flag` in command and args that the image's binary does not accept. */
function unknownFlag(c: Container, b: ImageBehaviour): string | undefined {
  if (!b.acceptedFlags) return undefined;
  for (const word of [...(c.command ?? []), ...(c.args ?? [])]) {
    const m = word.match(/^--?([a-zA-Z0-9-]+)(=|$)/);
    if (m && !b.acceptedFlags.includes(m[1])) return m[1];
  }
  return undefined;
}

/** The image manager: returns true when the image is on the node; otherwise drives Pulling / ErrImagePull / ImagePullBackOff. */
function pullImage(s: SyncCtx, c: Container, init: boolean, rec: ContainerRecord): boolean {
  const image = parseImageRef(c.image)!;
  const present = s.kubelet.images[image.canonical];
  const policy = c.imagePullPolicy ?? 'IfNotPresent';
  const finishPresent = () => {
    rec.resolvedImage = image.canonical;
    rec.imageID = `${image.host}/${image.path}@${present!.digest}`;
    return true;
  };
  if (present && policy !== 'Always' && rec.pullEndsMs === undefined) {
    event(s, c, init, 'Normal', 'Pulled', `Container image "${c.image}" already present on machine`);
    return finishPresent();
  }
  if (!present && policy === 'Never') {
    const msg = `Container image "${c.image}" is not present with pull policy of Never`;
    event(s, c, init, 'Warning', 'ErrImageNeverPull', msg);
    event(s, c, init, 'Warning', 'Failed', 'Error: ErrImageNeverPull');
    rec.waiting = { reason: 'ErrImageNeverPull', message: msg };
    s.rec.nextSyncMs = s.now + BACKOFF_RESYNC_MS;
    return false;
  }
  const backoffKey = `${s.pod.metadata.uid}_${c.image}`;
  if (rec.pullEndsMs === undefined) {
    if (inBackoffSinceUpdate(s.kubelet.backoff, backoffKey, s.now)) {
      const msg = `Back-off pulling image "${c.image}"`;
      event(s, c, init, 'Normal', 'BackOff', msg);
      event(s, c, init, 'Warning', 'Failed', 'Error: ImagePullBackOff');
      rec.waiting = { reason: 'ImagePullBackOff', message: msg };
      const entry = s.kubelet.backoff[backoffKey];
      s.rec.nextSyncMs = Math.min(entry.lastUpdateMs + entry.backoffMs, s.now + BACKOFF_RESYNC_MS);
      return false;
    }
    event(s, c, init, 'Normal', 'Pulling', `Pulling image "${c.image}"`);
    const outcome = s.ctx.registry.pull(image, hasPullCredentials(s, image.host));
    rec.pullStartedMs = s.now;
    rec.pullEndsMs = s.now + Math.max(1000, Math.ceil(outcome.pullMs / 1000) * 1000);
    rec.waiting = { reason: rec.waiting?.reason === 'ErrImagePull' || rec.waiting?.reason === 'ImagePullBackOff' ? rec.waiting.reason : 'ContainerCreating', message: rec.waiting?.message };
    s.rec.nextSyncMs = rec.pullEndsMs;
    return false;
  }
  if (s.now < rec.pullEndsMs) {
    s.rec.nextSyncMs = rec.pullEndsMs;
    return false;
  }
  rec.pullEndsMs = undefined;
  const outcome = s.ctx.registry.pull(image, hasPullCredentials(s, image.host));
  if (!outcome.ok) {
    event(s, c, init, 'Warning', 'Failed', `Failed to pull image "${c.image}": ${outcome.message}`);
    event(s, c, init, 'Warning', 'Failed', 'Error: ErrImagePull');
    backoffNext(s.kubelet.backoff, backoffKey, s.now);
    rec.waiting = { reason: 'ErrImagePull', message: outcome.message };
    s.rec.nextSyncMs = s.now + AFTER_PULL_ERROR_MS;
    return false;
  }
  const secs = (outcome.pullMs / 1000).toFixed(3).replace(/\.?0+$/, '');
  event(s, c, init, 'Normal', 'Pulled', `Successfully pulled image "${c.image}" in ${secs}s (${secs}s including waiting). Image size: ${outcome.sizeBytes} bytes.`);
  s.kubelet.images[image.canonical] = { digest: outcome.digest, sizeBytes: outcome.sizeBytes };
  rec.resolvedImage = image.canonical;
  rec.imageID = `${image.host}/${image.path}@${outcome.digest}`;
  return true;
}

/** A `kubernetes.io/dockerconfigjson` pull secret in the pod's namespace with an entry for the registry host. */
function hasPullCredentials(s: SyncCtx, host: string): boolean {
  for (const { name } of s.pod.spec.imagePullSecrets ?? []) {
    const secret = s.ctx.api.tryGet<Secret>('Secret', s.pod.metadata.namespace, name);
    const raw = secret?.data?.['.dockerconfigjson'];
    if (!raw) continue;
    try {
      const auths = JSON.parse(Buffer.from(raw, 'base64').toString('utf8')).auths ?? {};
      const hosts = Object.keys(auths).map((h) => h.replace(/^https?:\/\//, '').replace(/\/.*$/, ''));
      if (hosts.includes(host) || (host === 'docker.io' && hosts.some((h) => h.endsWith('docker.io')))) return true;
    } catch {
      continue;
    }
  }
  return false;
}

/**
 * The eviction manager's `killPodFunc` for a hard threshold: every container is killed at once (no grace
 * period), the pod is marked Failed with reason Evicted and the message, and an `Evicted` event recorded.
 */
export function evictPodNow(ctx: EngineContext, kubelet: KubeletState, pod: Pod, message: string): void {
  const rec = kubelet.pods[pod.metadata.uid!];
  if (!rec || rec.evicted) return;
  const s: SyncCtx = { ctx, kubelet, pod, rec, now: ctx.clock.nowMs(), source: { component: 'kubelet', host: kubelet.node } };
  // The eviction is recorded first, then the pod is killed (`evictPod` ▸ `killPodFunc`).
  ctx.events.record({ object: pod, type: 'Warning', reason: 'Evicted', message, source: s.source });
  for (const { c, init } of allContainers(pod)) {
    const r = rec.containers[key(c, init)];
    if (r?.phase === 'running') kill(s, c, r, 'evicted', `Stopping container ${c.name}`, 0);
  }
  rec.evicted = { message };
  const fresh = ctx.api.tryGet<Pod>('Pod', pod.metadata.namespace, pod.metadata.name);
  if (!fresh || fresh.metadata.uid !== pod.metadata.uid) return;
  applyKubeletStatus(fresh, rec, fresh.status.hostIP ?? '', ctx.clock.nowIso());
  ctx.api.updateStatus(fresh);
}

/**
 * The eviction manager's admission handler: under DiskPressure (or PIDPressure) no new pod is admitted,
 * under MemoryPressure no BestEffort pod. Critical pods always are.
 */
function admissionRejection(kubelet: KubeletState, pod: Pod, now: number): string | undefined {
  const pressure = activePressure(kubelet, now);
  if (pressure.size === 0 || isCritical(pod)) return undefined;
  const bestEffort = allContainers(pod).every(({ c }) => !Object.keys(c.resources?.requests ?? {}).length && !Object.keys(c.resources?.limits ?? {}).length);
  const blocking = [...pressure].filter((p) => p !== 'MemoryPressure' || bestEffort);
  if (blocking.length === 0) return undefined;
  const order = ['MemoryPressure', 'DiskPressure', 'PIDPressure'];
  return `The node had condition: [${[...pressure].sort((a, b) => order.indexOf(a) - order.indexOf(b)).join(' ')}]. `;
}

/** `rejectPod`: a Warning event with the reason, and the pod Failed with "Pod was rejected: …". */
function rejectPod(ctx: EngineContext, kubelet: KubeletState, pod: Pod, message: string): void {
  ctx.events.record({ object: pod, type: 'Warning', reason: 'Evicted', message, source: { component: 'kubelet', host: kubelet.node } });
  const fresh = ctx.api.tryGet<Pod>('Pod', pod.metadata.namespace, pod.metadata.name);
  if (!fresh || fresh.metadata.uid !== pod.metadata.uid) return;
  fresh.status = { ...fresh.status, phase: 'Failed', reason: 'Evicted', message: `Pod was rejected: ${message}`, startTime: ctx.clock.nowIso() };
  ctx.api.updateStatus(fresh);
}
