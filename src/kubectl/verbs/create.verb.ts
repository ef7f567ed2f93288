import { KubeObject } from '../../cluster-engine';
import { formatError, KubectlError, usageError, withSource } from '../errors';
import { decodeError } from '../../cluster-engine/api/decode/decode';
import { dryRunOf, dryRunSuffix, placeObject } from '../manifests/prepare';
import { readManifestArgs } from '../manifests/read';
import { objectName, printObjects } from '../printers/object-printer';
import { parseOutputFormat } from '../printers/output-format';
import { readPath } from '../shell/fs-view';
import { VirtualFs } from '../shell/vfs';
import { CommandResult, Output } from '../result';
import { LAST_APPLIED, lastAppliedOf } from './apply.verb';
import { Verb, VerbContext } from './verb';
import { generateJob } from './job-generator';
import { generateDeployment } from './deployment-generator';
import { generateService } from './service-generators';
import { generateRbac } from './rbac-generators';

/** `--from-literal=k=v` and `--from-file=[key=]path` into a data map (values as text). */
function dataFrom(ctx: VerbContext): Record<string, string> {
  const data: Record<string, string> = {};
  for (const lit of ctx.flags.strings('from-literal')) {
    const eq = lit.indexOf('=');
    if (eq <= 0) throw new KubectlError(`invalid literal source ${lit}, expected key=value`);
    const key = lit.slice(0, eq);
    if (key in data) throw new KubectlError(`cannot add key ${key}, another key by that name already exists in Data for ConfigMap "${ctx.args[1] ?? ''}"`);
    data[key] = lit.slice(eq + 1);
  }
  for (const spec of ctx.flags.strings('from-file')) {
    const eq = spec.indexOf('=');
    const [key, path] = eq > 0 ? [spec.slice(0, eq), spec.slice(eq + 1)] : [spec.split('/').pop()!, spec];
    const r = readPath(ctx.vfs, VirtualFs.resolve(path, ctx.cwd));
    if (!r.ok) throw new KubectlError(`error reading ${path}: no such file or directory`);
    data[key] = r.content;
  }
  return data;
}

/** The generators players reach for: `create namespace|configmap|secret generic NAME …`. */
function generate(ctx: VerbContext): KubeObject {
  const [what, ...rest] = ctx.args;
  const meta = (name: string) => ({ name, namespace: ctx.namespace });
  switch (what) {
    case 'namespace':
    case 'ns':
      if (rest.length !== 1) throw usageError('create namespace', 'exactly one NAME is required, got ' + rest.length);
      return { apiVersion: 'v1', kind: 'Namespace', metadata: { name: rest[0] } };
    case 'configmap':
    case 'cm':
      if (rest.length !== 1) throw usageError('create configmap', 'exactly one NAME is required, got ' + rest.length);
      return { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(rest[0]), data: dataFrom(ctx) };
    case 'secret': {
      const [type, name, ...extra] = rest;
      if (type !== 'generic') throw new KubectlError(`"kubectl create secret ${type ?? ''}" is not available in this terminal; use "kubectl create secret generic"`);
      if (!name || extra.length) throw usageError('create secret generic', 'exactly one NAME is required, got ' + (name ? 1 + extra.length : 0));
      const data = Object.fromEntries(Object.entries(dataFrom(ctx)).map(([k, v]) => [k, Buffer.from(v, 'utf8').toString('base64')]));
      return { apiVersion: 'v1', kind: 'Secret', metadata: meta(name), type: ctx.flags.string('type') || 'Opaque', data };
    }
    case 'serviceaccount':
    case 'sa':
      if (rest.length !== 1) throw usageError('create serviceaccount', 'exactly one NAME is required, got ' + rest.length);
      return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(rest[0]) };
    case 'service':
    case 'svc':
      return generateService(ctx, rest);
    case 'deployment':
    case 'deploy':
      return generateDeployment(ctx, rest);
    case 'job':
      return generateJob(ctx, rest);
    case 'role':
    case 'clusterrole':
    case 'rolebinding':
    case 'clusterrolebinding':
      return generateRbac(ctx, what, rest);
    default:
      throw new KubectlError(`"kubectl create ${what}" is not available in this terminal; write a manifest and use "kubectl create -f" or "kubectl apply -f"`);
  }
}

