import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as protobuf from 'protobufjs';
import { badRequest } from '../../cluster-engine/api/errors';

/** The protobufjs descriptor of k8s.io/api + apimachinery v0.32.5 (scripts/k8s-api-data.mjs); this file sits at {src,dist}/k8s-api/resources/. */
const DESCRIPTOR = resolve(__dirname, '..', '..', '..', 'assets', 'k8s-protobuf-1.32.json.gz');
const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]); // "k8s\0"

/**
 * Go pointer fields that kubectl's generators may set to their zero value on purpose (`--replicas=0`).
 * gogo-protobuf writes every non-pointer field, so other zero values are dropped as `omitempty` would.
 */
const POINTER_FIELDS = new Set([
  'replicas',
  'parallelism',
  'completions',
  'backoffLimit',
  'activeDeadlineSeconds',
  'ttlSecondsAfterFinished',
  'suspend',
  'terminationGracePeriodSeconds',
  'revisionHistoryLimit',
  'progressDeadlineSeconds',
  'successfulJobsHistoryLimit',
  'failedJobsHistoryLimit',
  'startingDeadlineSeconds',
  'automountServiceAccountToken',
  'immutable',
  'allowPrivilegeEscalation',
  'runAsNonRoot',
  'runAsUser',
  'readOnlyRootFilesystem',
]);

let root: protobuf.Root | undefined;

function types(): protobuf.Root {
  root ??= protobuf.Root.fromJSON(JSON.parse(gunzipSync(readFileSync(DESCRIPTOR)).toString('utf8')) as protobuf.INamespace);
  return root;
}

/** `apps/v1` → `k8s.io.api.apps.v1`; `rbac.authorization.k8s.io/v1` → `k8s.io.api.rbac.v1`; `v1` → core. */
function packageOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? 'core' : apiVersion.slice(0, slash).split('.')[0];
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  return `k8s.io.api.${group}.${version}`;
}

/**
 * Decodes an `application/vnd.kubernetes.protobuf` body (kubectl 1.32's typed clients send these for
 * `create deployment|service|configmap|secret|job|cronjob|namespace`) into the JSON object the
 * API server would have decoded, with Go's JSON conventions for the special types.
 */
export function decodeProtobuf(body: Buffer): Record<string, unknown> {
  if (body.length < 4 || !body.subarray(0, 4).equals(MAGIC)) throw badRequest('provided data does not have the protobuf envelope prefix');
  const root = types();
  const unknown = root.lookupType('k8s.io.apimachinery.pkg.runtime.Unknown').decode(body.subarray(4)) as unknown as {
    typeMeta?: { apiVersion?: string; kind?: string };
    raw?: Uint8Array;
  };
  const apiVersion = unknown.typeMeta?.apiVersion ?? '';
  const kind = unknown.typeMeta?.kind ?? '';
  let type: protobuf.Type;
  try {
    type = root.lookupType(`${packageOf(apiVersion)}.${kind}`);
  } catch {
    throw badRequest(`no kind "${kind}" is registered for version "${apiVersion}" in scheme "pkg/runtime/scheme.go:100"`);
  }
  const message = type.decode(unknown.raw ?? new Uint8Array());
  return { apiVersion, kind, ...(toJson(type, message as unknown as Record<string, unknown>) as Record<string, unknown>) };
}

function toJson(type: protobuf.Type, msg: Record<string, unknown>): unknown {
  switch (type.fullName) {
    case '.k8s.io.apimachinery.pkg.apis.meta.v1.Time':
    case '.k8s.io.apimachinery.pkg.apis.meta.v1.MicroTime': {
      const seconds = Number(msg.seconds ?? 0);
      return seconds === 0 ? undefined : new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    }
    case '.k8s.io.apimachinery.pkg.util.intstr.IntOrString':
      return Number(msg.type ?? 0) === 1 ? String(msg.strVal ?? '') : Number(msg.intVal ?? 0);
    case '.k8s.io.apimachinery.pkg.api.resource.Quantity':
      return String(msg.string ?? '');
    case '.k8s.io.apimachinery.pkg.runtime.RawExtension':
    case '.k8s.io.apimachinery.pkg.apis.meta.v1.FieldsV1': {
      const raw = (msg.raw ?? msg.Raw) as Uint8Array | undefined;
      return raw && raw.length ? (JSON.parse(Buffer.from(raw).toString('utf8')) as unknown) : undefined;
    }
    case '.k8s.io.apimachinery.pkg.apis.meta.v1.Duration':
      return `${Number(msg.duration ?? 0) / 1e9}s`;
  }
  const out: Record<string, unknown> = {};
  for (const field of type.fieldsArray) {
    // Decoded messages carry proto defaults on their prototype: only fields on the wire count.
    if (!Object.prototype.hasOwnProperty.call(msg, field.name)) continue;
    const value = msg[field.name];
    if (value === undefined || value === null) continue;
    field.resolve();
    const convert = (v: unknown): unknown => {
      if (field.resolvedType instanceof protobuf.Type) return toJson(field.resolvedType, v as Record<string, unknown>);
      if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
      if (typeof v === 'object' && v !== null && 'low' in v) return Number(v as unknown as number);
      return v;
    };
    let json: unknown;
    if (field.map) {
      const entries = Object.entries(value as Record<string, unknown>);
      if (entries.length === 0) continue;
      json = Object.fromEntries(entries.map(([k, v]) => [k, convert(v)]));
    } else if (field.repeated) {
      const items = value as unknown[];
      if (items.length === 0) continue;
      json = items.map(convert);
    } else {
      json = convert(value);
      if (json === undefined) continue;
      const zero = json === '' || json === 0 || json === false;
      if (zero && !POINTER_FIELDS.has(field.name)) continue;
    }
    out[field.name] = json;
  }
  return out;
}
