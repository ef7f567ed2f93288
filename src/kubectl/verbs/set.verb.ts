import { Container, EnvVar, KubeObject, PodSpec } from '../../cluster-engine';
import { formatError, KubectlError, usageError } from '../errors';
import { dryRunOf, dryRunSuffix } from '../manifests/prepare';
import { objectName } from '../printers/object-printer';
import { CommandResult, Output } from '../result';
import { stableJson } from '../../cluster-engine/api/json';
import { targetObjects } from './metadata-update';
import { Verb, VerbContext } from './verb';

/** `polymorphichelpers.UpdatePodSpecForObject`: the pod spec inside a pod or a workload's template. */
function podSpecOf(obj: KubeObject): PodSpec | undefined {
  if (obj.kind === 'Pod') return (obj.spec as PodSpec | undefined) ?? undefined;
  return (obj.spec as { template?: { spec?: PodSpec } } | undefined)?.template?.spec;
}

/** Splits `TYPE NAME k=v …` into resource words and `k=v` / `k-` changes. */
function splitArgs(args: string[]): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const a of args) {
    if (a.includes('=') || (resources.length > 0 && /^[A-Za-z_][A-Za-z0-9_.-]*-$/.test(a) && !a.includes('/'))) pairs.push(a);
    else resources.push(a);
  }
  return { resources, pairs };
}

function containersMatching(spec: PodSpec, name: string): Container[] {
  const all = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
  return name === '*' || name === '' ? all : all.filter((c) => c.name === name);
}

/**
 * Runs `set image|env|resources` over the targets: `mutate` changes the spec (returning an error to report),
 * and the object is written back only when something changed, printing `<name> <done>`.
 */
function applyEach(ctx: VerbContext, resources: string[], done: string, mutate: (spec: PodSpec, obj: KubeObject, out: Output) => void): CommandResult {
  const out = new Output();
  if (resources.length === 0 && !ctx.flags.bool('all') && !ctx.flags.string('selector')) {
    throw new KubectlError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  }
  const dryRun = dryRunOf(ctx);
  for (const obj of targetObjects(ctx, resources, out)) {
    const spec = podSpecOf(obj);
    if (!spec) {
      out.err(`error: ${objectName(obj)} does not have a pod template\n`);
      continue;
    }
    const before = stableJson(spec);
    mutate(spec, obj, out);
    if (stableJson(spec) === before) continue;
    try {
      if (dryRun !== 'client') ctx.cluster.api.update(obj, { dryRun: dryRun === 'server' });
      out.out(`${objectName(obj)} ${done}${dryRunSuffix(dryRun)}\n`);
    } catch (e) {
      out.err(formatError(e));
    }
  }
  return out.result();
}

function setImage(ctx: VerbContext, args: string[]): CommandResult {
  const { resources, pairs } = splitArgs(args);
  if (pairs.length === 0) throw usageError('set image', 'at least one image update is required');
  const missing = new Set<string>();
  const result = applyEach(ctx, resources, 'image updated', (spec) => {
    for (const p of pairs) {
      const [name, image] = [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)];
      const found = containersMatching(spec, name);
      if (found.length === 0) missing.add(name);
      for (const c of found) c.image = image;
    }
  });
  for (const name of missing) result.stderr += `error: unable to find container named "${name}"\n`;
  if (missing.size) result.exitCode = 1;
  return result;
}

function envFromSource(ctx: VerbContext, from: string): EnvVar[] {
  const [type, name] = from.split('/');
  const prefix = ctx.flags.string('prefix');
  const kind = type === 'configmap' || type === 'cm' || type === 'configmaps' ? 'ConfigMap' : type === 'secret' || type === 'secrets' ? 'Secret' : undefined;
  if (!kind || !name) throw new KubectlError(`unsupported resource specified in --from`);
  const obj = ctx.cluster.api.get(kind, ctx.namespace, name) as KubeObject & { data?: Record<string, string> };
  return Object.keys(obj.data ?? {})
    .sort()
    .map((key) => {
      const envName = (prefix + key).toUpperCase().replace(/[^A-Z0-9_]/g, '_');
      return kind === 'ConfigMap' ? { name: envName, valueFrom: { configMapKeyRef: { name, key } } } : { name: envName, valueFrom: { secretKeyRef: { name, key } } };
    });
}