function run(ctx: VerbContext): CommandResult {
  const files = ctx.flags.strings('filename');
  if (files.length === 0 && ctx.args.length === 0) throw new KubectlError('must specify one of -f and -k');
  const dryRun = dryRunOf(ctx);
  const format = ctx.flags.string('output') ? parseOutputFormat(ctx.flags.string('output')) : undefined;
  const inputs = files.length ? readManifestArgs(ctx, files) : [{ object: generate(ctx), source: '' }];
  const out = new Output();
  const created: KubeObject[] = [];
  for (const { object, source } of inputs) {
    try {
      const obj = placeObject(ctx, object);
      const bad = decodeError(obj);
      if (bad) throw bad;
      if (ctx.flags.bool('save-config')) obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED]: lastAppliedOf(obj) };
      const result = dryRun === 'client' ? obj : ctx.cluster.api.create(obj, { dryRun: dryRun === 'server' });
      created.push(result);
      if (!format) out.out(`${objectName(result)} created${dryRunSuffix(dryRun)}\n`);
    } catch (e) {
      out.err(formatError(withSource(e, 'creating', source)));
    }
  }
  if (format && format.kind !== 'table' && created.length) out.out(printObjects(format, created, created.length === 1 && inputs.length === 1));
  return out.result();
}

export const createVerb: Verb = {
  name: 'create',
  group: 'Basic Commands (Beginner)',
  short: 'Create a resource from a file or from stdin',
  usage: 'kubectl create -f FILENAME [options]',
  flags: [
    { name: 'filename', short: 'f', type: 'stringArray', description: 'Filename, directory, or URL to files to use to create the resource' },
    { name: 'output', short: 'o', type: 'string', description: 'Output format. One of: (json, yaml, name, jsonpath).' },
    { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged', description: 'Must be "none", "server", or "client".' },
    { name: 'save-config', type: 'bool', description: 'If true, the configuration of current object will be saved in its annotation.' },
    { name: 'from-literal', type: 'stringArray', description: 'Specify a key and literal value to insert (i.e. mykey=somevalue)' },
    { name: 'from-file', type: 'stringArray', description: 'Key file can be specified using its file path, in which case file basename will be used as configmap key.' },
    { name: 'type', type: 'string', description: 'The type of secret to create' },
    { name: 'from', type: 'string', description: "The name of the resource to create a Job from (only cronjob is supported)." },
    { name: 'tcp', type: 'stringArray', description: 'Port pairs can be specified as \'<port>:<targetPort>\'.' },
    { name: 'clusterip', type: 'string', description: 'Assign your own ClusterIP or set to \'None\' for a \'headless\' service (no loadbalancing).' },
    { name: 'node-port', type: 'int', default: 0, description: 'Port used to expose the service on each node in a cluster.' },
    { name: 'image', type: 'stringArray', description: 'Image names to run. A deployment can have multiple images set for multi-container pod.' },
    { name: 'replicas', short: 'r', type: 'int', default: 1, description: 'Number of replicas to create. Default is 1.' },
    { name: 'port', type: 'int', default: -1, description: 'The containerPort that this deployment exposes.' },
    { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict', description: 'Must be one of: strict (or true), warn, ignore (or false).' },
    { name: 'verb', type: 'stringArray', description: 'Verb that applies to the resources contained in the rule (role, clusterrole)' },
    { name: 'resource', type: 'stringArray', description: 'Resource that the rule applies to (role, clusterrole)' },
    { name: 'resource-name', type: 'stringArray', description: 'Resource in the white list that the rule applies to, repeat this flag for multiple items' },
    { name: 'non-resource-url', type: 'stringArray', description: 'A partial url that user should have access to (clusterrole).' },
    { name: 'role', type: 'string', description: 'Role this RoleBinding should reference' },
    { name: 'clusterrole', type: 'string', description: 'ClusterRole this binding should reference' },
    { name: 'user', type: 'stringArray', description: 'Usernames to bind to the role. The flag can be repeated to add multiple users.' },
    { name: 'group', type: 'stringArray', description: 'Groups to bind to the role. The flag can be repeated to add multiple groups.' },
    { name: 'serviceaccount', type: 'stringArray', description: 'Service accounts to bind to the role, in the format <namespace>:<name>. The flag can be repeated to add multiple service accounts.' },
  ],
  examples: ['kubectl create -f pod.yaml --dry-run=client -o yaml', 'kubectl create namespace team-a', 'kubectl create configmap app-config --from-literal=mode=prod'],
  run,
};
