import { allocatable, ApiError, Node, notFound, Pod, PodMetrics } from '../../cluster-engine';
import { KubectlError } from '../errors';
import { goDurationString } from '../flags/duration';
import { formatTabbed, TABLE_TABWRITER } from '../printers/tabwriter';
import { CommandResult, fail, ok } from '../result';
import { Verb, VerbContext } from './verb';

/** kubectl's metricsCreationDelay: a pod younger than this without metrics is "not available yet". */
const METRICS_CREATION_DELAY_MS = 2 * 60_000;
const MiB = 1024 * 1024;

const HELP = `Display resource (CPU/memory) usage.

 The top command allows you to see the resource consumption for nodes or pods.

 This command requires Metrics Server to be correctly configured and working on the server.

Available Commands:
  node          Display resource (CPU/memory) usage of nodes
  pod           Display resource (CPU/memory) usage of pods

Usage:
  kubectl top [flags] [options]

Use "kubectl top <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

const cpu = (m: number) => `${m}m`;
const mem = (b: number) => `${Math.floor(b / MiB)}Mi`;
/** Every cell is tab-terminated in kubectl's metrics printer, so the last column is padded too. */
const row = (cells: string[]) => `${cells.map((c) => `${c}\t`).join('')}\n`;

type SortKey = '' | 'cpu' | 'memory';

function sortKey(ctx: VerbContext): SortKey {
  const s = ctx.flags.string('sort-by');
  if (s && s !== 'cpu' && s !== 'memory') throw new KubectlError('--sort-by accepts only cpu or memory');
  return s as SortKey;
}

/** `--sort-by` order (highest usage first); 0 when not sorting or tied, for the caller's tie-breakers. */
function byUsage(sortBy: SortKey, a: { cpu: number; memory: number }, b: { cpu: number; memory: number }): number {
  return sortBy === 'cpu' ? b.cpu - a.cpu : sortBy === 'memory' ? b.memory - a.memory : 0;
}

const usageOf = (m: { cpuMillis: number; memoryBytes: number }) => ({ cpu: m.cpuMillis, memory: m.memoryBytes });

function topNodes(ctx: VerbContext, name: string | undefined): CommandResult {
  const f = ctx.flags;
  const sortBy = sortKey(ctx);
  if (name && f.string('selector')) throw new KubectlError('only one of NAME or --selector can be provided');
  if (!ctx.cluster.metricsAvailable()) return fail('error: Metrics API not available\n');
  // kubectl asks metrics.k8s.io first, so an unknown (or unscraped) node is metrics-server's 404.
  if (name && !ctx.cluster.nodeMetrics().some((m) => m.name === name)) throw new ApiError({ ...notFound('Node', name).status, message: `nodemetrics.metrics.k8s.io "${name}" not found` });
  const nodes = name ? [ctx.cluster.api.get<Node>('Node', undefined, name)] : ctx.cluster.api.list<Node>('Node', { labelSelector: f.string('selector') || undefined });
  const byName = new Map(nodes.map((n) => [n.metadata.name, n]));
  const metrics = ctx.cluster.nodeMetrics().filter((m) => byName.has(m.name));
  if (metrics.length === 0) return fail('error: metrics not available yet\n');
  const measured = new Set(metrics.map((m) => m.name));
  metrics.sort((a, b) => byUsage(sortBy, usageOf(a), usageOf(b)) || a.name.localeCompare(b.name));
  const unmeasured = nodes.filter((n) => !measured.has(n.metadata.name)).sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  let text = f.bool('no-headers') ? '' : row(['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)']);
  const pct = (used: number, total: number) => `${total > 0 ? Math.trunc((used / total) * 100) : 0}%`;
  for (const m of metrics) {
    const node = byName.get(m.name)!;
    const avail = allocatable(f.bool('show-capacity') ? { ...node, status: { ...node.status, allocatable: node.status.capacity } } : node);
    text += row([m.name, cpu(m.cpuMillis), pct(m.cpuMillis, avail.cpuMillis), mem(m.memoryBytes), pct(m.memoryBytes, avail.memoryBytes)]);
  }
  // Nodes metrics-server could not scrape (kubelet down) are listed last.
  for (const n of unmeasured) text += row([n.metadata.name, '<unknown>', '<unknown>', '<unknown>', '<unknown>']);
  return ok(formatTabbed(text, TABLE_TABWRITER));
}

function totals(p: PodMetrics) {
  return { cpu: p.containers.reduce((s, c) => s + c.cpuMillis, 0), memory: p.containers.reduce((s, c) => s + c.memoryBytes, 0) };
}

function topPods(ctx: VerbContext, name: string | undefined): CommandResult {
  const f = ctx.flags;
  const sortBy = sortKey(ctx);
  const all = f.bool('all-namespaces');
  if (name && f.string('selector')) throw new KubectlError('only one of NAME or --selector can be provided');
  if (!ctx.cluster.metricsAvailable()) return fail('error: Metrics API not available\n');
  const ns = all ? undefined : ctx.namespace;
  const listOpts = { namespace: ns, labelSelector: f.string('selector') || undefined, fieldSelector: f.string('field-selector') || undefined };
  const pods = name ? [] : ctx.cluster.api.list<Pod>('Pod', listOpts);
  const wanted = new Set(pods.map((p) => `${p.metadata.namespace}/${p.metadata.name}`));
  const metrics = ctx.cluster.podMetrics().filter((m) => (name ? m.namespace === ctx.namespace && m.name === name : wanted.has(`${m.namespace}/${m.name}`)));
  if (name && metrics.length === 0) throw new ApiError({ ...notFound('Pod', name).status, message: `podmetrics.metrics.k8s.io "${ctx.namespace}/${name}" not found` });
  const out = { stdout: '', stderr: '', exitCode: 0 };
  if (metrics.length === 0) {
    // kubectl asks why: young pods have no metrics yet; an old one without metrics is named.
    for (const p of pods) {
      const age = ctx.cluster.nowMs() - Date.parse(p.metadata.creationTimestamp ?? '');
      if (age > METRICS_CREATION_DELAY_MS) return fail(`error: Metrics not available for pod ${p.metadata.namespace}/${p.metadata.name}, age: ${goDurationString(age)}\n`);
    }
    if (pods.length > 0) return fail('error: metrics not available yet\n');
    out.stderr = all ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`;
    return out;
  }
  const sums = new Map(metrics.map((m) => [m, totals(m)]));
  metrics.sort((a, b) => byUsage(sortBy, sums.get(a)!, sums.get(b)!) || (all ? a.namespace.localeCompare(b.namespace) : 0) || a.name.localeCompare(b.name));
  const containers = f.bool('containers');
  let text = '';
  if (!f.bool('no-headers')) text += row([...(all ? ['NAMESPACE'] : []), ...(containers ? ['POD'] : []), 'NAME', 'CPU(cores)', 'MEMORY(bytes)']);
  for (const m of metrics) {
    if (containers) {
      const list = [...m.containers].sort((a, b) => byUsage(sortBy, usageOf(a), usageOf(b)) || a.name.localeCompare(b.name));
      for (const c of list) text += row([...(all ? [m.namespace] : []), m.name, c.name, cpu(c.cpuMillis), mem(c.memoryBytes)]);
    } else {
      const t = sums.get(m)!;
      text += row([...(all ? [m.namespace] : []), m.name, cpu(t.cpu), mem(t.memory)]);
    }
  }
  if (f.bool('sum')) {
    const width = 3 + (all ? 1 : 0) + (containers ? 1 : 0);
    const sum = [...sums.values()].reduce((a, b) => ({ cpu: a.cpu + b.cpu, memory: a.memory + b.memory }), { cpu: 0, memory: 0 });
    text += row([...new Array<string>(width - 2).fill(''), '________', '________']);
    text += row([...new Array<string>(width - 3).fill(''), '', cpu(sum.cpu), mem(sum.memory)]);
  }
  out.stdout = formatTabbed(text, TABLE_TABWRITER);
  return out;
}

