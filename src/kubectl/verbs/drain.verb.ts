import { ApiError, Node, Pod } from '../../cluster-engine';
import { parseGoDuration } from '../../cluster-engine/api/go-duration';
import { aggregateMessage, KubectlError } from '../errors';
import { goDurationString, invalidDuration } from '../flags/duration';
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

/** kubectl drain's fixed pause between eviction attempts refused with 429. */
const EVICTION_RETRY_MS = 5000;

interface PendingEviction {
  pod: Pod;
  retryAtMs: number;
}

/**
 * One `kubectl drain` run over its nodes, in kubectl's order: cordon every node, then per node evict (or
 * with --disable-eviction delete) its pods. An eviction refused by a PodDisruptionBudget (429) is retried
 * every 5 s on the virtual clock until it passes or --timeout runs out; meanwhile the command keeps
 * running and streams its output.
 */
class DrainRun {
  private readonly out = new Output();
  private nodeIndex = 0;
  private pending: PendingEviction[] = [];
  private evicted: Pod[] = [];
  private failed = false;
  private finished = false;
  private readonly startMs: number;

  constructor(
    private readonly ctx: VerbContext,
    private readonly nodes: string[],
    private readonly opts: { dryRun: boolean; useEviction: boolean; timeoutMs: number; grace: number },
  ) {
    this.startMs = ctx.cluster.nowMs();
  }

  get done(): boolean {
    return this.finished;
  }

  /** Output produced since the last call (stdout and stderr, as a terminal interleaves them). */
  take(): { stdout: string; stderr: string; exitCode: number } {
    const r = this.out.result();
    this.out.stdout = '';
    this.out.stderr = '';
    return r;
  }

  /** Runs as far as the virtual clock allows; stops while evictions wait for their retry. */
  advance(): void {
    while (!this.finished) {
      if (this.pending.length) {
        if (!this.retry()) return;
        continue;
      }
      if (this.nodeIndex >= this.nodes.length) {
        this.finished = true;
        return;
      }
      this.startNode(this.nodes[this.nodeIndex]);
    }
  }

  private get node(): string {
    return this.nodes[this.nodeIndex];
  }

  private startNode(name: string): void {
    const api = this.ctx.cluster.api;
    const node = api.get<Node>('Node', undefined, name);
    const pods = api.list<Pod>('Pod', { fieldSelector: `spec.nodeName=${node.metadata.name}`, labelSelector: this.ctx.flags.string('pod-selector') || undefined });
    const { evict, errors, warnings } = filterPods(this.ctx, pods);
    if (errors.size) {
      this.fail(joined(errors));
      return;
    }
    if (warnings.size) this.out.warn(`Warning: ${joined(warnings).join('; ')}\n`);
    this.settle(evict.map((p) => this.attempt(p)));
  }

