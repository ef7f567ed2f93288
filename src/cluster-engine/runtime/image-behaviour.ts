/**
 * What a container of an image does when it runs. Faults are honest consequences of a manifest
 * meeting these behaviours (a probe on the wrong port, a limit below the working set, a missing env var),
 * not flags that fake a status.
 */
export interface LogLine {
  /** seconds after the container started */
  at?: number;
  line: string;
}

export interface ImageBehaviour {
  /** Lines printed when the process starts (or at `at` seconds). */
  logs?: LogLine[];
  /** TCP ports the process listens on once it is up. */
  listens?: number[];
  /** Seconds after start before the ports open and HTTP answers (a slow start). */
  readyAfterSeconds?: number;
  /** HTTP answers by path once up; unknown paths answer 404. Default: `/` answers 200. */
  http?: Record<string, number>;
  /** Files present in the container (for exec probes such as `cat /tmp/healthy`). */
  files?: string[];
  /** The process exits on its own after `afterSeconds`, with `code` (0 = Completed). */
  exit?: { afterSeconds: number; code: number; logs?: string[] };
  /** Environment variables the process needs; a missing one makes it log and exit. */
  requiredEnv?: Array<{ name: string; logs?: string[]; exitCode?: number }>;
  /** Working-set memory in MiB, reached `memoryRampSeconds` after start; above the limit the kernel OOM-kills it. */
  memoryMiB?: number;
  memoryRampSeconds?: number;
  /** CPU the process uses while running, in millicores (what `kubectl top` reports; default 1). */
  cpuMillis?: number;
  /** Disk the container writes while running (its writable layer and logs), in MiB: counts towards the node's nodefs. */
  diskMiB?: number;
  /** Processes the container runs (a fork bomb runs thousands): counts towards the node's PIDs. */
  processes?: number;
  /** Command-line flags the binary knows (`--name` without dashes); any other flag makes it exit 1 at start. */
  acceptedFlags?: string[];
  /** Files the process reads at start (e.g. a mounted config); a missing one makes it log and exit. */
  requiredFiles?: Array<{ path: string; logs?: string[]; exitCode?: number }>;
  /** Response bodies by path for in-cluster HTTP (curl / wget from exec); default: the image's stock page. */
  httpBodies?: Record<string, string>;
  /** Programs `kubectl exec` can run in this image; default: by image family (busybox/alpine or Debian-based). */
  binaries?: string[];
  /** Exit code on SIGTERM (143 = killed by the signal; 0 for a graceful shutdown). */
  sigtermExitCode?: number;
  /** Seconds the process takes to exit after SIGTERM (draining connections); past the grace period it is SIGKILLed (137). */
  shutdownSeconds?: number;
  /** The process ignores SIGTERM (a shell as PID 1 without a trap): only SIGKILL at the end of the grace period stops it (137). */
  ignoresSigterm?: boolean;
}

export const DEFAULT_BEHAVIOUR: ImageBehaviour = { listens: [80], http: { '/': 200 }, memoryMiB: 8 };
