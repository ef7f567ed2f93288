import { Job } from '../../cluster-engine';
import { CheckPlugin, stringParam } from './check';

interface Params {
  namespace: string;
  name: string;
}

/** The Job exists and its Complete condition is True (every completion succeeded). */
export const jobCompleteCheck: CheckPlugin<Params> = {
  type: 'job-complete',
  parse(p) {
    const name = stringParam(p, 'name');
    if (!name) return 'job-complete needs "name"';
    return { name, namespace: stringParam(p, 'namespace', 'default')! };
  },
  evaluate(cluster, { namespace, name }) {
    const job = cluster.api.tryGet<Job>('Job', namespace, name);
    if (!job) return { met: false, whyNot: `job ${namespace}/${name} does not exist` };
    const conditions = job.status?.conditions ?? [];
    if (conditions.some((c) => c.type === 'Complete' && c.status === 'True')) return { met: true };
    const failed = conditions.find((c) => c.type === 'Failed' && c.status === 'True');
    if (failed) return { met: false, whyNot: `job ${name} failed (${failed.reason ?? 'Failed'})` };
    const s = job.status ?? {};
    return { met: false, whyNot: `job ${name} is not complete: ${s.succeeded ?? 0} succeeded, ${s.active ?? 0} active` };
  },
};
