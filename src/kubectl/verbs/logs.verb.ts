import { ApiError, Pod } from '../../cluster-engine';
import { formatError, KubectlError, usageError } from '../errors';
import { invalidDuration, parseGoDuration } from '../flags/duration';
import { CommandResult, fail, Output } from '../result';
import { FollowedLog, followLogs, prefixLines } from './log-follow';
import { Verb, VerbContext } from './verb';
import { attachablePod } from '../resources/attachable-pod';

const USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";

/** `Defaulted container "app" out of: app, sidecar, init-db (init)`. */
function defaultedMessage(pod: Pod): string {
  const names = [...pod.spec.containers.map((c) => c.name), ...(pod.spec.initContainers ?? []).map((c) => `${c.name} (init)`)];
  return `Defaulted container "${pod.spec.containers[0].name}" out of: ${names.join(', ')}\n`;
}

/** `--since` / `--since-time` as a virtual time, or a usage error's text. */
function sinceOf(ctx: VerbContext): number | undefined | { error: string } {
  const f = ctx.flags;
  if (f.changed('since') && f.changed('since-time')) return { error: 'error: at most one of `sinceTime` or `sinceSeconds` may be specified\n' };
  if (f.changed('since')) {
    const ms = parseGoDuration(f.string('since'));
    if (ms === undefined) return { error: `error: ${invalidDuration('--since', f.string('since'))}\nSee 'kubectl logs --help' for usage.\n` };
    // The API takes whole seconds, rounded up; a zero or negative duration is not allowed.
    if (ms <= 0) return { error: 'error: --since must be greater than 0\n' };
    return ctx.cluster.nowMs() - Math.ceil(ms / 1000) * 1000;
  }
  if (f.changed('since-time')) {
    const ms = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(f.string('since-time')) ? Date.parse(f.string('since-time')) : NaN;
    if (Number.isNaN(ms)) return { error: `error: ${f.string('since-time')} is not a valid time\n` };
    return ms;
  }
  return undefined;
}

interface Source {
  pod: Pod;
  container: string;
}

