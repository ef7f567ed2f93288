import { KubeObject, Service } from './types';
import { FieldError } from './errors';
import { ObjectStore } from '../store/store';
import { Rng } from '../rng';
import { NODE_PORT_MAX, NODE_PORT_MIN } from '../apiserver/admission/service-allocation.plugin';

const needsNodePorts = (type: string | undefined) => type === 'NodePort' || type === 'LoadBalancer';

/**
 * The service registry's update path: `patchAllocatedValues` keeps the cluster IP and node ports a
 * replace left out, `dropTypeDependentFields` clears node ports when the type no longer needs them, the
 * node-port allocator fills ports that just became NodePort, and a changed cluster IP is refused.
 */
export function prepareServiceUpdate(obj: KubeObject, old: KubeObject, store: ObjectStore, rng: Rng): FieldError[] {
  const next = obj as Service;
  const current = old as Service;
  const spec = next.spec;
  if (!spec || typeof spec !== 'object' || Array.isArray(spec) || (spec.ports !== undefined && !Array.isArray(spec.ports))) return [];
  const ports = (spec.ports ?? []).filter((p) => p && typeof p === 'object');
  const oldSpec = current.spec ?? {};
  const errors: FieldError[] = [];
  if ((spec.type ?? 'ClusterIP') !== 'ExternalName' && oldSpec.clusterIP) {
    if (spec.clusterIP === undefined || spec.clusterIP === '') {
      spec.clusterIP = oldSpec.clusterIP;
      spec.clusterIPs = oldSpec.clusterIPs ?? [oldSpec.clusterIP];
    } else if (spec.clusterIP !== oldSpec.clusterIP) {
      errors.push({ field: 'spec.clusterIPs[0]', detail: `Invalid value: ${JSON.stringify(spec.clusterIP)}: may not change once set`, type: 'FieldValueInvalid' });
    }
  } else if (spec.type === 'ExternalName') {
    delete spec.clusterIP;
    delete spec.clusterIPs;
  }
  const oldPorts = oldSpec.ports ?? [];
  if (needsNodePorts(spec.type)) {
    const used = new Set(
      (store.scan('Service') as Service[])
        .filter((s) => !(s.metadata.namespace === current.metadata.namespace && s.metadata.name === current.metadata.name))
        .flatMap((s) => (s.spec?.ports ?? []).map((p) => p.nodePort))
        .filter(Boolean),
    );
    for (const p of ports) {
      if (!p.nodePort) p.nodePort = oldPorts.find((o) => o.port === p.port && (o.protocol ?? 'TCP') === (p.protocol ?? 'TCP'))?.nodePort;
      if (!p.nodePort) {
        let port = 0;
        while (!port || used.has(port)) port = NODE_PORT_MIN + rng.int(NODE_PORT_MAX - NODE_PORT_MIN + 1);
        p.nodePort = port;
      }
      used.add(p.nodePort);
    }
  } else if (needsNodePorts(oldSpec.type)) {
    for (const p of ports) if (p.nodePort && oldPorts.some((o) => o.nodePort === p.nodePort)) delete p.nodePort;
    delete spec.externalTrafficPolicy;
  }
  return errors;
}
