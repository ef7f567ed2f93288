import { Service } from '../../cluster-engine';
import { CheckPlugin, stringParam } from './check';

interface Params {
  namespace: string;
  name: string;
  /** the Service port (default: its first port) */
  port?: number;
  /** reach it on every node's address at this nodePort instead of the cluster IP */
  nodePort?: number;
  path: string;
  min: number;
}

const positive = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v > 0;

/**
 * Traffic through the Service works: it has at least `min` ready backends and every one of them (kube-proxy
 * may pick any) accepts the connection and answers `path` with a 2xx or 3xx. Checks the outcome, so a
 * wrong targetPort or a named port that names nothing fails even when the Endpoints look full.
 */
export const serviceReachableCheck: CheckPlugin<Params> = {
  type: 'service-reachable',
  parse(p) {
    const name = stringParam(p, 'name');
    if (!name) return 'service-reachable needs "name"';
    for (const k of ['port', 'nodePort', 'min'] as const) if (p[k] !== undefined && !positive(p[k])) return `service-reachable: "${k}" must be a positive integer`;
    if (p.port !== undefined && p.nodePort !== undefined) return 'service-reachable: give "port" or "nodePort", not both';
    const path = stringParam(p, 'path', '/')!;
    if (!path.startsWith('/')) return 'service-reachable: "path" must start with /';
    return { name, namespace: stringParam(p, 'namespace', 'default')!, port: p.port as number | undefined, nodePort: p.nodePort as number | undefined, path, min: (p.min as number | undefined) ?? 1 };
  },
  evaluate(cluster, { namespace, name, port, nodePort, path, min }) {
    const svc = cluster.api.tryGet<Service>('Service', namespace, name);
    if (!svc) return { met: false, whyNot: `service ${namespace}/${name} does not exist` };
    if (nodePort !== undefined && !(svc.spec.ports ?? []).some((p) => p.nodePort === nodePort)) {
      const given = (svc.spec.ports ?? []).map((p) => p.nodePort).filter((n) => n !== undefined);
      return { met: false, whyNot: `nothing answers on the nodes' port ${nodePort}: service ${name} ${given.length ? `has nodePort ${given.join(', ')}` : `is of type ${svc.spec.type ?? 'ClusterIP'}, with no nodePort`}` };
    }
    const target = nodePort ?? port ?? svc.spec.ports?.[0]?.port;
    if (target === undefined) return { met: false, whyNot: `service ${name} has no ports` };
    const answers = cluster.serviceBackends(namespace, name, target, { byNodePort: nodePort !== undefined, path });
    if (!answers) return { met: false, whyNot: `service ${name} has no port ${target}` };
    const via = nodePort !== undefined ? `nodePort ${nodePort}` : `port ${target}`;
    if (answers.length < min) return { met: false, whyNot: `service ${name} (${via}) has ${answers.length} ready endpoint(s), needs ${min}` };
    const bad = answers.find((a) => a.code === undefined || a.code >= 400);
    if (bad) {
      const at = `${bad.ip}:${bad.port}${bad.pod ? ` (pod ${bad.pod})` : ''}`;
      if (bad.code === undefined) return { met: false, whyNot: `service ${name} (${via}) sends traffic to ${at}, which ${bad.why === 'refused' ? 'refuses the connection: nothing listens there' : 'does not answer'}` };
      return { met: false, whyNot: `service ${name} (${via}) reaches ${at}, but GET ${path} answers ${bad.code}` };
    }
    return { met: true };
  },
};