  /** One eviction (or deletion) attempt; returns a fatal error text, or undefined (done or retrying). */
  private attempt(p: Pod): string | undefined {
    const { namespace, name } = p.metadata;
    const verb = this.opts.useEviction ? 'evicting' : 'deleting';
    if (this.opts.dryRun) {
      this.out.out(`${verb} pod ${namespace}/${name} (dry run)\n`);
      return undefined;
    }
    this.out.out(`${verb} pod ${namespace}/${name}\n`);
    const options = this.opts.grace >= 0 ? { gracePeriodSeconds: this.opts.grace } : {};
    try {
      if (this.opts.useEviction) this.ctx.cluster.api.evict(namespace!, name, options);
      else this.ctx.cluster.api.delete('Pod', namespace, name, options);
      this.evicted.push(p);
      return undefined;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.code === 404) return undefined;
      if (e.code === 429) {
        this.out.warn(`error when evicting pods/"${name}" -n "${namespace}" (will retry after 5s): ${e.message}\n`);
        this.pending.push({ pod: p, retryAtMs: this.ctx.cluster.nowMs() + EVICTION_RETRY_MS });
        return undefined;
      }
      return `error when ${verb} pods/"${name}" -n "${namespace}": ${e.message}`;
    }
  }

  /** Retries what is due; returns false while nothing more can happen until the clock moves. */
  private retry(): boolean {
    const now = this.ctx.cluster.nowMs();
    if (this.opts.timeoutMs > 0 && now - this.startMs >= this.opts.timeoutMs) {
      const errs = this.pending.map(({ pod }) => `error when evicting pods/"${pod.metadata.name}" -n "${pod.metadata.namespace}": global timeout reached: ${goDurationString(this.opts.timeoutMs)}`);
      this.fail(errs, true);
      return true;
    }
    const due = this.pending.filter((x) => x.retryAtMs <= now);
    if (due.length === 0) return false;
    this.pending = this.pending.filter((x) => x.retryAtMs > now);
    this.settle(due.map((x) => this.attempt(x.pod)));
    return true;
  }

  /** After a round of attempts: report what went, then fail on fatal errors or finish the node once nothing waits. */
  private settle(attempts: Array<string | undefined>): void {
    for (const p of this.evicted) this.out.out(`pod/${p.metadata.name} ${this.opts.useEviction ? 'evicted' : 'deleted'}\n`);
    this.evicted = [];
    const errs = attempts.filter((e): e is string => !!e);
    if (errs.length) this.fail(errs, true);
    else if (!this.pending.length) this.nodeDrained();
  }

  private nodeDrained(): void {
    this.out.out(`node/${this.node} drained${this.opts.dryRun ? ' (dry run)' : ''}\n`);
    this.nodeIndex++;
  }

  /** A node that could not be drained ends the command, listing what is left as kubectl does. */
  private fail(errors: string[], podsPending = false): void {
    const text = aggregateMessage(errors);
    if (podsPending) {
      const left = this.ctx.cluster.api.list<Pod>('Pod', { fieldSelector: `spec.nodeName=${this.node}` }).filter((p) => !p.metadata.deletionTimestamp && !p.metadata.annotations?.['kubernetes.io/config.mirror']);
      if (left.length) this.out.warn(`There are pending pods in node "${this.node}" when an error occurred: ${text}\n${left.map((p) => `pod/${p.metadata.name}\n`).join('')}`);
    }
    this.out.err(`error: unable to drain node "${this.node}" due to error:${text}, continuing command...\n`);
    this.out.err(`There are pending nodes to be drained:\n${this.nodes.slice(this.nodeIndex).map((n) => ` ${n}\n`).join('')}`);
    this.out.err(`error: ${text}\n`);
    this.pending = [];
    this.failed = true;
    this.finished = true;
  }

  get exitCode(): number {
    return this.failed ? 1 : 0;
  }
}

function run(ctx: VerbContext): CommandResult {
  if (ctx.args.length === 0) throw new KubectlError("USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples");
  const timeoutText = ctx.flags.string('timeout') || '0s';
  const timeoutMs = parseGoDuration(timeoutText);
  if (timeoutMs === undefined) throw new KubectlError(invalidDuration('--timeout', timeoutText));
  const out = new Output();
  const cordon = setUnschedulable(ctx, 'cordon');
  out.out(cordon.stdout);
  if (cordon.exitCode !== 0) return out.err(cordon.stderr).result();
  const dry = ctx.flags.string('dry-run');
  const dryRun = dry === 'client' || dry === 'unchanged' || dry === 'true';
  const drain = new DrainRun(ctx, ctx.args, { dryRun, useEviction: !ctx.flags.bool('disable-eviction'), timeoutMs, grace: ctx.flags.int('grace-period') });
  drain.advance();
  const first = drain.take();
  const result: CommandResult = { stdout: out.stdout + first.stdout, stderr: first.stderr, exitCode: drain.exitCode };
  if (drain.done) return result;
  // Still waiting on a disruption budget: the command keeps running on the virtual clock.
  result.stream = {
    poll() {
      drain.advance();
      const r = drain.take();
      return r.stdout + r.stderr;
    },
    close() {},
    ended: () => drain.done,
  };
  return result;
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
