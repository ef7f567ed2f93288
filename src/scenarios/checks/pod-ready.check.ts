import { Pod } from '../../cluster-engine';
import { CheckPlugin, stringParam } from './check';

interface Params {
  namespace: string;
  name: string;
}

/** The named pod exists, is Running, is not being deleted, and its Ready condition is True. */
export const podReadyCheck: CheckPlugin<Params> = {
  type: 'pod-ready',
  parse(p) {
    const name = stringParam(p, 'name');
    if (!name) return 'pod-ready needs "name"';
    return { name, namespace: stringParam(p, 'namespace', 'default')! };
  },
  evaluate(cluster, { namespace, name }) {
    const pod = cluster.api.tryGet<Pod>('Pod', namespace, name);
    if (!pod) return { met: false, whyNot: `pod ${namespace}/${name} does not exist` };
    if (pod.metadata.deletionTimestamp) return { met: false, whyNot: `pod ${name} is being deleted` };
    if (!pod.spec.nodeName) return { met: false, whyNot: `pod ${name} is not scheduled to any node yet` };
    const waiting = [...(pod.status.initContainerStatuses ?? []), ...(pod.status.containerStatuses ?? [])].find((c) => c.state.waiting);
    const ready = pod.status.conditions?.find((c) => c.type === 'Ready');
    if (pod.status.phase === 'Running' && ready?.status === 'True') return { met: true };
    if (waiting) return { met: false, whyNot: `container ${waiting.name} of pod ${name} is waiting (${waiting.state.waiting!.reason})` };
    return { met: false, whyNot: `pod ${name} is ${pod.status.phase ?? 'Pending'} but not Ready` };
  },
};
