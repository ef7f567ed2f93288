import { KubeObject } from '../../cluster-engine';
import { formatError, usageError } from '../errors';
import { dryRunOf, dryRunSuffix } from '../manifests/prepare';
import { objectName, printObjects } from '../printers/object-printer';
import { parseOutputFormat } from '../printers/output-format';
import { CommandResult, Output } from '../result';
import { exposableKind, exposeService } from './service-generators';
import { Verb, VerbContext } from './verb';

const USAGE = 'You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'\n   \'<resource> <name>\'\n   \'<resource>\'';

function run(ctx: VerbContext): CommandResult {
  const args = ctx.args;
  let type: string;
  let name: string;
  if (args.length === 1 && args[0].includes('/')) [type, name] = [args[0].slice(0, args[0].indexOf('/')), args[0].slice(args[0].indexOf('/') + 1)];
  else if (args.length === 2) [type, name] = args;
  else throw usageError('expose', USAGE);
  const kind = exposableKind(type);
  const out = new Output();
  const dryRun = dryRunOf(ctx);
  try {
    const source = ctx.cluster.api.get<KubeObject>(kind, ctx.namespace, name);
    const svc = exposeService(ctx, source);
    const created = dryRun === 'client' ? svc : ctx.cluster.api.create(svc, { dryRun: dryRun === 'server' });
    const format = ctx.flags.string('output') ? parseOutputFormat(ctx.flags.string('output')) : undefined;
    if (format && format.kind !== 'table') out.out(printObjects(format, [created], true));
    else out.out(`${objectName(created)} exposed${dryRunSuffix(dryRun)}\n`);
  } catch (e) {
    out.err(formatError(e));
  }
  return out.result();
}

export const exposeVerb: Verb = {
  name: 'expose',
  group: 'Basic Commands (Beginner)',
  short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  usage: 'kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]',
  flags: [
    { name: 'port', type: 'string', description: 'The port that the service should serve on. Copied from the resource being exposed, if unspecified' },
    { name: 'target-port', type: 'string', description: 'Name or number for the port on the container that the service should direct traffic to. Optional.' },
    { name: 'type', type: 'string', description: "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'." },
    { name: 'name', type: 'string', description: 'The name for the newly created object.' },
    { name: 'protocol', type: 'string', description: 'The network protocol for the service to be created. Default is \'TCP\'.' },
    { name: 'selector', type: 'string', description: 'A label selector to use for this service. Only equality-based selector requirements are supported.' },
    { name: 'cluster-ip', type: 'string', description: "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service." },
    { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged', description: 'Must be "none", "server", or "client".' },
    { name: 'output', short: 'o', type: 'string', description: 'Output format. One of: (json, yaml, name, jsonpath).' },
  ],
  examples: ['kubectl expose pod web --port=80', 'kubectl expose pod web --port=8080 --target-port=80 --name=web-alt --type=NodePort'],
  run,
};
