import { kindInfo, KubeObject, WatchEvent, matchesSelector, parseLabelSelector } from '../../cluster-engine';
import { matchesFields, parseFieldSelector } from '../../cluster-engine/api/field-selector';
import { printTable } from '../../cluster-engine/printers';
import type { K8sAttemptsService } from '../k8s-attempts.service';
import { K8sRequest, wantsTable } from '../http/request';
import { statusError } from '../http/status';
import { historyOf } from './watch-history';

const BOOKMARK_MS = 10_000;
const MAX_TIMEOUT_S = 1800;

/**
 * `?watch=true`: chunked JSON lines of `{type, object}`. Without a resourceVersion (or with "0") the
 * current objects come first as ADDED; with one, the changes after it (see WatchHistory.since).
 * `get -w` asks for Table events: one row each, column definitions in the first only.
 */
export function serveWatch(req: K8sRequest, attempts: K8sAttemptsService, kind: string, namespace: string | undefined): void {
  const q = req.query;
  const labels = q.get('labelSelector') ? parseLabelSelector(q.get('labelSelector')!) : undefined;
  const fields = q.get('fieldSelector') ? parseFieldSelector(kind, q.get('fieldSelector')!) : undefined;
  const matches = (o: KubeObject) =>
    o.kind === kind && (namespace === undefined || o.metadata.namespace === namespace) && (!labels || matchesSelector(labels, o.metadata.labels)) && (!fields || matchesFields(fields, o));
  const table = wantsTable(req);
  const includeObject = q.get('includeObject') === 'Object' || q.get('includeObject') === 'None' ? (q.get('includeObject') as 'Object' | 'None') : 'Metadata';
  const rvParam = q.get('resourceVersion');
  const { history, initial } = attempts.read(req.live, (c) => ({
    history: historyOf(c),
    initial: !rvParam || rvParam === '0' ? c.api.list(kind, { namespace }).filter(matches) : undefined,
  }));
  let replay: WatchEvent[] | undefined = initial?.map((object) => ({ type: 'ADDED' as const, object }));
  if (!replay) {
    if (!/^\d+$/.test(rvParam!)) throw statusError(400, 'BadRequest', `resourceVersion: Invalid value: "${rvParam}": must be a number`);
    replay = attempts.read(req.live, (c) => history.since(Number(rvParam), () => c.api.list(kind, { namespace }).filter(matches)));
  }
  const { res } = req;
  const release = attempts.limits.openStream(req.live.id);
  res.writeHead(200, { 'Content-Type': table ? 'application/json;as=Table;v=v1;g=meta.k8s.io' : 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  // Clients wait for the headers before they consider the watch open.
  res.flushHeaders();
  let first = true;
  const send = (e: { type: string; object: unknown }) => res.write(`${JSON.stringify(e)}\n`);
  // Like the API server's filtered watch: an object that stops matching the selectors is DELETED for
  // this watch, one that starts matching is ADDED.
  const inView = new Set<string>();
  const keyOf = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
  if (!initial) for (const o of attempts.read(req.live, (c) => c.api.list(kind, { namespace }).filter(matches))) inView.add(keyOf(o));
  const emit = (event: WatchEvent) => {
    if (event.object.kind !== kind || (namespace !== undefined && event.object.metadata.namespace !== namespace)) return;
    const key = keyOf(event.object);
    const was = inView.has(key) || (event.type === 'DELETED' && matches(event.object));
    const is = event.type !== 'DELETED' && matches(event.object);
    if (is) inView.add(key);
    else inView.delete(key);
    if (!was && !is) return;
    const e: WatchEvent = { type: !is ? 'DELETED' : !was ? 'ADDED' : event.type, object: event.object };
    if (!table) return send(e);
    const now = attempts.read(req.live, (c) => c.nowMs());
    const t = printTable(kind, [e.object], { nowMs: now, includeObject, resourceVersion: e.object.metadata.resourceVersion });
    send({ type: e.type, object: { ...t, columnDefinitions: first ? t.columnDefinitions : null } });
    first = false;
  };
  for (const e of replay) emit(e);
  const unsubscribe = history.subscribe(emit);
  const timers: NodeJS.Timeout[] = [];
  const timeout = Math.min(Number(q.get('timeoutSeconds') ?? MAX_TIMEOUT_S) || MAX_TIMEOUT_S, MAX_TIMEOUT_S);
  const stop = () => {
    release();
    unsubscribe();
    timers.forEach((t) => clearInterval(t));
    if (!res.writableEnded) res.end();
  };
  timers.push(setTimeout(stop, timeout * 1000));
  if (q.get('allowWatchBookmarks') === 'true' && !table) {
    timers.push(
      setInterval(() => {
        const rv = attempts.read(req.live, (c) => c.resourceVersion);
        send({ type: 'BOOKMARK', object: { kind, apiVersion: kindInfo(kind).apiVersion, metadata: { resourceVersion: rv } } });
      }, BOOKMARK_MS),
    );
  }
  // Not req.on('close'): that fires as soon as the request body has been read.
  res.on('close', stop);
}
