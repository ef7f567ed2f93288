import { StatusObject, StatusReason } from './types';
import { kindInfo, isKnownKind } from './kinds';

/** An API error carrying a Kubernetes `Status`; kubectl prints it as `Error from server (Reason): message`. */
export class ApiError extends Error {
  constructor(readonly status: StatusObject) {
    super(status.message);
  }
  get code(): number {
    return this.status.code;
  }
  get reason(): StatusReason {
    return this.status.reason;
  }
}

function status(code: number, reason: StatusReason, message: string, details?: StatusObject['details']): ApiError {
  return new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, details, code });
}

/** `pods`, or `deployments.apps`: the resource as the API server names it in messages. */
export function qualifiedResource(kind: string): string {
  if (!isKnownKind(kind)) return kind.toLowerCase() + 's';
  const info = kindInfo(kind);
  return info.group ? `${info.plural}.${info.group}` : info.plural;
}

export function notFound(kind: string, name: string): ApiError {
  return status(404, 'NotFound', `${qualifiedResource(kind)} "${name}" not found`, { name, kind: isKnownKind(kind) ? kindInfo(kind).plural : kind });
}

export function alreadyExists(kind: string, name: string): ApiError {
  return status(409, 'AlreadyExists', `${qualifiedResource(kind)} "${name}" already exists`, { name, kind: kindInfo(kind).plural });
}

export function conflict(kind: string, name: string): ApiError {
  return status(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualifiedResource(kind)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    { name, kind: kindInfo(kind).plural },
  );
}

export interface FieldError {
  field: string;
  /** e.g. `Required value`, `Invalid value: "x": must be ...`, `Unsupported value: "x"` */
  detail: string;
  type: 'FieldValueRequired' | 'FieldValueInvalid' | 'FieldValueNotSupported' | 'FieldValueForbidden' | 'FieldValueDuplicate';
}

/** `The Pod "x" is invalid: spec.containers[0].image: Required value` (several errors are bracketed and comma-joined). */
export function invalid(kind: string, name: string, errors: FieldError[]): ApiError {
  const parts = errors.map((e) => `${e.field}: ${e.detail}`);
  const body = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`;
  return status(422, 'Invalid', `The ${kind} "${name}" is invalid: ${body}`, {
    name,
    kind,
    causes: errors.map((e) => ({ reason: e.type, message: e.detail, field: e.field })),
  });
}

export function forbidden(kind: string, name: string, why: string): ApiError {
  return status(403, 'Forbidden', `${qualifiedResource(kind)} "${name}" is forbidden: ${why}`, { name, kind: isKnownKind(kind) ? kindInfo(kind).plural : kind });
}

export function badRequest(message: string): ApiError {
  return status(400, 'BadRequest', message);
}

export function methodNotAllowed(message: string): ApiError {
  return status(405, 'MethodNotAllowed', message);
}

/** A 422 the API server answers for a patch it cannot apply (a failed JSON-patch test, a missing path). */
export function unprocessable(message: string): ApiError {
  return status(422, 'Invalid', message);
}

/** 429 `TooManyRequests` (the eviction API refusing to break a disruption budget), with its causes. */
export function tooManyRequests(message: string, causes: Array<{ reason: string; message: string }> = [], retryAfterSeconds = 0): ApiError {
  const details: StatusObject['details'] & { retryAfterSeconds?: number } = { causes: causes.map((c) => ({ ...c, field: '' })) };
  if (retryAfterSeconds) details.retryAfterSeconds = retryAfterSeconds;
  return status(429, 'TooManyRequests', message, details);
}

/** 500 `InternalError`: `Internal error occurred: <err>`. */
export function internalError(message: string): ApiError {
  return status(500, 'InternalError', `Internal error occurred: ${message}`, { causes: [{ reason: '', message, field: '' }] });
}
