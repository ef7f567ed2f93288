import { Container, KubeObject, Pod, resolveKind, Service, ServicePort } from '../../cluster-engine';
import { KubectlError, usageError } from '../errors';
import { VerbContext } from './verb';

const toPort = (s: string): number | string => (/^\d+$/.test(s) ? Number(s) : s);

/**
 * `kubectl create service clusterip|nodeport NAME [--tcp=port:targetPort]`: label and selector `app=NAME`,
 * ports named `port-targetPort`.
 */
export function generateService(ctx: VerbContext, rest: string[]): KubeObject {
  const [type, name, ...extra] = rest;
  const types: Record<string, Service['spec']['type']> = { clusterip: 'ClusterIP', nodeport: 'NodePort', loadbalancer: 'LoadBalancer' };
  if (!type || !types[type]) {
    throw new KubectlError(`"kubectl create service ${type ?? ''}" is not available in this terminal; use "kubectl create service clusterip|nodeport|loadbalancer NAME --tcp=PORT:TARGET"`);
  }
  if (!name || extra.length) throw usageError(`create service ${type}`, `exactly one NAME is required, got ${name ? 1 + extra.length : 0}`);
  const clusterIP = ctx.flags.string('clusterip');
  const tcp = ctx.flags.strings('tcp').flatMap((t) => t.split(','));
  if (tcp.length === 0 && clusterIP !== 'None') throw new KubectlError('at least one tcp port specifier must be provided');
  const nodePort = ctx.flags.int('node-port');
  const ports: ServicePort[] = tcp.map((spec) => {
    const [p, t = p] = spec.split(':');
    if (!/^\d+$/.test(p)) throw new KubectlError(`strconv.Atoi: parsing "${p}": invalid syntax`);
    return { name: `${p}-${t}`, port: Number(p), protocol: 'TCP', targetPort: toPort(t), ...(nodePort && type === 'nodeport' ? { nodePort } : {}) };
  });
  const spec: Service['spec'] = { ports, selector: { app: name }, type: types[type] };
  if (clusterIP) spec.clusterIP = clusterIP;
  // As kubectl prints it with --dry-run=client -o yaml: a null creationTimestamp and an empty load-balancer status.
  return { apiVersion: 'v1', kind: 'Service', metadata: { creationTimestamp: null as unknown as string, labels: { app: name }, name, namespace: ctx.namespace }, spec, status: { loadBalancer: {} } };
}

type WithTemplate = KubeObject & { spec?: { selector?: { matchLabels?: Record<string, string> } | Record<string, string>; template?: { spec?: { containers?: Container[] } } } };

/**
 * `kubectl expose (pod|deployment|replicaset|service) NAME`: a Service selecting what the object selects (a pod:
 * its labels), carrying its labels, on --port (else the container ports) to --target-port (else the port).
 */
export function exposeService(ctx: VerbContext, source: KubeObject): Service {
  const f = ctx.flags;
  let selector: Record<string, string> | undefined;
  let containers: Container[] = [];
  if (source.kind === 'Pod') {
    selector = source.metadata.labels;
    containers = (source as Pod).spec.containers;
  } else if (source.kind === 'Service') {
    selector = (source as Service).spec.selector;
  } else {
    const s = (source as WithTemplate).spec?.selector as Record<string, unknown> | undefined;
    selector = (s && typeof s.matchLabels === 'object' ? s.matchLabels : s) as Record<string, string> | undefined;
    containers = (source as WithTemplate).spec?.template?.spec?.containers ?? [];
  }
  if (f.string('selector')) selector = Object.fromEntries(f.string('selector').split(',').map((kv) => kv.split('=') as [string, string]));
  if (!selector || Object.keys(selector).length === 0) {
    throw new KubectlError(`couldn't retrieve selectors via --selector flag or introspection: the ${source.kind.toLowerCase()} has no labels and cannot be exposed`);
  }
  const protocol = (f.string('protocol') || 'TCP') as ServicePort['protocol'];
  let ports: ServicePort[];
  if (f.string('port')) {
    ports = [{ port: Number(f.string('port')), protocol, targetPort: f.string('target-port') ? toPort(f.string('target-port')) : Number(f.string('port')) }];
  } else if (source.kind === 'Service') {
    ports = ((source as Service).spec.ports ?? []).map((p) => ({ ...(p.name ? { name: p.name } : {}), port: p.port, protocol: p.protocol, targetPort: p.targetPort }));
  } else {
    const found = containers.flatMap((c) => c.ports ?? []);
    ports = found.map((p, i) => ({ ...(found.length > 1 ? { name: `port-${i + 1}` } : {}), port: p.containerPort, protocol: (p.protocol ?? protocol) as ServicePort['protocol'], targetPort: f.string('target-port') ? toPort(f.string('target-port')) : p.containerPort }));
  }
  if (ports.length === 0) throw new KubectlError("couldn't find port via --port flag or introspection");
  const type = f.string('type');
  const types = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
  const spec: Service['spec'] = { ports, selector };
  if (type) {
    const match = types.find((t) => t.toLowerCase() === type.toLowerCase());
    if (!match) throw new KubectlError(`invalid service type "${type}"`);
    spec.type = match as Service['spec']['type'];
  }
  if (f.string('cluster-ip')) spec.clusterIP = f.string('cluster-ip');
  const labels = source.metadata.labels;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: f.string('name') || source.metadata.name, namespace: ctx.namespace, ...(labels && Object.keys(labels).length ? { labels: { ...labels } } : {}) },
    spec,
  };
}

export function exposableKind(type: string): string {
  const info = resolveKind(type);
  if (!info) throw new KubectlError(`the server doesn't have a resource type "${type}"`);
  if (!['Pod', 'Service', 'Deployment', 'ReplicaSet', 'ReplicationController'].includes(info.kind)) {
    throw new KubectlError(`cannot expose a ${info.kind}`);
  }
  return info.kind;
}
