import { FilterResult } from './plugins/plugin';

/** Go's sort.Strings: a plain byte-wise sort ("10 …" before "2 …", upper case before lower). */
function byteSort(items: string[]): string[] {
  return items.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function histogram(counts: Map<string, number>): string {
  return byteSort([...counts].map(([reason, n]) => `${n} ${reason}`)).join(', ');
}

/**
 * `FitError.Error()` plus the DefaultPreemption post-filter text, e.g.
 * `0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu.
 *  preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.`
 */
export function fitErrorMessage(totalNodes: number, failures: FilterResult[], opts: { preFilterMsg?: string; postFilterMsg?: string } = {}): string {
  const reasons = new Map<string, number>();
  const preemption = new Map<string, number>();
  for (const f of failures) {
    for (const r of f.reasons) reasons.set(r, (reasons.get(r) ?? 0) + 1);
    const p = f.unresolvable ? 'Preemption is not helpful for scheduling' : 'No preemption victims found for incoming pod';
    preemption.set(p, (preemption.get(p) ?? 0) + 1);
  }
  let msg = `0/${totalNodes} nodes are available`;
  if (totalNodes === 0) return `${msg}.`;
  msg += opts.preFilterMsg ? `: ${opts.preFilterMsg}.` : `: ${histogram(reasons)}.`;
  if (opts.postFilterMsg !== undefined) return opts.postFilterMsg ? `${msg} ${opts.postFilterMsg}` : msg;
  msg += ` preemption: 0/${totalNodes} nodes are available: ${histogram(preemption)}.`;
  return msg;
}