function run(ctx: VerbContext): CommandResult {
  const [sub, name, ...extra] = ctx.args;
  if (!sub) return ok(HELP);
  if (extra.length) throw new KubectlError(`unexpected args: [${extra.join(' ')}]`);
  if (['node', 'nodes', 'no'].includes(sub)) return topNodes(ctx, name);
  if (['pod', 'pods', 'po'].includes(sub)) return topPods(ctx, name);
  return fail(`error: unknown command "${sub}" for "kubectl top"\n\nDid you mean this?\n\tnode\n\tpod\n`);
}

export const topVerb: Verb = {
  name: 'top',
  group: 'Cluster Management Commands',
  short: 'Display resource (CPU/memory) usage',
  usage: 'kubectl top (node [NAME | -l label] | pod [NAME | -l label]) [flags] [options]',
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool', description: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
    { name: 'selector', short: 'l', type: 'string', description: 'Selector (label query) to filter on, supports \'=\', \'==\', \'!=\', \'in\', \'notin\'.' },
    { name: 'field-selector', type: 'string', description: "Selector (field query) to filter on, supports '=', '==', and '!='." },
    { name: 'containers', type: 'bool', description: 'If present, print usage of containers within a pod.' },
    { name: 'no-headers', type: 'bool', description: 'If present, print output without headers.' },
    { name: 'sort-by', type: 'string', description: "If non-empty, sort pods (or nodes) list using specified field. The field can be either 'cpu' or 'memory'." },
    { name: 'sum', type: 'bool', description: 'Print the sum of the resource usage' },
    { name: 'show-capacity', type: 'bool', description: 'Print node resources based on Capacity instead of Allocatable(default) of the nodes.' },
    { name: 'use-protocol-buffers', type: 'bool', default: true, description: 'Enables using protocol-buffers to access Metrics API.' },
  ],
  examples: ['kubectl top nodes', 'kubectl top pods -A --sort-by=memory', 'kubectl top pod web --containers'],
  run,
};
