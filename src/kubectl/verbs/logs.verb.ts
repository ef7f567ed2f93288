import { Pod } from '../../cluster-engine';
import { formatError, KubectlError, usageError } from '../errors';
import { CommandResult, Output } from '../result';
import { Verb, VerbContext } from './verb';

const USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";

function podName(arg: string): string {
  const slash = arg.indexOf('/');
  if (slash < 0) return arg;
  const type = arg.slice(0, slash).toLowerCase();
  if (!['pod', 'pods', 'po'].includes(type)) throw new KubectlError(`cannot get the logs from ${type}: only pods are supported in this terminal`);
  return arg.slice(slash + 1);
}

/** `Defaulted container "app" out of: app, sidecar, init-db (init)`. */
function defaultedMessage(pod: Pod): string {
  const names = [...pod.spec.containers.map((c) => c.name), ...(pod.spec.initContainers ?? []).map((c) => `${c.name} (init)`)];
  return `Defaulted container "${pod.spec.containers[0].name}" out of: ${names.join(', ')}\n`;
}

function run(ctx: VerbContext): CommandResult {
  const f = ctx.flags;
  const out = new Output();
  let pods: Pod[];
  let container = f.string('container');
  if (f.string('selector')) {
    if (ctx.args.length) throw new KubectlError('only one of -l or POD may be specified');
    pods = ctx.cluster.api.list<Pod>('Pod', { namespace: ctx.namespace, labelSelector: f.string('selector') });
    if (pods.length === 0) return out.warn(`No resources found in ${ctx.namespace} namespace.\n`).result();
  } else {
    if (ctx.args.length === 0 || ctx.args.length > 2) throw usageError('logs', USAGE);
    if (ctx.args.length === 2) {
      if (container) throw usageError('logs', "only one of -c or an inline [CONTAINER] arg is allowed");
      container = ctx.args[1];
    }
    pods = [ctx.cluster.api.get<Pod>('Pod', ctx.namespace, podName(ctx.args[0]))];
  }
  // With -l kubectl tails 10 lines per pod unless --tail says otherwise.
  const tail = f.changed('tail') ? f.int('tail') : f.string('selector') ? 10 : -1;
  for (const pod of pods) {
    const names = f.bool('all-containers') ? [...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c) => c.name) : [container || pod.spec.containers[0].name];
    const multi = pod.spec.containers.length > 1 || (pod.spec.initContainers?.length ?? 0) > 0;
    if (!container && !f.bool('all-containers') && multi && !pod.metadata.annotations?.['kubectl.kubernetes.io/default-container']) out.warn(defaultedMessage(pod));
    for (const name of names) {
      try {
        const text = ctx.cluster.logs(pod.metadata.namespace ?? ctx.namespace, pod.metadata.name, {
          container: name,
          previous: f.bool('previous'),
          tailLines: tail >= 0 ? tail : undefined,
          timestamps: f.bool('timestamps'),
        });
        out.out(f.bool('prefix') ? text.split('\n').filter((l, i, a) => l || i < a.length - 1).map((l) => `[pod/${pod.metadata.name}/${name}] ${l}\n`).join('') : text);
      } catch (e) {
        // Keep what was already said (the defaulted-container line, earlier pods' logs).
        out.err(formatError(e));
      }
    }
  }
  return out.result();
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
    { name: 'since', type: 'string', description: 'Only return logs newer than a relative duration like 5s, 2m, or 3h.' },
  ],
  examples: ['kubectl logs web', 'kubectl logs web -c app --tail=20', 'kubectl logs -l app=web --timestamps'],
  run,
};
