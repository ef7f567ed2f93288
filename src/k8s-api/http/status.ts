import type { ServerResponse } from 'node:http';
import { ApiError, StatusObject, StatusReason } from '../../cluster-engine';

/** A `Status` failure as the real API server sends it (kubectl prints `Error from server (Reason): message`). */
export function statusError(code: number, reason: StatusReason, message: string, details?: StatusObject['details']): ApiError {
  return new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code });
}

export const unauthorized = (): ApiError => statusError(401, 'Unauthorized', 'Unauthorized');

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
