import { KubeObject } from '../types';
import { ApiError, badRequest } from '../errors';
import { SCHEMAS, unknownFields } from './schema';

/** Go's name for a JSON value's type in `json: cannot unmarshal <type> into …`. */
function jsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'object' : typeof v === 'boolean' ? 'bool' : (typeof v as string);
}

type Want = 'object' | 'array' | 'string';
const isType = (v: unknown, want: Want) => v === undefined || v === null || (want === 'array' ? Array.isArray(v) : want === 'object' ? jsonType(v) === 'object' : typeof v === 'string');

/**
 * The API server decodes a body into Go structs before anything else; a wrong JSON type fails there with
 * `Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field …`.
 * Checked for the fields the engine reads, so a malformed body is an answer, not a crash.
 */
export function decodeError(obj: KubeObject): ApiError | undefined {
  return typeError(obj) ?? strictError(obj);
}

/** Only the type check: what decoding into Go structs rejects whatever the field validation mode. */
export function typeDecodeError(obj: KubeObject): ApiError | undefined {
  return typeError(obj);
}

/** `--validate=strict` (kubectl's default) makes the server reject fields its structs do not have. */
function strictError(obj: KubeObject): ApiError | undefined {
  const schema = SCHEMAS[obj.kind];
  const unknown = schema ? unknownFields(obj, schema) : [];
  if (unknown.length === 0) return undefined;
  return badRequest(`${obj.kind} in version "${String(obj.apiVersion)}" cannot be handled as a ${obj.kind}: strict decoding error: ${unknown.map((f) => `unknown field "${f}"`).join(', ')}`);
}

function typeError(obj: KubeObject): ApiError | undefined {
  const fail = (v: unknown, field: string, goType: string) =>
    badRequest(`${obj.kind} in version "${String(obj.apiVersion)}" cannot be handled as a ${obj.kind}: json: cannot unmarshal ${jsonType(v)} into Go struct field ${field} of type ${goType}`);
  const check = (v: unknown, want: Want, field: string, goType: string) => (isType(v, want) ? undefined : fail(v, field, goType));
  const meta = obj.metadata as unknown;
  const err =
    check(meta, 'object', `${obj.kind}.metadata`, 'v1.ObjectMeta') ??
    (jsonType(meta) === 'object' ? check((meta as Record<string, unknown>).name, 'string', 'ObjectMeta.metadata.name', 'string') : undefined) ??
    mapOfStrings((meta as Record<string, unknown> | undefined)?.labels, 'ObjectMeta.metadata.labels', fail) ??
    mapOfStrings((meta as Record<string, unknown> | undefined)?.annotations, 'ObjectMeta.metadata.annotations', fail);
  if (err) return err;
  // Every kind's spec and status are Go structs: anything but an object fails to decode.
  for (const part of ['spec', 'status'] as const) {
    const partErr = check(obj[part], 'object', `${obj.kind}.${part}`, `v1.${obj.kind}${part === 'spec' ? 'Spec' : 'Status'}`);
    if (partErr) return partErr;
  }
  if (obj.kind === 'ConfigMap' || obj.kind === 'Secret') {
    const kind = obj.kind;
    return mapOfStrings(obj.data, `${kind}.data`, fail) ?? mapOfStrings(obj.stringData, `${kind}.stringData`, fail);
  }
  if (obj.kind !== 'Pod') return undefined;
  const spec = obj.spec as unknown;
  if (spec === undefined || spec === null) return undefined;
  for (const field of ['containers', 'initContainers', 'volumes', 'tolerations'] as const) {
    const list = (spec as Record<string, unknown>)[field];
    const goItem = { containers: 'v1.Container', initContainers: 'v1.Container', volumes: 'v1.Volume', tolerations: 'v1.Toleration' }[field];
    const listErr = check(list, 'array', `PodSpec.spec.${field}`, `[]${goItem}`);
    if (listErr) return listErr;
    for (const item of (list as unknown[] | undefined) ?? []) if (jsonType(item) !== 'object') return fail(item, `PodSpec.spec.${field}`, goItem);
  }
  return undefined;
}

function mapOfStrings(v: unknown, field: string, fail: (v: unknown, field: string, goType: string) => ApiError): ApiError | undefined {
  if (v === undefined || v === null) return undefined;
  if (jsonType(v) !== 'object') return fail(v, field, 'map[string]string');
  for (const x of Object.values(v as Record<string, unknown>)) if (typeof x !== 'string') return fail(x, field, 'string');
  return undefined;
}
