import { KubeObject, PodSpec, resourceValue } from '../../cluster-engine';
import { CheckPlugin, stringParam } from './check';

interface Params {
  kind: 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'ReplicaSet' | 'Job';
  namespace: string;
  name: string;
  field: 'requests' | 'limits';
  resource: string;
  min: string;
}

const KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job'];

/**
 * Guard rail on a workload's pod template: every container keeps at least `min` of `resource` in
 * `requests` or `limits` (a fix must not drop the memory limit that protects the node). A missing workload holds.
 */
export const workloadResourceAtLeastCheck: CheckPlugin<Params> = {
  type: 'workload-resource-at-least',
  parse(p) {
    const name = stringParam(p, 'name');
    const min = stringParam(p, 'min');
    const kind = stringParam(p, 'kind', 'Deployment')!;
    const field = stringParam(p, 'field', 'limits')!;
    if (!name || !min) return 'workload-resource-at-least needs "name" and "min"';
    if (!KINDS.includes(kind)) return `workload-resource-at-least: "kind" must be one of ${KINDS.join(', ')}`;
    if (field !== 'requests' && field !== 'limits') return 'workload-resource-at-least: "field" must be requests or limits';
    return { kind: kind as Params['kind'], name, min, field, namespace: stringParam(p, 'namespace', 'default')!, resource: stringParam(p, 'resource', 'memory')! };
  },
  evaluate(cluster, { kind, namespace, name, field, resource, min }) {
    const w = cluster.api.tryGet<KubeObject & { spec: { template: { spec: PodSpec } } }>(kind, namespace, name);
    if (!w) return { met: true };
    const low = w.spec.template.spec.containers.find((c) => resourceValue(resource, c.resources?.[field]?.[resource]) < resourceValue(resource, min));
    return low
      ? { met: false, whyNot: `container ${low.name} of ${kind.toLowerCase()} ${name} has ${field}.${resource} ${low.resources?.[field]?.[resource] ?? 'unset'}, below ${min}` }
      : { met: true };
  },
};
