import { ApiError, DeleteOptions, kindInfo, KubeObject, PatchType } from '../../cluster-engine';
import { decodeError } from '../../cluster-engine/api/decode/decode';
import { badRequest } from '../../cluster-engine/api/errors';
import { printTable } from '../../cluster-engine/printers';
import type { K8sAttemptsService } from '../k8s-attempts.service';
import { K8sRequest, wantsTable } from '../http/request';
import { methodNotSupported, pathNotFound, sendJson, statusError } from '../http/status';
import { decodeBody, mediaType } from './body';
import { serveLog } from './log';
import { ResourcePath } from './path';
import { scaleOf, scaleReplicas } from './scale';
import { serveWatch } from './watch';

const PATCH_TYPES: Record<string, PatchType> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply',
};

/**
 * The generic resource handler: every kind the engine serves, through the engine's API server.
 * Reads answer from the live cluster; writes go through K8sAttemptsService.write (serialized, logged, scored).
 */
export async function handleResource(req: K8sRequest, p: ResourcePath, attempts: K8sAttemptsService): Promise<void> {
  const { info } = p.resource;
  const ns = info.namespaced ? p.namespace : undefined;
  if (info.namespaced && p.name !== undefined && ns === undefined) {
    throw pathNotFound();
  }
  const sub = p.subresource;
  if (sub !== undefined && !p.resource.subresources.some((s) => s.name === sub)) {
    throw pathNotFound();
  }
  const method = req.method;
  const name = p.name;
  const label = `${info.plural}${name ? `/${name}` : ''}${sub ? `/${sub}` : ''}`;

  if (name === undefined) {
    if (method === 'GET') {
      if (isTrue(req.query.get('watch'))) return serveWatch(req, attempts, info.kind, ns);
      return list(req, attempts, info.kind, ns);
    }
    if (method === 'POST') return create(req, attempts, info.kind, info.namespaced ? (ns ?? 'default') : undefined, label);
    throw methodNotSupported();
  }

  if (sub === 'log') {
    if (method !== 'GET') throw methodNotSupported();
    return serveLog(req, attempts, ns!, name);
  }
  if (sub === 'scale') return scale(req, attempts, info.kind, ns, name, label);
  if (sub === 'eviction') {
    if (method !== 'POST') throw methodNotSupported();
    const body = decodeBody(req.body, req.headers['content-type']) as { deleteOptions?: { gracePeriodSeconds?: number } };
    // The engine's eviction API: 429 TooManyRequests when a PodDisruptionBudget forbids it (drain retries).
    await attempts.write(req.live, `POST ${label}`, (c) => c.api.evict(ns!, name, deleteOptions(req, body?.deleteOptions)));
    return sendJson(req.res, 201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
  }

  switch (method) {
    case 'GET': {
      const obj = attempts.read(req.live, (c) => c.api.get(info.kind, ns, name));
      return respondObject(req, attempts, info.kind, obj, 200);
    }
    case 'PUT': {
      const obj = decodeObject(req, info.kind, ns, name);
      const dryRun = dryRunOf(req);
      const written = await attempts.write(req.live, `PUT ${label}`, (c) => (sub === 'status' ? c.api.updateStatus(obj, { dryRun }) : c.api.update(obj, { dryRun })));
      return respondObject(req, attempts, info.kind, written, 200);
    }
    case 'PATCH': {
      const type = PATCH_TYPES[mediaType(req.headers['content-type'])];
      if (!type) throw statusError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${Object.keys(PATCH_TYPES).join(', ')}`);
      const body = decodeBody(req.body, req.headers['content-type']);
      const existed = type === 'apply' ? attempts.read(req.live, (c) => c.api.tryGet(info.kind, ns, name) !== undefined) : true;
      const opts = { dryRun: dryRunOf(req), strict: fieldValidation(req) === 'Strict', ...(sub === 'status' ? { subresource: 'status' as const } : {}) };
      const warnings = fieldValidation(req) === 'Warn' ? unknownFieldWarnings(body, info.kind) : [];
      const written = await attempts.write(req.live, `PATCH ${label}`, (c) => c.api.patch(info.kind, ns, name, type, body, opts));
      return respondObject(req, attempts, info.kind, written, existed ? 200 : 201, warnings);
    }
    case 'DELETE': {
      const body = req.body.length ? (decodeBody(req.body, 'application/json') as Record<string, unknown>) : {};
      const deleted = await attempts.write(req.live, `DELETE ${label}`, (c) => c.api.delete(info.kind, ns, name, deleteOptions(req, body)));
      return respondObject(req, attempts, info.kind, deleted, 200);
    }
    default:
      throw methodNotSupported();
  }
}

function list(req: K8sRequest, attempts: K8sAttemptsService, kind: string, namespace: string | undefined): void {
  const labelSelector = req.query.get('labelSelector') ?? undefined;
  const fieldSelector = req.query.get('fieldSelector') ?? undefined;
  const { items, rv, nowMs } = attempts.read(req.live, (c) => ({ items: c.api.list(kind, { namespace, labelSelector, fieldSelector }), rv: c.resourceVersion, nowMs: c.nowMs() }));
  if (wantsTable(req)) {
    return sendJson(req.res, 200, printTable(kind, items, { nowMs, includeObject: includeObject(req), resourceVersion: rv }), 'application/json;as=Table;v=v1;g=meta.k8s.io');
  }
  const apiVersion = kindApiVersion(kind);
  sendJson(req.res, 200, { kind: `${kind}List`, apiVersion, metadata: { resourceVersion: rv }, items });
}

async function create(req: K8sRequest, attempts: K8sAttemptsService, kind: string, namespace: string | undefined, label: string): Promise<void> {
  const body = decodeBody(req.body, req.headers['content-type']) as KubeObject;
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest(`Object 'Kind' is missing in '${req.body.toString('utf8').slice(0, 200)}'`);
  if (body.kind !== kind) throw badRequest(`the API version in the data (${String(body.apiVersion)}) does not match the expected API version (${kindApiVersion(kind)})`);
  const obj = { ...body, metadata: { ...(body.metadata ?? {}) } } as KubeObject;
  if (namespace !== undefined) {
    if (obj.metadata.namespace && obj.metadata.namespace !== namespace) {
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    obj.metadata.namespace = namespace;
  }
  const validation = fieldValidation(req);
  if (validation === 'Strict') {
    const bad = decodeError(obj);
    if (bad) throw bad;
  }
  const warnings = validation === 'Warn' ? unknownFieldWarnings(obj, kind) : [];
  const name = obj.metadata.name ?? obj.metadata.generateName ?? '';
  const created = await attempts.write(req.live, `POST ${label}/${name}`, (c) => {
    attempts.limits.checkObjectCount(c);
    return c.api.create(obj, { dryRun: dryRunOf(req) });
  });
  return respondObject(req, attempts, kind, created, 201, warnings);
}

async function scale(req: K8sRequest, attempts: K8sAttemptsService, kind: string, ns: string | undefined, name: string, label: string): Promise<void> {
  const current = attempts.read(req.live, (c) => c.api.get(kind, ns, name));
  if (req.method === 'GET') return sendJson(req.res, 200, scaleOf(current));
  if (req.method !== 'PUT' && req.method !== 'PATCH') throw methodNotSupported();
  const replicas = scaleReplicas(req, current);
  const written = await attempts.write(req.live, `${req.method} ${label}`, (c) =>
    c.api.patch(kind, ns, name, 'merge', { spec: { replicas } }, { dryRun: dryRunOf(req) }),
  );
  sendJson(req.res, 200, scaleOf(written));
}

function respondObject(req: K8sRequest, attempts: K8sAttemptsService, kind: string, obj: KubeObject, code: number, warnings: string[] = []): void {
  const headers: Record<string, string> = warnings.length ? { Warning: warnings.map((w) => `299 - ${JSON.stringify(w)}`).join(', ') } : {};
  if (wantsTable(req)) {
    const nowMs = attempts.read(req.live, (c) => c.nowMs());
    return sendJson(req.res, code, printTable(kind, [obj], { nowMs, includeObject: includeObject(req), resourceVersion: obj.metadata.resourceVersion }), 'application/json;as=Table;v=v1;g=meta.k8s.io', headers);
  }
  sendJson(req.res, code, obj, 'application/json', headers);
}

function decodeObject(req: K8sRequest, kind: string, ns: string | undefined, name: string): KubeObject {
  const obj = decodeBody(req.body, req.headers['content-type']) as KubeObject;
  if (!obj || typeof obj !== 'object' || obj.kind !== kind) throw badRequest(`Object 'Kind' is missing or is not ${kind}`);
  if (obj.metadata?.name !== name) throw badRequest('the name of the object does not match the name on the URL');
  if (ns !== undefined) {
    if (obj.metadata.namespace && obj.metadata.namespace !== ns) throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    obj.metadata.namespace = ns;
  }
  if (fieldValidation(req) === 'Strict') {
    const bad = decodeError(obj);
    if (bad) throw bad;
  }
  return obj;
}

function deleteOptions(req: K8sRequest, body: Record<string, unknown> | undefined): DeleteOptions {
  const grace = body?.gracePeriodSeconds ?? req.query.get('gracePeriodSeconds') ?? undefined;
  const dryRun = dryRunOf(req) || (Array.isArray(body?.dryRun) && (body!.dryRun as string[]).includes('All'));
  const policy = body?.propagationPolicy ?? req.query.get('propagationPolicy') ?? undefined;
  if (policy !== undefined && policy !== 'Orphan' && policy !== 'Background' && policy !== 'Foreground') {
    throw badRequest(`DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${String(policy)}": supported values: "Foreground", "Background", "Orphan"`);
  }
  return {
    ...(grace !== undefined && grace !== null ? { gracePeriodSeconds: Number(grace) } : {}),
    ...(dryRun ? { dryRun: true } : {}),
    ...(policy ? { propagationPolicy: policy } : {}),
  };
}

const isTrue = (v: string | null): boolean => v === 'true' || v === '1';
const dryRunOf = (req: K8sRequest): boolean => req.query.getAll('dryRun').includes('All');

function includeObject(req: K8sRequest): 'Metadata' | 'Object' | 'None' {
  const v = req.query.get('includeObject');
  return v === 'Object' || v === 'None' ? v : 'Metadata';
}

/** `fieldValidation`: Strict rejects unknown fields, Warn (the API server's default) answers with Warning headers. */
function fieldValidation(req: K8sRequest): 'Strict' | 'Warn' | 'Ignore' {
  const v = req.query.get('fieldValidation');
  if (v === null || v === '') return 'Warn';
  if (v !== 'Strict' && v !== 'Warn' && v !== 'Ignore') throw badRequest(`fieldValidation parameter unsupported: ${v}. Supported values are: Ignore, Strict, Warn`);
  return v;
}

function unknownFieldWarnings(obj: unknown, kind: string): string[] {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return [];
  const err = decodeError({ ...(withoutDirectives(obj) as KubeObject), kind } as KubeObject);
  if (!(err instanceof ApiError) || !/strict decoding error/.test(err.message)) return [];
  return [...err.message.matchAll(/unknown field "([^"]+)"/g)].map((m) => `unknown field "${m[1]}"`);
}

function kindApiVersion(kind: string): string {
  return kindInfo(kind).apiVersion;
}

/** A strategic patch's `$patch` / `$setElementOrder/…` keys are directives, not fields. */
function withoutDirectives(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutDirectives);
  if (!v || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).filter(([k]) => !k.startsWith('$')).map(([k, x]) => [k, withoutDirectives(x)]));
}
