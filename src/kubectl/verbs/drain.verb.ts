import { Node, Pod } from '../../cluster-engine';
import { KubectlError } from '../errors';
import { CommandResult, Output } from '../result';
import { setUnschedulable } from './cordon';
import { NODE_FLAGS } from './cordon.verb';
import { Verb, VerbContext } from './verb';

const UNMANAGED = 'cannot delete Pods that declare no controller (use --force to override)';
const DAEMONSET = 'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const LOCAL = 'cannot delete Pods with local storage (use --delete-emptydir-data to override)';

interface Filtered {
  evict: Pod[];
  errors: Map<string, string[]>;
  warnings: Map<string, string[]>;
}

/** drain's pod filters: mirror pods are skipped, DaemonSet pods need --ignore-daemonsets, bare pods --force. */
function filterPods(ctx: VerbContext, pods: Pod[]): Filtered {
  const f = ctx.flags;
  const out: Filtered = { evict: [], errors: new Map(), warnings: new Map() };
  const add = (m: Map<string, string[]>, k: string, p: Pod) => m.set(k, [...(m.get(k) ?? []), `${p.metadata.namespace}/${p.metadata.name}`]);
  for (const p of pods) {
    if (p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') {
      out.evict.push(p);
      continue;
    }
    if (p.metadata.annotations?.['kubernetes.io/config.mirror']) continue;
    const owner = p.metadata.ownerReferences?.find((o) => o.controller);
    if (owner?.kind === 'DaemonSet') {
      if (f.bool('ignore-daemonsets')) add(out.warnings, 'ignoring DaemonSet-managed Pods', p);
      else add(out.errors, DAEMONSET, p);
      continue;
    }
    if (!owner) {
      if (f.bool('force')) add(out.warnings, 'deleting Pods that declare no controller', p);
      else {
        add(out.errors, UNMANAGED, p);
        continue;
      }
    }
    if ((p.spec.volumes ?? []).some((v) => v.emptyDir)) {
      if (f.bool('delete-emptydir-data')) add(out.warnings, 'deleting Pods with local storage', p);
      else {
        add(out.errors, LOCAL, p);
        continue;
      }
    }
    out.evict.push(p);
  }
  return out;
}

const joined = (m: Map<string, string[]>) => [...m].map(([k, ps]) => `${k}: ${ps.join(', ')}`);

function run(ctx: VerbContext): CommandResult {
  if (ctx.args.length === 0) throw new KubectlError("USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples");
  const out = new Output();
  const cordon = setUnschedulable(ctx, 'cordon');
  out.out(cordon.stdout);
  if (cordon.exitCode !== 0) return out.err(cordon.stderr).result();
  const dry = ctx.flags.string('dry-run');
  const dryRun = dry === 'client' || dry === 'unchanged' || dry === 'true';
  for (const name of ctx.args) {
    const node = ctx.cluster.api.get<Node>('Node', undefined, name);
    const pods = ctx.cluster.api.list<Pod>('Pod', { fieldSelector: `spec.nodeName=${node.metadata.name}`, labelSelector: ctx.flags.string('pod-selector') || undefined });
    const { evict, errors, warnings } = filterPods(ctx, pods);
    if (errors.size) {
      const msg = joined(errors);
      const text = msg.length === 1 ? msg[0] : `[${msg.join(', ')}]`;
      out.err(`error: unable to drain node "${name}" due to error:${text}, continuing command...\n`);
      const pending = ctx.args.slice(ctx.args.indexOf(name));
      out.err(`There are pending nodes to be drained:\n${pending.map((n) => ` ${n}\n`).join('')}`);
      out.err(`error: ${text}\n`);
      return out.result();
    }
    if (warnings.size) out.warn(`Warning: ${joined(warnings).join('; ')}\n`);
    for (const p of evict) {
      if (dryRun) {
        out.out(`evicting pod ${p.metadata.namespace}/${p.metadata.name} (dry run)\n`);
        continue;
      }
      out.out(`evicting pod ${p.metadata.namespace}/${p.metadata.name}\n`);
      const grace = ctx.flags.int('grace-period');
      ctx.cluster.api.delete('Pod', p.metadata.namespace, p.metadata.name, grace >= 0 ? { gracePeriodSeconds: grace } : {});
      out.out(`pod/${p.metadata.name} evicted\n`);
    }
    out.out(`node/${name} drained${dryRun ? ' (dry run)' : ''}\n`);
  }
  return out.result();
}

export const drainVerb: Verb = {
  name: 'drain',
  group: 'Cluster Management Commands',
  short: 'Drain node in preparation for maintenance',
  usage: 'kubectl drain NODE [options]',
  flags: [
    ...NODE_FLAGS,
    { name: 'force', type: 'bool', description: "Continue even if there are pods that do not declare a controller." },
    { name: 'ignore-daemonsets', type: 'bool', description: 'Ignore DaemonSet-managed pods.' },
    { name: 'delete-emptydir-data', type: 'bool', description: 'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).' },
    { name: 'grace-period', type: 'int', default: -1, description: 'Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used.' },
    { name: 'pod-selector', type: 'string', description: 'Label selector to filter pods on the node' },
    { name: 'timeout', type: 'string', default: '0s', description: 'The length of time to wait before giving up, zero means infinite' },
    { name: 'disable-eviction', type: 'bool', description: 'Force drain to use delete, even if eviction is supported.' },
  ],
  examples: ['kubectl drain worker-1 --ignore-daemonsets --force'],
  run,
};
