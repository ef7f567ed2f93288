import { Job, JobCondition, Pod } from '../api/types';
import { Component, EngineContext } from '../context';
import { parseTime } from '../clock';
import { ApiError } from '../api/errors';

export interface JobState {
  /** job uid → when the next pod may be created after failures (pod failure back-off) */
  notBefore: Record<string, number>;
}

const JOB_CONTROLLER = { component: 'job-controller' };
const BACKOFF_BASE_MS = 10_000;
const BACKOFF_MAX_MS = 6 * 60_000;

function isTerminal(p: Pod): boolean {
  return p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
}

function hasTrue(job: Job, type: string): boolean {
  return (job.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');
}

/**
 * The Job controller: keeps `min(parallelism, completions − succeeded)` pods running, counts pod
 * failures against backoffLimit (container restarts too, for restartPolicy OnFailure), and finishes the Job
 * with SuccessCriteriaMet ▸ Complete, or FailureTarget ▸ Failed (BackoffLimitExceeded / DeadlineExceeded).
 */
export class JobReconciler implements Component<JobState> {
  readonly name = 'job-controller';

  constructor(private s: JobState = { notBefore: {} }) {}

  state(): JobState {
    return this.s;
  }

  step(ctx: EngineContext): void {
    const live = new Set<string>();
    for (const job of ctx.store.scan('Job') as Job[]) {
      live.add(job.metadata.uid!);
      if (!job.metadata.deletionTimestamp) this.sync(ctx, job);
    }
    for (const uid of Object.keys(this.s.notBefore)) if (!live.has(uid)) delete this.s.notBefore[uid];
  }

  private pods(ctx: EngineContext, job: Job): Pod[] {
    const uid = job.metadata.uid!;
    return (ctx.store.scan('Pod', job.metadata.namespace) as Pod[]).filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === uid && r.controller));
  }

  private sync(ctx: EngineContext, stored: Job): void {
    if (hasTrue(stored, 'Complete') || hasTrue(stored, 'Failed')) return;
    const job = structuredClone(stored) as Job;
    const now = ctx.clock.nowMs();
    const nowIso = ctx.clock.nowIso();
    const pods = this.pods(ctx, job);
    const active = pods.filter((p) => !isTerminal(p) && !p.metadata.deletionTimestamp);
    const terminating = pods.filter((p) => !isTerminal(p) && p.metadata.deletionTimestamp);
    const succeeded = pods.filter((p) => p.status?.phase === 'Succeeded').length;
    const failed = pods.filter((p) => p.status?.phase === 'Failed').length;
    const status = (job.status ??= {});
    if (!job.spec.suspend) status.startTime ??= nowIso;
    const prevFailed = status.failed ?? 0;

    const completions = job.spec.completions;
    const parallelism = job.spec.parallelism ?? 1;
    const backoffLimit = job.spec.backoffLimit ?? 6;
    const restarts = job.spec.template.spec.restartPolicy === 'OnFailure'
      ? active.reduce((n, p) => n + (p.status?.containerStatuses ?? []).reduce((m, c) => m + c.restartCount, 0), 0)
      : 0;

    let failure: { reason: string; message: string } | undefined;
    const target = (status.conditions ?? []).find((c) => c.type === 'FailureTarget' && c.status === 'True');
    if (target) failure = { reason: target.reason!, message: target.message! };
    else if (failed > backoffLimit || (restarts > 0 && restarts >= backoffLimit && backoffLimit >= 0 && job.spec.template.spec.restartPolicy === 'OnFailure')) {
      failure = { reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' };
    } else if (job.spec.activeDeadlineSeconds !== undefined && now - parseTime(status.startTime)! >= job.spec.activeDeadlineSeconds * 1000) {
      failure = { reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' };
    }

    const done = completions !== undefined ? succeeded >= completions : succeeded > 0 && active.length === 0;
    if (failure) {
      if (!target) this.setCondition(status, 'FailureTarget', failure.reason, failure.message, nowIso);
      for (const p of active) this.deletePod(ctx, p);
      const stillRunning = this.pods(ctx, job).some((p) => !isTerminal(p));
      if (!stillRunning) {
        this.setCondition(status, 'Failed', failure.reason, failure.message, nowIso);
        ctx.events.record({ object: job, type: 'Warning', reason: failure.reason, message: failure.message, source: JOB_CONTROLLER });
      }
    } else if (done) {
      this.setCondition(status, 'SuccessCriteriaMet', 'CompletionsReached', 'Reached expected number of succeeded pods', nowIso);
      if (active.length === 0) {
        this.setCondition(status, 'Complete', 'CompletionsReached', 'Reached expected number of succeeded pods', nowIso);
        status.completionTime = nowIso;
        ctx.events.record({ object: job, type: 'Normal', reason: 'Completed', message: 'Job completed', source: JOB_CONTROLLER });
      }
    } else if (job.spec.suspend) {
      if (!hasTrue(job, 'Suspended')) {
        this.upsertCondition(status, 'Suspended', 'True', 'JobSuspended', 'Job suspended', nowIso);
        for (const p of active) this.deletePod(ctx, p);
        active.length = 0;
        ctx.events.record({ object: job, type: 'Normal', reason: 'Suspended', message: 'Job suspended', source: JOB_CONTROLLER });
      }
    } else {
      if (hasTrue(job, 'Suspended')) {
        this.upsertCondition(status, 'Suspended', 'False', 'JobResumed', 'Job resumed', nowIso);
        status.startTime = nowIso;
        ctx.events.record({ object: job, type: 'Normal', reason: 'Resumed', message: 'Job resumed', source: JOB_CONTROLLER });
      }
      if (failed > prevFailed) {
        const delay = Math.min(BACKOFF_BASE_MS * 2 ** (failed - 1), BACKOFF_MAX_MS);
        this.s.notBefore[job.metadata.uid!] = now + delay;
      }
      const wantActive = completions !== undefined ? Math.min(parallelism, completions - succeeded) : succeeded > 0 ? 0 : parallelism;
      const missing = wantActive - active.length - terminating.length;
      if (missing > 0 && now >= (this.s.notBefore[job.metadata.uid!] ?? 0)) {
        for (let i = 0; i < missing; i++) {
          const pod = this.createPod(ctx, job);
          if (pod) active.push(pod);
          else break;
        }
      }
    }
    const final = (status.conditions ?? []).some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
    status.active = final ? 0 : active.length;
    status.succeeded = succeeded;
    status.failed = failed;
    status.ready = final ? 0 : active.filter((p) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')).length;
    status.terminating = terminating.length;
    status.uncountedTerminatedPods = {};
    if (!status.succeeded) delete status.succeeded;
    if (!status.failed) delete status.failed;
    if (!status.active) delete status.active;
    if (JSON.stringify(status) !== JSON.stringify(stored.status ?? {})) {
      const fresh = ctx.api.tryGet<Job>('Job', job.metadata.namespace, job.metadata.name);
      if (fresh && fresh.metadata.uid === job.metadata.uid) {
        fresh.status = status;
        ctx.api.updateStatus(fresh);
      }
    }
  }

  private setCondition(status: NonNullable<Job['status']>, type: string, reason: string, message: string, nowIso: string): void {
    const list = (status.conditions ??= []);
    if (list.some((c) => c.type === type)) return;
    const c: JobCondition = { type, status: 'True', lastProbeTime: nowIso, lastTransitionTime: nowIso, reason, message };
    list.push(c);
  }

  private upsertCondition(status: NonNullable<Job['status']>, type: string, value: 'True' | 'False', reason: string, message: string, nowIso: string): void {
    const list = (status.conditions ??= []);
    const i = list.findIndex((c) => c.type === type);
    const c: JobCondition = { type, status: value, lastProbeTime: nowIso, lastTransitionTime: nowIso, reason, message };
    if (i >= 0) list[i] = c;
    else list.push(c);
  }

  private deletePod(ctx: EngineContext, pod: Pod): void {
    try {
      ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name);
      ctx.events.record({ object: { kind: 'Job', apiVersion: 'batch/v1', metadata: { name: pod.metadata.ownerReferences![0].name, namespace: pod.metadata.namespace, uid: pod.metadata.ownerReferences![0].uid } }, type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${pod.metadata.name}`, source: JOB_CONTROLLER });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }

  private createPod(ctx: EngineContext, job: Job): Pod | undefined {
    const template = structuredClone(job.spec.template);
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: '',
        generateName: `${job.metadata.name}-`,
        namespace: job.metadata.namespace,
        labels: { ...(template.metadata?.labels ?? {}) },
        ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
        ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: job.metadata.name, uid: job.metadata.uid!, controller: true, blockOwnerDeletion: true }],
      },
      spec: template.spec,
      status: {},
    } as unknown as Pod;
    delete (pod.metadata as { name?: string }).name;
    try {
      const created = ctx.api.create(pod);
      ctx.events.record({ object: job, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${created.metadata.name}`, source: JOB_CONTROLLER });
      return created;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      ctx.events.record({ object: job, type: 'Warning', reason: 'FailedCreate', message: `Error creating: ${e.message}`, source: JOB_CONTROLLER });
      return undefined;
    }
  }
}
