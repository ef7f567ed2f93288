import { Container, ContainerStatus, Pod } from '../api/types';
import { parseIsoMs } from '../clock';
import { ageColumn, column, KindPrinter, nameColumn, PrintContext } from './column';
import { timestampSince } from './human-duration';

/** READY, STATUS and RESTARTS come out of one pass over the statuses, exactly as printers.go `printPod` does it. */
export interface PodSummary {
  ready: string;
  reason: string;
  restarts: string;
}

const isRestartable = (c: Container | undefined): boolean => c?.restartPolicy === 'Always';
const NO_INIT_SPECS: ReadonlyMap<string, Container> = new Map();

function later(current: string | undefined, candidate: string | undefined): string | undefined {
  if (!candidate) return current;
  return !current || parseIsoMs(candidate) > parseIsoMs(current) ? candidate : current;
}

function conditionTrue(pod: Pod, type: string): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');
}

export function summarizePod(pod: Pod, ctx: PrintContext): PodSummary {
  const status = pod.status ?? {};
  // Most pods have no init containers: no map to build then (this runs for every row of every `get pods`).
  const initContainers = pod.spec.initContainers;
  const initSpecs = initContainers?.length ? new Map(initContainers.map((c) => [c.name, c])) : NO_INIT_SPECS;
  let total = pod.spec.containers.length;
  for (const c of initSpecs.values()) if (isRestartable(c)) total++;
  let readyCount = 0;
  let restarts = 0;
  let sidecarRestarts = 0;
  let lastRestart: string | undefined;
  let lastSidecarRestart: string | undefined;

  let reason: string = status.reason || status.phase || '';
  if ((status.conditions ?? []).some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';

  let initializing = false;
  const inits: ContainerStatus[] = status.initContainerStatuses ?? [];
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i];
    const restartable = isRestartable(initSpecs.get(c.name));
    restarts += c.restartCount;
    lastRestart = later(lastRestart, c.lastState?.terminated?.finishedAt);
    if (restartable) {
      sidecarRestarts += c.restartCount;
      lastSidecarRestart = later(lastSidecarRestart, c.lastState?.terminated?.finishedAt);
    }
    const term = c.state.terminated;
    if (term && term.exitCode === 0) continue;
    if (restartable && c.started) {
      if (c.ready) readyCount++;
      continue;
    }
    if (term) {
      reason = term.reason ? `Init:${term.reason}` : term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`;
    } else if (c.state.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') {
      reason = `Init:${c.state.waiting.reason}`;
    } else {
      reason = `Init:${i}/${initSpecs.size}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || conditionTrue(pod, 'Initialized')) {
    // Once initialized, only restartable (sidecar) init containers still count towards RESTARTS.
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount;
      lastRestart = later(lastRestart, c.lastState?.terminated?.finishedAt);
      const term = c.state.terminated;
      if (c.state.waiting?.reason) reason = c.state.waiting.reason;
      else if (term && term.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`;
      else if (c.ready && c.state.running) {
        hasRunning = true;
        readyCount++;
      }
    }
    if (reason === 'Completed' && hasRunning) reason = conditionTrue(pod, 'Ready') ? 'Running' : 'NotReady';
  }

  const terminal = status.phase === 'Succeeded' || status.phase === 'Failed';
  if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && !terminal) reason = 'Terminating';

  const restartsCell = restarts !== 0 && lastRestart ? `${restarts} (${timestampSince(lastRestart, ctx.nowMs)} ago)` : String(restarts);
  return { ready: `${readyCount}/${total}`, reason, restarts: restartsCell };
}

/**
 * READY, STATUS and RESTARTS of one row share one summary: printTable computes a row's columns one after
 * another with a context object of that row's own, and nothing changes the pod in between.
 */
let lastRow: { pod: Pod; ctx: PrintContext; summary: PodSummary } | undefined;
function rowSummary(pod: Pod, ctx: PrintContext): PodSummary {
  if (lastRow?.pod !== pod || lastRow.ctx !== ctx) lastRow = { pod, ctx, summary: summarizePod(pod, ctx) };
  return lastRow.summary;
}

function readinessGates(pod: Pod): string {
  const gates = (pod.spec.readinessGates as Array<{ conditionType: string }> | undefined) ?? [];
  if (gates.length === 0) return '<none>';
  const conditions = pod.status?.conditions ?? [];
  const trueCount = gates.filter((g) => conditions.find((c) => c.type === g.conditionType)?.status === 'True').length;
  return `${trueCount}/${gates.length}`;
}

export const podPrinter: KindPrinter<Pod> = {
  kind: 'Pod',
  columns: [
    nameColumn(),
    column('Ready', 'The aggregate readiness state of this pod for accepting traffic.', (p, ctx) => rowSummary(p, ctx).ready),
    column('Status', 'The aggregate status of the containers in this pod.', (p, ctx) => rowSummary(p, ctx).reason),
    column(
      'Restarts',
      'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
      (p, ctx) => rowSummary(p, ctx).restarts,
    ),
    ageColumn(),
    column('IP', 'podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.', (p) => p.status?.podIPs?.[0]?.ip || '<none>', 1),
    column('Node', 'NodeName indicates in which node this pod is scheduled.', (p) => p.spec.nodeName || '<none>', 1),
    column('Nominated Node', 'nominatedNodeName is set only when this pod preempts other pods on the node.', (p) => p.status?.nominatedNodeName || '<none>', 1),
    column('Readiness Gates', 'If specified, all readiness gates will be evaluated for pod readiness.', readinessGates, 1),
  ],
};
