import { Node, Taint } from '../../cluster-engine';
import { formatError, KubectlError } from '../errors';
import { dryRunOf, dryRunSuffix } from '../manifests/prepare';
import { CommandResult, Output } from '../result';
import { Verb, VerbContext } from './verb';

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

interface TaintChange {
  key: string;
  value?: string;
  effect?: string;
  remove: boolean;
}

/** `key=value:Effect`, `key:Effect`, and the removals `key-`, `key:Effect-`. */
function parseTaint(spec: string): TaintChange {
  const remove = spec.endsWith('-');
  const body = remove ? spec.slice(0, -1) : spec;
  const [kv, effect] = body.split(':');
  const [key, value] = kv.split('=');
  if (!key) throw new KubectlError(`invalid taint spec: ${spec}, invalid key`);
  if (!remove && !effect) throw new KubectlError(`invalid taint spec: ${spec}, unknown taint spec: ${spec}`);
  if (effect && !EFFECTS.includes(effect)) throw new KubectlError(`invalid taint spec: ${spec}, invalid taint effect: ${effect}, unsupported taint effect`);
  return { key, value, effect, remove };
}

const sameSlot = (t: Taint, c: TaintChange) => t.key === c.key && (!c.effect || t.effect === c.effect);

function run(ctx: VerbContext): CommandResult {
  const [type, ...rest] = ctx.args;
  if (!type) throw new KubectlError('Required resource not specified.');
  if (!['node', 'nodes', 'no'].includes(type.split('/')[0])) throw new KubectlError(`invalid resource type ${type}, only node types are supported`);
  const names = type.includes('/') ? [type.split('/')[1]] : ctx.flags.bool('all') ? [] : rest.slice(0, 1);
  const specs = type.includes('/') ? rest : ctx.flags.bool('all') ? rest : rest.slice(1);
  if (specs.length === 0) throw new KubectlError('at least one taint update is required');
  const changes = specs.map(parseTaint);
  const nodes = ctx.flags.bool('all') || ctx.flags.string('selector') ? ctx.cluster.api.list<Node>('Node', { labelSelector: ctx.flags.string('selector') || undefined }) : names.map((n) => ctx.cluster.api.get<Node>('Node', undefined, n));
  const dryRun = dryRunOf(ctx);
  const out = new Output();
  for (const node of nodes) {
    let taints = [...(node.spec.taints ?? [])];
    let modified = false;
    for (const c of changes.filter((x) => x.remove)) {
      if (!taints.some((t) => sameSlot(t, c))) throw new KubectlError(`taint "${c.key}${c.effect ? `:${c.effect}` : ''}" not found`);
      taints = taints.filter((t) => !sameSlot(t, c));
    }
    for (const c of changes.filter((x) => !x.remove)) {
      const existing = taints.find((t) => sameSlot(t, c));
      if (existing && !ctx.flags.bool('overwrite')) throw new KubectlError(`node ${node.metadata.name} already has ${c.key} taint(s) with same effect(s) and --overwrite is false`);
      if (existing) modified = true;
      taints = taints.filter((t) => !sameSlot(t, c));
      taints.push({ key: c.key, ...(c.value ? { value: c.value } : {}), effect: c.effect as Taint['effect'] });
    }
    node.spec.taints = taints;
    if (taints.length === 0) delete node.spec.taints;
    try {
      if (dryRun !== 'client') ctx.cluster.api.update(node, { dryRun: dryRun === 'server' });
      const word = modified ? 'modified' : changes.every((c) => c.remove) ? 'untainted' : 'tainted';
      out.out(`node/${node.metadata.name} ${word}${dryRunSuffix(dryRun)}\n`);
    } catch (e) {
      out.err(formatError(e));
    }
  }
  return out.result();
}

export const taintVerb: Verb = {
  name: 'taint',
  group: 'Cluster Management Commands',
  short: 'Update the taints on one or more nodes',
  usage: 'kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N [options]',
  flags: [
    { name: 'overwrite', type: 'bool', description: 'If true, allow taints to be overwritten, otherwise reject taint updates that overwrite existing taints.' },
    { name: 'all', type: 'bool', description: 'Select all nodes in the cluster' },
    { name: 'selector', short: 'l', type: 'string', description: 'Selector (label query) to filter on.' },
    { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged', description: 'Must be "none", "server", or "client".' },
  ],
  examples: ['kubectl taint nodes worker-1 dedicated=gpu:NoSchedule', 'kubectl taint nodes control-plane node-role.kubernetes.io/control-plane:NoSchedule-'],
  run,
};
