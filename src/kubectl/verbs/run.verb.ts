import { Container, KubeObject } from '../../cluster-engine';
import { formatError, KubectlError } from '../errors';
import { dryRunOf, dryRunSuffix } from '../manifests/prepare';
import { objectName, printObjects } from '../printers/object-printer';
import { parseOutputFormat } from '../printers/output-format';
import { CommandResult, Output } from '../result';
import { Verb, VerbContext } from './verb';
import { isOneShot, runOnce } from './run-once';

/** The pod `kubectl run` generates, field for field (including the empty resources and status kubectl prints). */
function generatePod(ctx: VerbContext, name: string, args: string[]): KubeObject {
  const f = ctx.flags;
  const labels = f.string('labels')
    ? Object.fromEntries(f.string('labels').split(',').map((kv) => kv.split('=') as [string, string]))
    : { run: name };
  const container: Container = { name, image: f.string('image'), resources: {} };
  if (args.length) {
    if (f.bool('command')) container.command = args;
    else container.args = args;
  }
  const env = f.strings('env').map((e) => ({ name: e.slice(0, e.indexOf('=')), value: e.slice(e.indexOf('=') + 1) }));
  if (env.length) container.env = env;
  if (f.string('port')) container.ports = [{ containerPort: Number(f.string('port')) }];
  if (f.string('image-pull-policy')) container.imagePullPolicy = f.string('image-pull-policy') as Container['imagePullPolicy'];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { creationTimestamp: null as unknown as string, labels, name },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: f.string('restart') || 'Always' },
    status: {},
  };
}

function run(ctx: VerbContext): CommandResult {
  const f = ctx.flags;
  const [name, ...args] = ctx.args;
  if (!name) throw new KubectlError("NAME is required for run\nSee 'kubectl run -h' for help and examples");
  if (!f.string('image')) throw new KubectlError('required flag(s) "image" not set');
  if (isOneShot(ctx, args)) return runOnce(ctx, name, f.string('image'), args);
  if (f.bool('stdin') || f.bool('tty') || f.bool('rm') || f.bool('attach')) throw new KubectlError('interactive pods (-i, -t, --rm, --attach) are not available in this terminal; run the pod, then use kubectl logs');
  if (!['Always', 'OnFailure', 'Never'].includes(f.string('restart') || 'Always')) throw new KubectlError(`invalid restart policy: ${f.string('restart')}`);
  const dryRun = dryRunOf(ctx);
  const pod = generatePod(ctx, name, args);
  const out = new Output();
  const format = f.string('output') ? parseOutputFormat(f.string('output')) : undefined;
  try {
    const result = dryRun === 'client' ? pod : ctx.cluster.api.create({ ...pod, metadata: { ...pod.metadata, namespace: ctx.namespace, creationTimestamp: undefined } }, { dryRun: dryRun === 'server' });
    if (format && format.kind !== 'table') out.out(printObjects(format, [result], true));
    else out.out(`${objectName(pod)} created${dryRunSuffix(dryRun)}\n`);
  } catch (e) {
    out.err(formatError(e));
  }
  return out.result();
}

export const runVerb: Verb = {
  name: 'run',
  group: 'Basic Commands (Beginner)',
  short: 'Run a particular image on the cluster',
  usage: 'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
  flags: [
    { name: 'image', type: 'string', description: 'The image for the container to run.' },
    { name: 'restart', type: 'string', description: "The restart policy for this Pod.  Legal values [Always, OnFailure, Never]." },
    { name: 'labels', short: 'l', type: 'string', description: 'Comma separated labels to apply to the pod. Will override previous values.' },
    { name: 'env', type: 'stringArray', description: 'Environment variables to set in the container.' },
    { name: 'port', type: 'string', description: "The port that this container exposes." },
    { name: 'command', type: 'bool', description: 'If true and extra arguments are present, use them as the \'command\' field in the container, rather than the \'args\' field which is the default.' },
    { name: 'image-pull-policy', type: 'string', description: 'The image pull policy for the container.' },
    { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged', description: 'Must be "none", "server", or "client".' },
    { name: 'output', short: 'o', type: 'string', description: 'Output format. One of: (json, yaml, name, jsonpath).' },
    { name: 'stdin', short: 'i', type: 'bool', description: 'Keep stdin open on the container in the pod, even if nothing is attached.' },
    { name: 'tty', short: 't', type: 'bool', description: 'Allocate a TTY for the container in the pod.' },
    { name: 'rm', type: 'bool', description: 'If true, delete the pod after it exits.' },
    { name: 'attach', type: 'bool', description: 'If true, wait for the Pod to start running, and then attach to the Pod.' },
  ],
  examples: ['kubectl run nginx --image=nginx:1.27', 'kubectl run nginx --image=nginx:1.27 --dry-run=client -o yaml'],
  run,
};
