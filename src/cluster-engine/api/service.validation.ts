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
  const shape = shapeErrors(svc);
  if (shape.length) return shape;
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
    } else if (typeof tp === 'string') {
      for (const why of portNameErrors(tp)) errors.push({ field: `${at}.targetPort`, detail: `Invalid value: ${JSON.stringify(tp)}: ${why}`, type: 'FieldValueInvalid' });
    }
    if (p.nodePort && type === 'ClusterIP') {
      errors.push({ field: `${at}.nodePort`, detail: "Forbidden: may not be used when `type` is 'ClusterIP'", type: 'FieldValueForbidden' });
    }
  });
  return errors;
}

const isMap = (v: unknown) => !!v && typeof v === 'object' && !Array.isArray(v) && Object.values(v as object).every((x) => typeof x === 'string');

/** Fields of the wrong JSON type (what decoding into Go structs would refuse), so nothing downstream reads garbage. */
function shapeErrors(svc: Service): FieldError[] {
  const spec = svc.spec as unknown as Record<string, unknown>;
  const errors: FieldError[] = [];
  const bad = (field: string, value: unknown, want: string) => errors.push({ field, detail: `Invalid value: ${JSON.stringify(value) ?? 'null'}: must be ${want}`, type: 'FieldValueInvalid' });
  if (spec.selector !== undefined && spec.selector !== null && !isMap(spec.selector)) bad('spec.selector', spec.selector, 'a map of strings');
  for (const f of ['type', 'clusterIP', 'externalName', 'sessionAffinity']) if (spec[f] !== undefined && typeof spec[f] !== 'string') bad(`spec.${f}`, spec[f], 'a string');
  if (spec.ports !== undefined && spec.ports !== null && !Array.isArray(spec.ports)) bad('spec.ports', spec.ports, 'a list of ports');
  (Array.isArray(spec.ports) ? spec.ports : []).forEach((p: unknown, i: number) => {
    if (!p || typeof p !== 'object' || Array.isArray(p)) return bad(`spec.ports[${i}]`, p, 'an object');
    const port = p as Record<string, unknown>;
    if (typeof port.port !== 'number') bad(`spec.ports[${i}].port`, port.port, 'a number');
    if (port.targetPort !== undefined && typeof port.targetPort !== 'number' && typeof port.targetPort !== 'string') bad(`spec.ports[${i}].targetPort`, port.targetPort, 'a number or a name');
    if (port.name !== undefined && typeof port.name !== 'string') bad(`spec.ports[${i}].name`, port.name, 'a string');
    if (port.nodePort !== undefined && typeof port.nodePort !== 'number') bad(`spec.ports[${i}].nodePort`, port.nodePort, 'a number');
  });
  return errors;
}

/** Endpoints and EndpointSlices written by hand: lists of objects, so printers and kube-proxy can read them. */
export function validateEndpoints(obj: KubeObject): FieldError[] {
  const subsets = (obj as { subsets?: unknown }).subsets;
  if (subsets === undefined || subsets === null) return [];
  const ok = Array.isArray(subsets) && subsets.every((s) => s && typeof s === 'object' && ['addresses', 'notReadyAddresses', 'ports'].every((k) => {
    const v = (s as Record<string, unknown>)[k];
    return v === undefined || (Array.isArray(v) && v.every((x) => x && typeof x === 'object'));
  }));
  return ok ? [] : [{ field: 'subsets', detail: `Invalid value: ${JSON.stringify(subsets)}: must be a list of subsets`, type: 'FieldValueInvalid' }];
}

export function validateEndpointSlice(obj: KubeObject): FieldError[] {
  const slice = obj as { endpoints?: unknown; ports?: unknown; addressType?: unknown };
  const errors: FieldError[] = [];
  if (!['IPv4', 'IPv6', 'FQDN'].includes(slice.addressType as string)) {
    errors.push({ field: 'addressType', detail: `Unsupported value: ${JSON.stringify(slice.addressType ?? '')}: supported values: "FQDN", "IPv4", "IPv6"`, type: 'FieldValueNotSupported' });
  }
  const list = (v: unknown) => v === undefined || v === null || (Array.isArray(v) && v.every((x) => x && typeof x === 'object'));
  if (!list(slice.endpoints) || (Array.isArray(slice.endpoints) && !slice.endpoints.every((e) => Array.isArray((e as { addresses?: unknown }).addresses)))) {
    errors.push({ field: 'endpoints', detail: 'Invalid value: must be a list of endpoints with addresses', type: 'FieldValueInvalid' });
  }
  if (!list(slice.ports)) errors.push({ field: 'ports', detail: 'Invalid value: must be a list of ports', type: 'FieldValueInvalid' });
  return errors;
}

/** `validation.IsValidPortName` (IANA_SVC_NAME): a quoted "8080" is a name, and fails for want of a letter. */
function portNameErrors(name: string): string[] {
  const out: string[] = [];
  if (name.length > 15) out.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) out.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) out.push('must contain at least one letter (a-z)');
  if (name.includes('--')) out.push('must not contain consecutive hyphens (-)');
  if (name.length > 0 && (name.startsWith('-') || name.endsWith('-'))) out.push('must not begin or end with a hyphen (-)');
  return out;
}
