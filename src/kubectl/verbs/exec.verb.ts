import { KubeObject, Pod, resolveKind } from '../../cluster-engine';
import { KubectlError, usageError } from '../errors';
import { CommandResult, Output } from '../result';
import { Verb, VerbContext } from './verb';

const USAGE = "expected 'exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]'.\nPOD or TYPE/NAME is a required argument for the exec command";
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', '/bin/sh', '/bin/bash', '/bin/ash', '/usr/bin/bash']);

/** `polymorphichelpers.AttachablePodForObjectFn`: a pod by name, or the first pod a workload or Service selects. */
function targetPod(ctx: VerbContext, arg: string): Pod {
  const api = ctx.cluster.api;
  const slash = arg.indexOf('/');
  if (slash < 0) return api.get<Pod>('Pod', ctx.namespace, arg);
  const info = resolveKind(arg.slice(0, slash));
  if (!info) throw new KubectlError(`the server doesn't have a resource type "${arg.slice(0, slash)}"`);
  const name = arg.slice(slash + 1);
  if (info.kind === 'Pod') return api.get<Pod>('Pod', ctx.namespace, name);
  const owner = api.get<KubeObject & { spec?: { selector?: Record<string, unknown> } }>(info.kind, ctx.namespace, name);
  const sel = owner.spec?.selector as { matchLabels?: Record<string, string> } | Record<string, string> | undefined;
  const labels = (sel && 'matchLabels' in sel ? sel.matchLabels : sel) as Record<string, string> | undefined;
  if (!labels || Object.keys(labels).length === 0) throw new KubectlError(`cannot attach to ${info.kind}: selector for ${info.kind} not implemented`);
  const selector = Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  const pods = api.list<Pod>('Pod', { namespace: ctx.namespace, labelSelector: selector });
  // GetFirstPod prefers running, ready pods.
  const rank = (p: Pod) => (p.status?.phase === 'Running' ? 0 : 1) + (p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 0 : 1);
  const best = [...pods].sort((a, b) => rank(a) - rank(b))[0];
  // kubectl waits --pod-running-timeout for a pod, then gives up.
  if (!best) throw new KubectlError("timed out waiting for the condition");
  return best;
}

function defaultedMessage(pod: Pod): string {
  const names = [...pod.spec.containers.map((c) => c.name), ...(pod.spec.initContainers ?? []).map((c) => `${c.name} (init)`)];
  return `Defaulted container "${pod.spec.containers[0].name}" out of: ${names.join(', ')}\n`;
}

function run(ctx: VerbContext): CommandResult {
  const f = ctx.flags;
  const [target, ...command] = ctx.args;
  if (!target) throw usageError('exec', USAGE);
  if (command.length === 0) throw usageError('exec', 'you must specify at least one command for the container');
  const pod = targetPod(ctx, target);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new KubectlError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  const out = new Output();
  let container = f.string('container');
  if (!container) {
    container = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'] ?? pod.spec.containers[0].name;
    const multi = pod.spec.containers.length > 1 || (pod.spec.initContainers?.length ?? 0) > 0;
    if (multi && !pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'] && !f.bool('quiet')) out.warn(defaultedMessage(pod));
  }
  if (f.bool('stdin') && SHELLS.has(command[0]) && command.length === 1) {
    return out
      .err(`error: interactive shells are not available in this terminal; run one command at a time, e.g. kubectl exec ${pod.metadata.name} -- ls /\n`)
      .result();
  }
  const r = ctx.cluster.exec(pod.metadata.namespace ?? ctx.namespace, pod.metadata.name, container, command, f.bool('stdin') ? ctx.stdin : '');
  if (r.kind === 'upgrade-failed') return out.err(`error: unable to upgrade connection: ${r.message}\n`).result();
  if (r.kind === 'server-error') return out.err(`Error from server: ${r.message}\n`).result();
  out.out(r.stdout);
  out.warn(r.stderr);
  if (r.exitCode !== 0) out.err(`command terminated with exit code ${r.exitCode}\n`, r.exitCode);
  return out.result();
}

export const execVerb: Verb = {
  name: 'exec',
  group: 'Troubleshooting and Debugging Commands',
  short: 'Execute a command in a container',
  usage: 'kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]',
  flags: [
    { name: 'container', short: 'c', type: 'string', description: 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen' },
    { name: 'stdin', short: 'i', type: 'bool', description: 'Pass stdin to the container' },
    { name: 'tty', short: 't', type: 'bool', description: 'Stdin is a TTY' },
    { name: 'quiet', short: 'q', type: 'bool', description: 'Only print output from the remote session' },
    { name: 'pod-running-timeout', type: 'string', default: '1m0s', description: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
  ],
  examples: ['kubectl exec web -- env', 'kubectl exec web -- cat /etc/resolv.conf', 'kubectl exec web -c app -- ls /etc', 'kubectl exec web -- curl -s http://localhost/'],
  run,
};
