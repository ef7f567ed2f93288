import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LiveAttempt } from '../../game/attempts/live-attempt';
import { statusError } from './status';

/** One authorized request under `/k8s/<attemptId>`: `path` is what follows the prefix, without the query. */
export interface K8sRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: Buffer;
  res: ServerResponse;
  live: LiveAttempt;
  /** `/k8s/<attemptId>`, for URLs the response names (the OpenAPI index). */
  prefix: string;
}

const MAX_BODY = 3 * 1024 * 1024;

/** Reads a request body (3 MiB at most, like the API server's limit). */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(statusError(413, 'BadRequest', 'Request entity too large: limit is 3145728'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export const wantsTable = (req: K8sRequest): boolean => /as=Table/.test(String(req.headers.accept ?? ''));
