import { runUntil, testCluster } from '../test-support/fixtures';
import { Job, KubeEvent, Pod } from '../api/types';
import { Cluster } from '../cluster';
import { printTable } from '../printers';
import { RepositorySpec } from '../runtime/registry';

const REGISTRY: RepositorySpec[] = [
  { name: 'worker', tags: { '1': { behaviour: { exit: { afterSeconds: 3, code: 0, logs: ['done'] } } } } },
  { name: 'busybox', tags: { '1.36': { behaviour: { exit: { afterSeconds: 2, code: 1, logs: ['boom'] } } } } },
];

function job(name: string, image: string, spec: Partial<Job['spec']> = {}, restartPolicy: 'Never' | 'OnFailure' = 'Never'): Job {
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: { name, namespace: 'default' }, spec: { template: { spec: { restartPolicy, containers: [{ name: name, image }] } }, ...spec } };
}

const get = (c: Cluster, name: string) => c.api.get<Job>('Job', 'default', name);
const podsOf = (c: Cluster, name: string) => c.api.list<Pod>('Pod', { namespace: 'default', labelSelector: `job-name=${name}` });
const eventsOf = (c: Cluster, name: string) => c.api.list<KubeEvent>('Event').filter((e) => e.involvedObject.kind === 'Job' && e.involvedObject.name === name);
const row = (c: Cluster, j: Job) => printTable('Job', [j], { nowMs: c.nowMs() }).rows[0].cells;

describe('job controller', () => {
  it('defaults a Job and labels its template with the controller uid', () => {
    const c = testCluster([job('pi', 'worker:1')], { registry: REGISTRY });
    const j = get(c, 'pi');
    expect(j.spec).toMatchObject({ completions: 1, parallelism: 1, backoffLimit: 6, selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': j.metadata.uid } } });
    expect(j.spec.template.metadata!.labels).toMatchObject({ 'job-name': 'pi', 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': j.metadata.uid });
  });

  it('refuses restartPolicy Always', () => {
    const c = testCluster([], { registry: REGISTRY });
    const bad = job('x', 'worker:1');
    (bad.spec.template.spec as { restartPolicy: string }).restartPolicy = 'Always';
    expect(() => c.api.create(bad)).toThrow('The Job "x" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"');
  });

  it('runs 3 completions two at a time and completes (COMPLETIONS 3/3)', () => {
    const c = testCluster([job('batch', 'worker:1', { completions: 3, parallelism: 2 })], { registry: REGISTRY });
    c.tick(1000);
    expect(podsOf(c, 'batch')).toHaveLength(2);
    expect(podsOf(c, 'batch')[0].metadata.name).toMatch(/^batch-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(row(c, get(c, 'batch')).slice(1, 3)).toEqual(['Running', '0/3']);
    runUntil(c, () => get(c, 'batch').status?.conditions?.some((x) => x.type === 'Complete') ?? false, 120);
    const done = get(c, 'batch');
    expect(done.status).toMatchObject({ succeeded: 3, ready: 0, terminating: 0 });
    expect(done.status!.conditions!.map((x) => x.type)).toEqual(['SuccessCriteriaMet', 'Complete']);
    expect(row(c, done).slice(1, 3)).toEqual(['Complete', '3/3']);
    expect(podsOf(c, 'batch').map((p) => p.status.phase)).toEqual(['Succeeded', 'Succeeded', 'Succeeded']);
    const reasons = eventsOf(c, 'batch').map((e) => `${e.reason}: ${e.message}`);
    expect(reasons.filter((r) => r.startsWith('SuccessfulCreate: Created pod: batch-'))).toHaveLength(3);
    expect(reasons).toContain('Completed: Job completed');
  });

  it('fails at its backoff limit: FailureTarget then Failed, BackoffLimitExceeded, no completion time', () => {
    const c = testCluster([job('flaky', 'busybox:1.36', { backoffLimit: 2 })], { registry: REGISTRY });
    runUntil(c, () => get(c, 'flaky').status?.conditions?.some((x) => x.type === 'Failed') ?? false, 300);
    const j = get(c, 'flaky');
    expect(j.status!.failed).toBe(3);
    expect(j.status!.completionTime).toBeUndefined();
    expect(j.status!.conditions!.map((x) => [x.type, x.reason, x.message])).toEqual([
      ['FailureTarget', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
      ['Failed', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
    ]);
    expect(eventsOf(c, 'flaky').find((e) => e.reason === 'BackoffLimitExceeded')).toMatchObject({ type: 'Warning', message: 'Job has reached the specified backoff limit' });
    expect(row(c, j).slice(1, 3)).toEqual(['Failed', '0/1']);
    const duration = row(c, j)[3];
    c.tick(60_000);
    expect(row(c, get(c, 'flaky'))[3]).not.toBe(duration);
    expect(podsOf(c, 'flaky')).toHaveLength(3);
  });

  it('fails with DeadlineExceeded after activeDeadlineSeconds', () => {
    const c = testCluster([job('slow', 'nginx:1.27', { activeDeadlineSeconds: 20 })], { registry: [{ name: 'nginx', tags: { '1.27': {} } }] });
    runUntil(c, () => get(c, 'slow').status?.conditions?.some((x) => x.type === 'Failed') ?? false, 120);
    expect(get(c, 'slow').status!.conditions!.map((x) => [x.type, x.reason, x.message])).toEqual([
      ['FailureTarget', 'DeadlineExceeded', 'Job was active longer than specified deadline'],
      ['Failed', 'DeadlineExceeded', 'Job was active longer than specified deadline'],
    ]);
  });

  it('a suspended Job runs no pods (STATUS Suspended) until resumed', () => {
    const c = testCluster([job('later', 'worker:1', { suspend: true })], { registry: REGISTRY });
    c.tick(5000);
    expect(podsOf(c, 'later')).toHaveLength(0);
    expect(row(c, get(c, 'later')).slice(1, 4)).toEqual(['Suspended', '0/1', '']);
    const j = get(c, 'later');
    j.spec.suspend = false;
    c.api.update(j);
    runUntil(c, () => get(c, 'later').status?.conditions?.some((x) => x.type === 'Complete') ?? false, 60);
    expect(get(c, 'later').status!.conditions!.map((x) => [x.type, x.status, x.reason])).toEqual([
      ['Suspended', 'False', 'JobResumed'],
      ['SuccessCriteriaMet', 'True', 'CompletionsReached'],
      ['Complete', 'True', 'CompletionsReached'],
    ]);
    expect(eventsOf(c, 'later').map((e) => e.reason)).toEqual(expect.arrayContaining(['Suspended', 'Resumed', 'Completed']));
  });

  it('with restartPolicy OnFailure counts container restarts against the limit', () => {
    const c = testCluster([job('retry', 'busybox:1.36', { backoffLimit: 1 }, 'OnFailure')], { registry: REGISTRY });
    runUntil(c, () => get(c, 'retry').status?.conditions?.some((x) => x.type === 'Failed') ?? false, 300);
    // one pod, restarted in place, then deleted when the Job failed
    expect(eventsOf(c, 'retry').filter((e) => e.reason === 'SuccessfulCreate')).toHaveLength(1);
    expect(eventsOf(c, 'retry').map((e) => e.reason)).toContain('SuccessfulDelete');
    expect(podsOf(c, 'retry')).toHaveLength(0);
  });
});
