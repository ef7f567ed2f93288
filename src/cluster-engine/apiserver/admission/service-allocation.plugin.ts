import { MutatingPlugin } from './admission';
import { Service } from '../../api/types';
import { invalid } from '../../api/errors';

/** `--service-cluster-ip-range` (kubeadm's default) and `--service-node-port-range`. */
export const SERVICE_CIDR_BASE = (10 << 24) | (96 << 16);
const SERVICE_CIDR_SIZE = 1 << 20;
/** Dynamic allocations prefer the upper band; the lower 256 addresses are kept for explicit requests. */
const STATIC_BAND = 256;
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

export function ipToString(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/**
 * The service REST storage's allocators, run here at the point of the admission chain where a real API
 * server has them: a cluster IP drawn at random from 10.96.0.0/12 (unless headless or given), and node
 * ports drawn from 30000–32767 for NodePort and LoadBalancer services. Given values that are taken fail
 * with the allocators' messages.
 */
export const serviceAllocationPlugin: MutatingPlugin = {
  name: 'ServiceIPAndPortAllocation',
  admit({ operation, object, store, rng }) {
    if (operation !== 'CREATE' || object.kind !== 'Service') return;
    const svc = object as Service;
    const spec = svc.spec;
    if (!spec || typeof spec !== 'object' || spec.type === 'ExternalName' || (spec.ports !== undefined && !Array.isArray(spec.ports))) return;
    if ((spec.ports ?? []).some((p) => !p || typeof p !== 'object')) return;
    const existing = store.scan('Service') as Service[];
    const usedIPs = new Set(existing.map((s) => s.spec?.clusterIP).filter(Boolean));
    if (spec.clusterIP === undefined || spec.clusterIP === '') {
      let ip = '';
      for (let tries = 0; tries < 64 && !ip; tries++) {
        const candidate = ipToString(SERVICE_CIDR_BASE + STATIC_BAND + rng.int(SERVICE_CIDR_SIZE - STATIC_BAND - 1));
        if (!usedIPs.has(candidate)) ip = candidate;
      }
      spec.clusterIP = ip;
    } else if (typeof spec.clusterIP !== 'string') {
      return;
    } else if (spec.clusterIP !== 'None' && usedIPs.has(spec.clusterIP)) {
      throw invalid('Service', svc.metadata.name, [
        { field: 'spec.clusterIPs', detail: `Invalid value: []string{${JSON.stringify(spec.clusterIP)}}: failed to allocate IP ${spec.clusterIP}: provided IP is already allocated`, type: 'FieldValueInvalid' },
      ]);
    }
    spec.clusterIPs = [spec.clusterIP];
    if (spec.type !== 'NodePort' && spec.type !== 'LoadBalancer') return;
    const usedPorts = new Set(existing.flatMap((s) => (s.spec?.ports ?? []).map((p) => p.nodePort)).filter(Boolean));
    (spec.ports ?? []).forEach((p, i) => {
      if (p.nodePort) {
        if (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX) {
          throw invalid('Service', svc.metadata.name, [
            { field: `spec.ports[${i}].nodePort`, detail: `Invalid value: ${p.nodePort}: provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`, type: 'FieldValueInvalid' },
          ]);
        }
        if (usedPorts.has(p.nodePort)) {
          throw invalid('Service', svc.metadata.name, [{ field: `spec.ports[${i}].nodePort`, detail: `Invalid value: ${p.nodePort}: provided port is already allocated`, type: 'FieldValueInvalid' }]);
        }
      } else {
        let port = 0;
        while (!port || usedPorts.has(port)) port = NODE_PORT_MIN + rng.int(NODE_PORT_MAX - NODE_PORT_MIN + 1);
        p.nodePort = port;
      }
      usedPorts.add(p.nodePort);
    });
  },
};
