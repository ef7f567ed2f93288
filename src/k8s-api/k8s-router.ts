import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { ApiError } from '../cluster-engine';
import { aggregatedDiscovery, discoveryContentType, discoveryFormat, legacyCoreVersions, legacyGroupList, resourceList, versionInfo } from './discovery/discovery';
import { groupVersions } from './discovery/resources';
import { OpenApiV3 } from './discovery/openapi';
import { K8sRequest, readBody } from './http/request';
import { pathNotFound, sendJson, sendStatus, statusError } from './http/status';
import type { K8sAttemptsService } from './k8s-attempts.service';
import { ExecServer } from './resources/exec';
import { handleResource } from './resources/handler';
import { parseResourcePath } from './resources/path';
import { serveMetrics } from './resources/metrics';
import { handleReview } from './resources/reviews';
import { historyOf } from './resources/watch-history';

const PREFIX = /^\/k8s\/([A-Za-z0-9-]{1,64})(\/.*)?$/;

/**
 * Routes `/k8s/<attemptId>/…` (or, for clients that drop the server's path like `kubectl get --raw`, any
 * path: the token names the attempt): auth first, then version, discovery, OpenAPI, or the resources.
 */
export class K8sRouter {
  private readonly openapi = new OpenApiV3();
  private readonly exec: ExecServer;

  constructor(
    private readonly attempts: K8sAttemptsService,
    private readonly serverAddress: () => string,
  ) {
    this.exec = new ExecServer(attempts);
  }

  /** WebSocket upgrades: `pods/<name>/exec` and `pods/<name>/attach` (kubectl ≥ 1.30; SPDY is not served). */
  async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on('error', () => socket.destroy());
    try {
      const url = new URL(req.url ?? '/', 'https://localhost');
      const m = PREFIX.exec(url.pathname);
      const live = await this.attempts.authorize(req.headers.authorization, m?.[1]);
      const target = parseResourcePath(m ? (m[2] ?? '/') : url.pathname);
      if (!target || target.resource.info.kind !== 'Pod' || !target.name || (target.subresource !== 'exec' && target.subresource !== 'attach') || !target.namespace) throw pathNotFound();
      if (!/websocket/i.test(String(req.headers.upgrade ?? ''))) {
        // SPDY (kubectl ≤ 1.29, or the fallback after a refused WebSocket): the request's own error first.
        if (target.subresource === 'exec') this.exec.validate(live, target.namespace, target.name, url.searchParams);
        else this.exec.attachable(live, target.namespace, target.name, url.searchParams);
        throw spdyUnsupported();
      }
      if (target.subresource === 'attach') this.exec.attach(req, socket, head, live, target.namespace, target.name, url.searchParams);
      else this.exec.upgrade(req, socket, head, live, target.namespace, target.name, url.searchParams);
    } catch (err) {
      const status = err instanceof ApiError ? err.status : statusError(500, 'InternalError', (err as Error).message).status;
      const body = JSON.stringify(status);
      socket.end(`HTTP/1.1 ${status.code} ${status.reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    }
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', 'https://localhost');
      const m = PREFIX.exec(url.pathname);
      const live = await this.attempts.authorize(req.headers.authorization, m?.[1]);
      const rest = m ? (m[2] ?? '/') : url.pathname;
      // Watches resume from a list's resourceVersion: record changes from the first request on.
      this.attempts.read(live, (c) => historyOf(c));
      const body = await readBody(req);
      const k8s: K8sRequest = { method: req.method ?? 'GET', path: rest, query: url.searchParams, headers: req.headers, body, res, live, prefix: `/k8s/${live.id}` };
      await this.route(k8s);
    } catch (err) {
      if (err instanceof ApiError) return sendStatus(res, err);
      sendStatus(res, statusError(500, 'InternalError', `Internal error occurred: ${(err as Error).message}`));
    }
  }

  private async route(req: K8sRequest): Promise<void> {
    const path = req.path.replace(/\/+$/, '') || '/';
    const { res } = req;
    if (req.method === 'GET') {
      // metrics.k8s.io is listed while the cluster runs metrics-server (`kubectl top` re-reads discovery each time).
      const metrics = this.attempts.read(req.live, (c) => c.metricsAvailable());
      if (path === '/version') return sendJson(res, 200, versionInfo(this.attempts.read(req.live, (c) => c.kubernetesVersion)));
      if (path === '/api' || path === '/apis') {
        const format = discoveryFormat(req.headers.accept);
        if (format !== 'legacy') return sendJson(res, 200, aggregatedDiscovery(path === '/api', format, metrics), discoveryContentType(format));
        return sendJson(res, 200, path === '/api' ? legacyCoreVersions(this.serverAddress()) : legacyGroupList(metrics));
      }
      if (path === '/openapi/v3') return sendJson(res, 200, this.openapi.index(req.prefix));
      if (path.startsWith('/openapi/v3/')) return this.openapiDoc(req, path.slice('/openapi/v3/'.length));
      if (path === '/openapi/v2') throw pathNotFound();
      const gv = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))$/.exec(path);
      if (gv) {
        const list = gv[1] ? resourceList('', 'v1', metrics) : resourceList(gv[2], gv[3], metrics);
        if (!list) throw pathNotFound();
        return sendJson(res, 200, list);
      }
      const group = /^\/apis\/([^/]+)$/.exec(path);
      if (group) {
        const versions = groupVersions(metrics).filter((x) => x.group === group[1]).map((x) => ({ groupVersion: `${x.group}/${x.version}`, version: x.version }));
        if (!versions.length) throw pathNotFound();
        return sendJson(res, 200, { kind: 'APIGroup', apiVersion: 'v1', name: group[1], versions, preferredVersion: versions[0] });
      }
    }
    const resource = parseResourcePath(path);
    if (!resource) throw pathNotFound();
    // exec without a WebSocket upgrade: kubectl ≤ 1.29's SPDY (and 1.30+'s SPDY fallback).
    if (resource.subresource === 'exec' && resource.namespace && resource.name) {
      // A bad request fails the same way on the SPDY fallback as on the WebSocket kubectl tried first.
      this.exec.validate(req.live, resource.namespace, resource.name, req.query);
      throw spdyUnsupported();
    }
    if (resource.resource.virtual) return handleReview(req, resource);
    if (resource.resource.metrics) return serveMetrics(req, resource, this.attempts);
    await handleResource(req, resource, this.attempts);
  }

  private openapiDoc(req: K8sRequest, gvPath: string): void {
    const doc = this.openapi.doc(gvPath);
    if (!doc) throw pathNotFound();
    const immutable = req.query.get('hash') === doc.hash;
    req.res.writeHead(200, {
      'Content-Type': 'application/json',
      'Content-Length': doc.body.length,
      'Cache-Control': immutable ? 'public, immutable' : 'no-cache, private',
      ETag: `"${doc.hash}"`,
    });
    req.res.end(doc.body);
  }
}

function spdyUnsupported(): ApiError {
  return statusError(400, 'BadRequest', 'this simulated API server serves exec over WebSocket (v5.channel.k8s.io) only: use kubectl 1.30 or newer (kubectl 1.29: set KUBECTL_REMOTE_COMMAND_WEBSOCKETS=true)');
}
