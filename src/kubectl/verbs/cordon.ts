import { Node } from '../../cluster-engine';
import { formatError, usageError } from '../errors';
import { CommandResult, Output } from '../result';
import { VerbContext } from './verb';
import { dryRunOf, dryRunSuffix } from '../manifests/prepare';

/** Shared by cordon and uncordon: set `spec.unschedulable` on each named (or selected) node. */
export function setUnschedulable(ctx: VerbContext, verb: 'cordon' | 'uncordon'): CommandResult {
  const want = verb === 'cordon';
  const selector = ctx.flags.string('selector');
  if (ctx.args.length === 0 && !selector) throw usageError(verb, `USAGE: ${verb} NODE [flags]`);
  const nodes = selector ? ctx.cluster.api.list<Node>('Node', { labelSelector: selector }) : ctx.args.map((n) => ctx.cluster.api.get<Node>('Node', undefined, n));
  const out = new Output();
  const dryRun = dryRunOf(ctx);
  const suffix = dryRunSuffix(dryRun);
  for (const node of nodes) {
    const name = `node/${node.metadata.name}`;
    if (!!node.spec.unschedulable === want) {
      out.out(`${name} already ${verb}ed\n`);
      continue;
    }
    try {
      if (dryRun !== 'client') {
        if (want) node.spec.unschedulable = true;
        else delete node.spec.unschedulable;
        ctx.cluster.api.update(node, { dryRun: dryRun === 'server' });
      }
      out.out(`${name} ${verb}ed${suffix}\n`);
    } catch (e) {
      out.err(formatError(e));
    }
  }
  return out.result();
}
