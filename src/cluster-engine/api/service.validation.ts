import { KubeObject, Service } from './types';
import { FieldError } from './errors';

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const IANA_SVC_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const PORT_RANGE = 'must be between 1 and 65535, inclusive';

/** `ValidateService` (pkg/apis/core/validation) for the fields the simulation serves. */
export function validateService(obj: KubeObject): FieldError[] {
  const svc = obj as Service;
  const errors: FieldError[] = [];
  const spec = svc.spec;
  if (!spec || typeof spec !== 'object') return [{ field: 'spec', detail: 'Required value', type: 'FieldValueRequired' }];
  const type = spec.type ?? 'ClusterIP';
  if (!TYPES.includes(type)) {
    errors.push({ field: 'spec.type', detail: `Unsupported value: ${JSON.stringify(type)}: supported values: ${TYPES.map((t) => `"${t}"`).join(', ')}`, type: 'FieldValueNotSupported' });
    return errors;
  }
  const ports = Array.isArray(spec.ports) ? spec.ports : [];
  const headless = spec.clusterIP === 'None';
  if (ports.length === 0 && !headless && type !== 'ExternalName') errors.push({ field: 'spec.ports', detail: 'Required value', type: 'FieldValueRequired' });
  if (type === 'ExternalName' && !spec.externalName) errors.push({ field: 'spec.externalName', detail: 'Required value', type: 'FieldValueRequired' });
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const at = `spec.ports[${i}]`;
    if (ports.length > 1 && !p.name) errors.push({ field: `${at}.name`, detail: 'Required value', type: 'FieldValueRequired' });
    if (p.name) {
      if (!IANA_SVC_NAME.test(p.name)) {
        errors.push({ field: `${at}.name`, detail: `Invalid value: ${JSON.stringify(p.name)}: a DNS-1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`, type: 'FieldValueInvalid' });
      } else if (names.has(p.name)) errors.push({ field: `${at}.name`, detail: `Duplicate value: ${JSON.stringify(p.name)}`, type: 'FieldValueDuplicate' });
      names.add(p.name);
    }
    if (!Number.isInteger(p.port) || p.port < 1 || p.port > 65535) errors.push({ field: `${at}.port`, detail: `Invalid value: ${JSON.stringify(p.port ?? 0)}: ${PORT_RANGE}`, type: 'FieldValueInvalid' });
    if (p.protocol && !PROTOCOLS.includes(p.protocol)) {
      errors.push({ field: `${at}.protocol`, detail: `Unsupported value: ${JSON.stringify(p.protocol)}: supported values: ${PROTOCOLS.map((t) => `"${t}"`).join(', ')}`, type: 'FieldValueNotSupported' });
    }
    const tp = p.targetPort;
    if (typeof tp === 'number' && (!Number.isInteger(tp) || tp < 1 || tp > 65535)) {
      errors.push({ field: `${at}.targetPort`, detail: `Invalid value: ${tp}: ${PORT_RANGE}`, type: 'FieldValueInvalid' });
    } else if (typeof tp === 'string' && !/^\d+$/.test(tp) && (tp.length > 15 || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(tp) || !/[a-z]/.test(tp))) {
      errors.push({ field: `${at}.targetPort`, detail: `Invalid value: ${JSON.stringify(tp)}: must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)`, type: 'FieldValueInvalid' });
    }
    if (p.nodePort && type === 'ClusterIP') {
      errors.push({ field: `${at}.nodePort`, detail: "Forbidden: may not be used when `type` is 'ClusterIP'", type: 'FieldValueForbidden' });
    }
  });
  return errors;
}
