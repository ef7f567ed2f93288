import { ContainerStateTerminated } from '../api/types';
import { BackoffTable } from './backoff';
import type { KubeletConfig } from './kubelet-config';

/** Everything a kubelet knows that is not in the API: the container runtime's view. Plain JSON for snapshots. */
export interface ProbeRecord {
  nextMs: number;
  successes: number;
  failures: number;
}

export interface LogRecord {
  ms: number;
  line: string;
}

export interface ContainerRecord {
  name: string;
  init: boolean;
  /** The spec image the current instance (or pull) is for. */
  image: string;
  phase: 'waiting' | 'pulling' | 'running' | 'exited';
  waiting?: { reason: string; message?: string };
  pullEndsMs?: number;
  pullStartedMs?: number;
  /** `docker.io/library/nginx:1.27` once resolved */
  resolvedImage?: string;
  imageID?: string;
  containerID?: string;
  startedMs?: number;
  finishedMs?: number;
  exitCode?: number;
  exitReason?: string;
  /** When the running process will exit on its own, and how. */
  exitAtMs?: number;
  exitPlan?: { code: number; reason: string; logs: string[] };
  /** The environment the running instance was started with: the container's own, then the service links. */
  env?: Record<string, string>;
  serviceEnv?: Record<string, string>;
  restartCount: number;
  lastTerminated?: ContainerStateTerminated;
  logs: LogRecord[];
  previousLogs?: LogRecord[];
  started: boolean;
  ready: boolean;
  probes: { startup?: ProbeRecord; liveness?: ProbeRecord; readiness?: ProbeRecord };
  /** Set once a kill was decided (probe failure, spec change, pod deletion): why, for the restart decision. */
  killedFor?: 'liveness' | 'startup' | 'changed' | 'deleting' | 'postStart' | 'evicted';
  /** Set while a decided kill runs its course (preStop hook, then SIGTERM, then SIGKILL at the deadline). */
  stopping?: boolean;
}

export type PressureCondition = 'MemoryPressure' | 'DiskPressure' | 'PIDPressure';

export interface HostProcess {
  pid: number;
  command: string;
  memoryBytes: number;
}

export interface PodRecord {
  uid: string;
  namespace: string;
  name: string;
  ip: string;
  startedMs: number;
  containers: Record<string, ContainerRecord>;
  /** The pod worker's next sync after an error or back-off (PLEG events sync sooner). */
  nextSyncMs: number;
  terminatingSinceMs?: number;
  /** Set when the kubelet evicted the pod under node pressure: the status it keeps reporting. */
  evicted?: { message: string };
  /** The volume manager's progress with configMap / secret / projected volumes (absent until first tried). */
  volumes?: { mounted: boolean; failures: number; nextRetryMs: number };
}

export interface KubeletState {
  node: string;
  /** The node's own disk: manifests, the kubelet's config (path → content). */
  files: Record<string, string>;
  /** The configuration read at the last (successful) start. */
  config?: KubeletConfig;
  /** Sizes of large files on the node's disk (written by `fallocate`-like faults), by path; gone with the file. */
  fileSizes?: Record<string, number>;
  /** Processes on the node outside any pod (a leaking daemon), with their memory. */
  hostProcesses?: HostProcess[];
  /** The eviction manager: when it last ran, and when each pressure condition's threshold was last met. */
  eviction?: { lastRunMs: number; lastMetMs: Partial<Record<PressureCondition, number>> };
  /** Why the last start failed (the service then keeps restarting and failing). */
  startError?: string;
  running: boolean;
  /** When the kubelet service last started or stopped (for `systemctl status`). */
  sinceMs: number;
  /** The service's main PID, new on every start. */
  pid: number;
  /** Set when the kubelet (re)starts and has not yet announced itself. */
  justStarted: boolean;
  lastLeaseMs: number;
  lastStatusPostMs: number;
  lastPostedConditions: string;
  knownUnschedulable: boolean;
  images: Record<string, { digest: string; sizeBytes: number }>;
  pods: Record<string, PodRecord>;
  backoff: BackoffTable;
  nextIp: number;
}
