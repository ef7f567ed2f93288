import type { ServerResponse } from 'node:http';
import { ApiError, StatusObject, StatusReason } from '../../cluster-engine';
import { methodNotAllowed } from '../../cluster-engine/api/errors';

/** A `Status` failure as the real API server sends it (kubectl prints `Error from server (Reason): message`). */
export function statusError(code: number, reason: StatusReason, message: string, details?: StatusObject['details']): ApiError {
  return new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code });
}

export const unauthorized = (): ApiError => statusError(401, 'Unauthorized', 'Unauthorized');

/** The API server's 404 for a path it does not serve (not an object's NotFound, which names the object). */
export const pathNotFound = (): ApiError => statusError(404, 'NotFound', 'the server could not find the requested resource');

/** The API server's 405 for a verb the resource does not take. */
export const methodNotSupported = (): ApiError => methodNotAllowed('the server does not allow this method on the requested resource');

export function sendJson(res: ServerResponse, code: number, body: unknown, contentType = 'application/json', headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': contentType, 'Cache-Control': 'no-cache, private', ...headers, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendStatus(res: ServerResponse, err: ApiError): void {
  sendJson(res, err.status.code, err.status);
}
