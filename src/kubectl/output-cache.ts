import { Cluster } from '../cluster-engine';
import { CommandResult } from './result';

/**
 * The last few outputs of read-only kubectl commands, per cluster. A verb that declares `pureOutput` prints a
 * function of the cluster's API objects, the virtual time, its arguments and the namespace; so an entry is keyed
 * on exactly those (the store's resourceVersion, the clock's millisecond, the argv, the namespace) plus the
 * kubeconfig text, and any write to the cluster or tick of its clock makes the old entries unreachable. A terminal
 * re-running `kubectl get pods` within one simulated second (a polling client, a player hammering enter) gets the
 * same text back without listing and printing again.
 */
const MAX_ENTRIES = 8;

interface Entry {
  key: string;
  kubeconfig: string | undefined;
  result: CommandResult;
}

const byCluster = new WeakMap<Cluster, Entry[]>();

export interface OutputKey {
  argv: readonly string[];
  namespace: string;
  namespaceExplicit: boolean;
  /** The kubeconfig file's text (undefined: none); compared by value. */
  kubeconfig: string | undefined;
}

/** The cluster's state as far as a pure output can tell: its resourceVersion and virtual millisecond. */
function stateOf(cluster: Cluster): string {
  return `${cluster.resourceVersion}\u0000${cluster.nowMs()}\u0000`;
}

/**
 * Runs `run` once per command and cluster state: a copy of the remembered output when there is one, else runs it
 * and remembers the output if the command left the cluster as it found it (never a running stream or an editor).
 */
export function withOutputCache(cluster: Cluster, k: OutputKey, run: () => CommandResult): CommandResult {
  const state = stateOf(cluster);
  const key = state + JSON.stringify([k.namespace, k.namespaceExplicit, k.argv]);
  let entries = byCluster.get(cluster);
  const hit = entries?.find((e) => e.key === key && e.kubeconfig === k.kubeconfig);
  if (hit) return { stdout: hit.result.stdout, stderr: hit.result.stderr, exitCode: hit.result.exitCode };
  const result = run();
  if (result.stream || result.edit || stateOf(cluster) !== state) return result;
  if (!entries) byCluster.set(cluster, (entries = []));
  // Entries of an older resourceVersion or millisecond can never match again: drop them.
  for (let i = entries.length - 1; i >= 0; i--) if (!entries[i].key.startsWith(state)) entries.splice(i, 1);
  entries.push({ key, kubeconfig: k.kubeconfig, result: { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode } });
  if (entries.length > MAX_ENTRIES) entries.shift();
  return result;
}
