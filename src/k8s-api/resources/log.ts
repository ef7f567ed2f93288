import { Pod } from '../../cluster-engine';
import { badRequest } from '../../cluster-engine/api/errors';
import type { K8sAttemptsService } from '../k8s-attempts.service';
import { K8sRequest } from '../http/request';

const FOLLOW_POLL_MS = 250;

/** `pods/<name>/log`: text/plain; `follow=true` keeps the response open and writes what the container logs next. */
export function serveLog(req: K8sRequest, attempts: K8sAttemptsService, namespace: string, name: string): void {
  const q = req.query;
  const tail = q.get('tailLines');
  if (tail !== null && !/^-?\d+$/.test(tail)) throw badRequest(`tailLines: Invalid value: "${tail}": must be an integer`);
  const opts = {
    container: q.get('container') ?? undefined,
    previous: q.get('previous') === 'true',
    timestamps: q.get('timestamps') === 'true',
    ...(tail !== null ? { tailLines: Number(tail) } : {}),
  };
  const container = opts.container ?? attempts.read(req.live, (c) => c.api.get<Pod>('Pod', namespace, name).spec.containers[0].name);
  const text = attempts.read(req.live, (c) => c.logs(namespace, name, { ...opts, container }));
  const { res } = req;
  const follow = !opts.previous && q.get('follow') === 'true';
  const release = follow ? attempts.limits.openStream(req.live.id) : () => undefined;
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private' });
  if (!follow) {
    res.end(text);
    return;
  }
  res.flushHeaders();
  if (text) res.write(text);
  // Follow: the full log is re-read (on the virtual clock) and only what is new is written.
  let sent = attempts.read(req.live, (c) => c.logs(namespace, name, { container, timestamps: opts.timestamps })).length;
  const timer = setInterval(() => {
    try {
      const { full, running } = attempts.read(req.live, (c) => {
        const pod = c.api.get<Pod>('Pod', namespace, name);
        const status = [...(pod.status.containerStatuses ?? []), ...(pod.status.initContainerStatuses ?? [])].find((s) => s.name === container);
        return { full: c.logs(namespace, name, { container, timestamps: opts.timestamps }), running: !!status?.state.running };
      });
      if (full.length > sent) res.write(full.slice(sent));
      sent = full.length;
      if (!running || req.live.closing) stop();
    } catch {
      stop();
    }
  }, FOLLOW_POLL_MS);
  const stop = () => {
    release();
    clearInterval(timer);
    if (!res.writableEnded) res.end();
  };
  res.on('close', stop);
}