function run(ctx: VerbContext): CommandResult {
  const f = ctx.flags;
  const out = new Output();
  const since = sinceOf(ctx);
  if (typeof since === 'object') return fail(since.error);
  const maxRequests = f.int('max-log-requests');
  if (maxRequests <= 0) return fail('error: --max-log-requests must be greater than 0\n');
  if (f.bool('all-containers') && f.string('container')) return fail(`error: --all-containers=true should not be specified with container name ${f.string('container')}\n`);
  let pods: Pod[];
  let container = f.string('container');
  if (f.string('selector')) {
    if (ctx.args.length) throw new KubectlError('only one of -l or POD may be specified');
    pods = ctx.cluster.api.list<Pod>('Pod', { namespace: ctx.namespace, labelSelector: f.string('selector') });
    if (pods.length === 0) return out.warn(`No resources found in ${ctx.namespace} namespace.\n`).result();
  } else {
    if (ctx.args.length === 0 || ctx.args.length > 2) throw usageError('logs', USAGE);
    if (ctx.args.length === 2) {
      if (container) throw usageError('logs', 'only one of -c or an inline [CONTAINER] arg is allowed');
      container = ctx.args[1];
    }
    let picked: ReturnType<typeof attachablePod>;
    try {
      picked = attachablePod(ctx.cluster.api, ctx.namespace, ctx.args[0]);
    } catch (e) {
      // kubectl logs rewords the resource builder's NotFound (logs.go): `error from server (NotFound): … in namespace "ns"`.
      if (e instanceof ApiError && e.status.reason === 'NotFound') return fail(`error: error from server (NotFound): ${e.message} in namespace "${ctx.namespace}"\n`);
      throw e;
    }
    if (picked.note) out.warn(picked.note);
    pods = [picked.pod];
  }
  const sources: Source[] = pods.flatMap((pod) =>
    (f.bool('all-containers') ? [...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c) => c.name) : [container || pod.spec.containers[0].name]).map((c) => ({ pod, container: c })),
  );
  // kubectl opens one connection per container it follows, and refuses more than --max-log-requests at once.
  if (f.bool('follow') && sources.length > 1 && sources.length > maxRequests) {
    return fail(`error: you are attempting to follow ${sources.length} log streams, but maximum allowed concurrency is ${maxRequests}, use --max-log-requests to increase the limit\n`);
  }
  // With -l kubectl tails 10 lines per pod unless --tail says otherwise.
  const tail = f.changed('tail') ? f.int('tail') : f.string('selector') ? 10 : -1;
  const followed: FollowedLog[] = [];
  const warned = new Set<string>();
  for (const { pod, container: name } of sources) {
    const ns = pod.metadata.namespace ?? ctx.namespace;
    const multi = pod.spec.containers.length > 1 || (pod.spec.initContainers?.length ?? 0) > 0;
    if (!container && !f.bool('all-containers') && multi && !pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'] && !warned.has(pod.metadata.name)) {
      warned.add(pod.metadata.name);
      out.warn(defaultedMessage(pod));
    }
    const prefix = f.bool('prefix') ? `[pod/${pod.metadata.name}/${name}] ` : '';
    try {
      const text = ctx.cluster.logs(ns, pod.metadata.name, {
        container: name,
        previous: f.bool('previous'),
        tailLines: tail >= 0 ? tail : undefined,
        timestamps: f.bool('timestamps'),
        sinceMs: since,
      });
      out.out(prefixLines(text, prefix));
      if (f.bool('follow') && !f.bool('previous')) {
        const view = ctx.cluster.logView(ns, pod.metadata.name, { container: name });
        if (view.running) followed.push({ namespace: ns, pod: pod.metadata.name, container: name, containerID: view.containerID, printed: view.lines.length, prefix });
      }
    } catch (e) {
      // Keep what was already said (the defaulted-container line, earlier pods' logs).
      out.err(formatError(e));
    }
  }
  const result = out.result();
  if (followed.length > 0) result.stream = followLogs(ctx.cluster, followed, f.bool('timestamps'));
  return result;
}

export const logsVerb: Verb = {
  name: 'logs',
  group: 'Troubleshooting and Debugging Commands',
  short: 'Print the logs for a container in a pod',
  usage: 'kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]',
  flags: [
    { name: 'container', short: 'c', type: 'string', description: 'Print the logs of this container' },
    { name: 'previous', short: 'p', type: 'bool', description: 'If true, print the logs for the previous instance of the container in a pod if it exists.' },
    { name: 'tail', type: 'int', default: -1, description: 'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.' },
    { name: 'timestamps', type: 'bool', description: 'Include timestamps on each line in the log output' },
    { name: 'follow', short: 'f', type: 'bool', description: 'Specify if the logs should be streamed.' },
    { name: 'all-containers', type: 'bool', description: 'Get all containers\' logs in the pod(s).' },
    { name: 'selector', short: 'l', type: 'string', description: 'Selector (label query) to filter on.' },
    { name: 'prefix', type: 'bool', description: 'Prefix each log line with the log source (pod name and container name)' },
    { name: 'since', type: 'string', description: 'Only return logs newer than a relative duration like 5s, 2m, or 3h. Defaults to all logs. Only one of since-time / since may be used.' },
    { name: 'since-time', type: 'string', description: 'Only return logs after a specific date (RFC3339). Defaults to all logs. Only one of since-time / since may be used.' },
    { name: 'max-log-requests', type: 'int', default: 5, description: 'Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5.' },
  ],
  examples: ['kubectl logs web', 'kubectl logs web -c app --tail=20', 'kubectl logs -l app=web --timestamps', 'kubectl logs -f web --since=10m'],
  run,
};
