import { Job } from '../api/types';
import { ageColumn, column, KindPrinter, nameColumn } from './column';
import { humanDuration } from './human-duration';
import { parseTime } from '../clock';

const has = (job: Job, type: string) => (job.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');

/** printJob's STATUS: Complete, Failed, Terminating, Suspended, FailureTarget, SuccessCriteriaMet or Running. */
export function jobStatus(job: Job): string {
  if (has(job, 'Complete')) return 'Complete';
  if (has(job, 'Failed')) return 'Failed';
  if (job.metadata.deletionTimestamp) return 'Terminating';
  if (has(job, 'Suspended')) return 'Suspended';
  if (has(job, 'FailureTarget')) return 'FailureTarget';
  if (has(job, 'SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

export function jobCompletions(job: Job): string {
  const succeeded = job.status?.succeeded ?? 0;
  if (job.spec?.completions !== undefined && job.spec.completions !== null) return `${succeeded}/${job.spec.completions}`;
  if (job.spec?.parallelism !== undefined && job.spec.parallelism > 1) return `${succeeded}/1 of ${job.spec.parallelism}`;
  return `${succeeded}/1`;
}

export function jobDuration(job: Job, nowMs: number): string {
  const start = parseTime(job.status?.startTime);
  if (start === undefined) return '';
  const end = parseTime(job.status?.completionTime) ?? nowMs;
  return humanDuration(end - start);
}

function selectorString(job: Job): string {
  const labels = job.spec?.selector?.matchLabels ?? {};
  const parts = Object.keys(labels).sort().map((k) => `${k}=${labels[k]}`);
  return parts.length ? parts.join(',') : '<none>';
}

export const jobPrinter: KindPrinter<Job> = {
  kind: 'Job',
  columns: [
    nameColumn(),
    column('Status', 'Status of the job.', jobStatus),
    column('Completions', 'The desired number of successfully finished pods the job should be run with.', jobCompletions),
    column('Duration', 'Time required to complete the job.', (j, ctx) => jobDuration(j, ctx.nowMs)),
    ageColumn(),
    column('Containers', 'Names of each container in the template.', (j) => (j.spec?.template?.spec?.containers ?? []).map((c) => c.name).join(','), 1),
    column('Images', 'Images referenced by each container in the template.', (j) => (j.spec?.template?.spec?.containers ?? []).map((c) => c.image).join(','), 1),
    column('Selector', 'Selector for the job.', selectorString, 1),
  ],
};
