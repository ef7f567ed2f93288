import { Cheat, liveRows } from './cheat';

function namespacesWithPods(player: Parameters<Cheat['play']>[0]): string[] {
  return [...new Set(liveRows(player, 'pods', []).map(([ns]) => ns))];
}

/** Delete every pod (force, no grace): controllers recreate theirs, bare pods are gone. */
export const deleteAllPodsCheat: Cheat = {
  id: 'delete-all-pods',
  description: 'delete every pod at once (--force)',
  play(player) {
    return namespacesWithPods(player).map((ns) => `kubectl delete pods --all -n ${ns} --grace-period=0 --force`).map((c) => (player.run(c), c));
  },
};

/** Delete every pod and let the kubelets stop them gracefully: a "restart everything". */
export const deleteAllPodsGracefullyCheat: Cheat = {
  id: 'delete-all-pods-gracefully',
  description: 'delete every pod and wait',
  play(player) {
    return namespacesWithPods(player).map((ns) => `kubectl delete pods --all -n ${ns}`).map((c) => (player.run(c), c));
  },
};