function setEnv(ctx: VerbContext, args: string[]): CommandResult {
  const { resources, pairs } = splitArgs(args);
  const container = ctx.flags.string('containers') || '*';
  if (ctx.flags.bool('list')) {
    const out = new Output();
    for (const obj of targetObjects(ctx, resources, out)) {
      const spec = podSpecOf(obj);
      if (!spec) continue;
      for (const c of containersMatching(spec, container)) {
        out.out(`# ${obj.kind === 'Pod' ? 'Pod' : obj.kind.toLowerCase()} ${obj.metadata.name}, container ${c.name}\n`);
        for (const e of c.env ?? []) {
          if (e.value !== undefined) out.out(`${e.name}=${e.value}\n`);
          else if (e.valueFrom?.configMapKeyRef) out.out(`# ${e.name} from configmap ${e.valueFrom.configMapKeyRef.name}, key ${e.valueFrom.configMapKeyRef.key}\n`);
          else if (e.valueFrom?.secretKeyRef) out.out(`# ${e.name} from secret ${e.valueFrom.secretKeyRef.name}, key ${e.valueFrom.secretKeyRef.key}\n`);
          else if (e.valueFrom?.fieldRef) out.out(`# ${e.name} from field path ${e.valueFrom.fieldRef.fieldPath}\n`);
        }
      }
    }
    return out.result();
  }
  const from = ctx.flags.string('from');
  const added: EnvVar[] = pairs.filter((p) => p.includes('=')).map((p) => ({ name: p.slice(0, p.indexOf('=')), value: p.slice(p.indexOf('=') + 1) }));
  const removed = pairs.filter((p) => !p.includes('=')).map((p) => p.slice(0, -1));
  if (from) added.push(...envFromSource(ctx, from));
  if (added.length === 0 && removed.length === 0) throw usageError('set env', 'at least one environment variable must be provided');
  return applyEach(ctx, resources, 'env updated', (spec) => {
    for (const c of containersMatching(spec, container)) {
      let env = [...(c.env ?? [])].filter((e) => !removed.includes(e.name));
      for (const a of added) {
        const i = env.findIndex((e) => e.name === a.name);
        if (i >= 0) env[i] = a;
        else env = [...env, a];
      }
      if (env.length) c.env = env;
      else delete c.env;
    }
  });
}

function parseResourceList(flag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of flag.split(',').filter((p) => p !== '')) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new KubectlError(`invalid argument "${part}"`);
    out[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return out;
}

function setResources(ctx: VerbContext, args: string[]): CommandResult {
  const limits = parseResourceList(ctx.flags.string('limits'));
  const requests = parseResourceList(ctx.flags.string('requests'));
  if (Object.keys(limits).length === 0 && Object.keys(requests).length === 0) throw new KubectlError('you must specify an update to requests or limits (in the form of --requests/--limits)');
  const container = ctx.flags.string('containers') || '*';
  return applyEach(ctx, args, 'resource requirements updated', (spec) => {
    for (const c of containersMatching(spec, container)) {
      const res = (c.resources ??= {});
      if (Object.keys(limits).length) res.limits = { ...(res.limits ?? {}), ...limits };
      if (Object.keys(requests).length) res.requests = { ...(res.requests ?? {}), ...requests };
    }
  });
}

function run(ctx: VerbContext): CommandResult {
  const [sub, ...rest] = ctx.args;
  switch (sub) {
    case 'image':
      return setImage(ctx, rest);
    case 'env':
      return setEnv(ctx, rest);
    case 'resources':
      return setResources(ctx, rest);
    case undefined:
      throw new KubectlError('You must specify a subcommand: image, env, resources');
    default:
      throw new KubectlError(`"kubectl set ${sub}" is not available in this terminal; use "kubectl set image|env|resources"`);
  }
}

export const setVerb: Verb = {
  name: 'set',
  group: 'Basic Commands (Beginner)',
  short: 'Set specific features on objects',
  usage: 'kubectl set SUBCOMMAND (image|env|resources) (-f FILENAME | TYPE NAME) [flags] [options]',
  flags: [
    { name: 'all', type: 'bool', description: "Select all resources, in the namespace of the specified resource types" },
    { name: 'selector', short: 'l', type: 'string', description: 'Selector (label query) to filter on.' },
    { name: 'containers', short: 'c', type: 'string', default: '*', description: 'The names of containers in the selected pod templates to change - may use wildcards' },
    { name: 'list', type: 'bool', description: 'If true, display the environment and any changes in the standard format.' },
    { name: 'from', type: 'string', description: 'The name of a resource from which to inject environment variables' },
    { name: 'prefix', type: 'string', description: 'Prefix to append to variable names' },
    { name: 'limits', type: 'string', description: 'The resource requirement requests for this container.  For example, \'cpu=100m,memory=256Mi\'.' },
    { name: 'requests', type: 'string', description: 'The resource requirement requests for this container.  For example, \'cpu=100m,memory=256Mi\'.' },
    { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged', description: 'Must be "none", "server", or "client".' },
  ],
  examples: ['kubectl set image deployment/web app=nginx:1.28', 'kubectl set env deployment/web MODE=prod', 'kubectl set resources deployment web --limits=cpu=200m,memory=256Mi'],
  run,
};
