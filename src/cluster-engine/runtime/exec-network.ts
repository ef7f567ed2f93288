import { Endpoints, Node, Pod, Service } from '../api/types';
import { EngineContext } from '../context';
import { CLUSTER_DOMAIN, KUBERNETES_SERVICE_IP } from '../services/kubernetes-service';
import { PodRecord } from '../kubelet/state';
import { ImageBehaviour } from './image-behaviour';
import { behaviourOf, parseImageRef } from './registry';
import { copyOf } from '../store/store';

/** What the simulated network needs beyond the API: the runtime's view of a pod's containers. */
export interface NetworkView {
  ctx: EngineContext;
  podRecord(pod: Pod): PodRecord | undefined;
}

const IPV4 = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const NDOTS = 5;

export function isIPv4(s: string): boolean {
  return IPV4.test(s);
}

/** The search path of a pod's /etc/resolv.conf (ClusterFirst DNS). */
export function searchDomains(namespace: string): string[] {
  return [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
}

/** What CoreDNS answers for one fully-qualified name: a Service's cluster IP, or a headless Service's ready pod IPs. */
function lookupFqdn(v: NetworkView, fqdn: string): string[] {
  const suffix = `.svc.${CLUSTER_DOMAIN}`;
  if (!fqdn.endsWith(suffix)) return [];
  const parts = fqdn.slice(0, -suffix.length).split('.');
  if (parts.length !== 2) return [];
  const [name, ns] = parts;
  const svc = v.ctx.api.tryGet<Service>('Service', ns, name);
  if (!svc || svc.spec.type === 'ExternalName') return [];
  if (svc.spec.clusterIP && svc.spec.clusterIP !== 'None') return [svc.spec.clusterIP];
  const ep = v.ctx.api.tryGet<Endpoints>('Endpoints', ns, name);
  return [...new Set((ep?.subsets ?? []).flatMap((s) => (s.addresses ?? []).map((a) => a.ip)))];
}

/** Resolves a host name from a pod in `namespace` (search path and ndots:5); returns the name that answered too. */
export function resolveHost(v: NetworkView, host: string, namespace: string): { fqdn: string; ips: string[] } | undefined {
  if (isIPv4(host)) return { fqdn: host, ips: [host] };
  if (host === 'localhost') return { fqdn: host, ips: ['127.0.0.1'] };
  const bare = host.replace(/\.$/, '');
  const candidates = host.endsWith('.') ? [bare] : [...(bare.split('.').length - 1 >= NDOTS ? [bare] : []), ...searchDomains(namespace).map((d) => `${bare}.${d}`), bare];
  for (const fqdn of candidates) {
    const ips = lookupFqdn(v, fqdn);
    if (ips.length) return { fqdn, ips };
  }
  return undefined;
}

export type ConnectOutcome =
  | { ok: true; pod: Pod; port: number; behaviour: ImageBehaviour }
  | { ok: false; why: 'refused' | 'timeout'; ip: string };

function behaviourListening(v: NetworkView, pod: Pod, port: number): ImageBehaviour | undefined {
  const rec = v.podRecord(pod);
  if (!rec) return undefined;
  const now = v.ctx.clock.nowMs();
  for (const c of pod.spec.containers) {
    const cr = rec.containers[c.name];
    if (!cr || cr.phase !== 'running') continue;
    const ref = parseImageRef(cr.image);
    const b = ref ? behaviourOf(v.ctx.registry, ref) : {};
    const up = now - (cr.startedMs ?? now) >= (b.readyAfterSeconds ?? 0) * 1000;
    if (up && (b.listens ?? []).includes(port)) return b;
  }
  return undefined;
}

function connectPod(v: NetworkView, pod: Pod, port: number): ConnectOutcome {
  const b = behaviourListening(v, pod, port);
  return b ? { ok: true, pod, port, behaviour: b } : { ok: false, why: 'refused', ip: pod.status.podIP ?? '' };
}

/** kube-proxy's view of a service port: a ready endpoint (chosen at random) or a REJECT when there is none. */
function connectService(v: NetworkView, svc: Service, port: number, byNodePort: boolean): ConnectOutcome {
  const sp = (svc.spec.ports ?? []).find((p) => (byNodePort ? p.nodePort === port : p.port === port));
  if (!sp) return { ok: false, why: 'timeout', ip: svc.spec.clusterIP ?? '' };
  const ep = v.ctx.api.tryGet<Endpoints>('Endpoints', svc.metadata.namespace, svc.metadata.name);
  const targets: Array<{ ip: string; port: number }> = [];
  for (const s of ep?.subsets ?? []) {
    const p = (s.ports ?? []).find((x) => (x.name ?? '') === (sp.name ?? ''));
    if (!p) continue;
    for (const a of s.addresses ?? []) targets.push({ ip: a.ip, port: p.port });
  }
  if (targets.length === 0) return { ok: false, why: 'refused', ip: svc.spec.clusterIP ?? '' };
  const t = targets[v.ctx.rng.int(targets.length)];
  const pod = podByIP(v, t.ip);
  return pod ? connectPod(v, pod, t.port) : { ok: false, why: 'timeout', ip: t.ip };
}

/** What one ready backend of a Service port answered: the connection, then the HTTP status of the path asked for. */
export interface BackendAnswer {
  ip: string;
  port: number;
  pod?: string;
  /** undefined when the connection was refused or timed out */
  code?: number;
  why?: 'refused' | 'timeout';
}

/**
 * Every ready backend kube-proxy could pick for a Service port (`port`, or `nodePort` when `byNodePort`),
 * each asked for `path`. Read-only: unlike a real connection it draws no endpoint at random, so checks may
 * call it every second without changing the simulation. Undefined when the Service has no such port.
 */
export function serviceBackends(v: NetworkView, svc: Service, port: number, byNodePort: boolean, path: string): BackendAnswer[] | undefined {
  const sp = (svc.spec.ports ?? []).find((p) => (byNodePort ? p.nodePort === port : p.port === port));
  if (!sp) return undefined;
  const ep = v.ctx.api.tryGet<Endpoints>('Endpoints', svc.metadata.namespace, svc.metadata.name);
  const out: BackendAnswer[] = [];
  for (const s of ep?.subsets ?? []) {
    const p = (s.ports ?? []).find((x) => (x.name ?? '') === (sp.name ?? ''));
    if (!p) continue;
    for (const a of s.addresses ?? []) {
      const pod = podByIP(v, a.ip);
      const c = pod ? connectPod(v, pod, p.port) : ({ ok: false, why: 'timeout', ip: a.ip } as const);
      out.push({ ip: a.ip, port: p.port, pod: pod?.metadata.name, ...(c.ok ? { code: httpAnswer(c.pod, c.behaviour)(path).code } : { why: c.why }) });
    }
  }
  return out;
}

/** Searches the stored pods without copying them (serviceBackends asks once per endpoint, checks every second); copies the one found. */
function podByIP(v: NetworkView, ip: string): Pod | undefined {
  const found = (v.ctx.api.view('Pod') as ReadonlyArray<Pod>).find((p) => p.status?.podIP === ip && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed');
  return found && copyOf(found);
}

/** Opens a TCP connection from `from` to ip:port through the simulated pod network and kube-proxy. */
export function connect(v: NetworkView, from: Pod, ip: string, port: number): ConnectOutcome {
  if (ip === '127.0.0.1') return connectPod(v, from, port);
  const svc = v.ctx.api.list<Service>('Service').find((s) => s.spec.clusterIP === ip);
  if (svc) return connectService(v, svc, port, false);
  const pod = podByIP(v, ip);
  if (pod) return connectPod(v, pod, port);
  const node = v.ctx.api.list<Node>('Node').find((n) => (n.status.addresses ?? []).some((a) => a.address === ip));
  if (node) {
    const np = v.ctx.api.list<Service>('Service').find((s) => (s.spec.ports ?? []).some((p) => p.nodePort === port));
    return np ? connectService(v, np, port, true) : { ok: false, why: 'refused', ip };
  }
  return { ok: false, why: 'timeout', ip };
}

const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const REASONS: Record<number, string> = { 200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' };

export function reasonPhrase(code: number): string {
  return REASONS[code] ?? '';
}

/** The HTTP answer of a process for a path: status from its `http` map (unknown paths 404), body from `httpBodies` or its stock page. */
export function httpAnswer(pod: Pod, b: ImageBehaviour): (path: string) => { code: number; body: string } {
  const nginx = pod.spec.containers.some((c) => /(^|\/)nginx(:|@|$)/.test(c.image));
  return (path) => {
    const code = b.http ? b.http[path] ?? 404 : 200;
    const given = b.httpBodies?.[path];
    if (given !== undefined) return { code, body: given };
    if (nginx) {
      if (code === 200) return { code, body: NGINX_WELCOME };
      return { code, body: `<html>\r\n<head><title>${code} ${reasonPhrase(code)}</title></head>\r\n<body>\r\n<center><h1>${code} ${reasonPhrase(code)}</h1></center>\r\n<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n` };
    }
    return { code, body: code === 200 ? 'OK\n' : code === 404 ? '404 page not found\n' : `${reasonPhrase(code)}\n` };
  };
}

/**
 * The API server behind the `kubernetes` Service (10.96.0.1:443, or its own address on 6443), as an
 * anonymous client meets it: the public health and version paths answer, anything else is 403.
 */
export function apiServerAnswer(v: NetworkView, ip: string, port: number, path: string): { code: number; body: string } | undefined {
  const ep = v.ctx.api.tryGet<Endpoints>('Endpoints', 'default', 'kubernetes');
  const own = ep?.subsets?.[0]?.addresses?.[0]?.ip;
  const apiPort = ep?.subsets?.[0]?.ports?.[0]?.port ?? 6443;
  if (!((ip === KUBERNETES_SERVICE_IP && port === 443) || (own !== undefined && ip === own && port === apiPort))) return undefined;
  if (['/healthz', '/livez', '/readyz'].includes(path)) return { code: 200, body: 'ok' };
  if (path === '/version') {
    const node = v.ctx.api.list<Node>('Node').find((n) => (n.status.addresses ?? []).some((a) => a.address === own));
    const version = node?.status.nodeInfo?.kubeletVersion ?? 'v1.32.2';
    const [major, minor] = version.replace(/^v/, '').split('.');
    const info = { major, minor, gitVersion: version, gitCommit: '67a30c0adcf52bd3f56ff0893ce19966be12991f', gitTreeState: 'clean', buildDate: '2025-01-15T14:31:55Z', goVersion: 'go1.23.4', compiler: 'gc', platform: 'linux/amd64' };
    return { code: 200, body: `${JSON.stringify(info, null, 2)}` };
  }
  const status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `forbidden: User "system:anonymous" cannot get path "${path}"`, reason: 'Forbidden', details: {}, code: 403 };
  return { code: 403, body: `${JSON.stringify(status, null, 2)}` };
}
