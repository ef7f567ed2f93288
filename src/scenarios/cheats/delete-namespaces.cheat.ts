import { Cheat, CheatPlayer, liveRows } from './cheat';

/** What `kubectl delete all --all` removes (the `all` category), for `default`, which may not be deleted. */
const ALL_CATEGORY = ['pods', 'services', 'deployments', 'replicasets', 'statefulsets', 'daemonsets', 'jobs', 'cronjobs', 'replicationcontrollers'];
const TERMINATION_TIMEOUT_S = 300;

/** Namespaces that hold something besides what every namespace gets (the `kubernetes` Service, the root CA ConfigMap). */
function namespacesInUse(player: CheatPlayer): string[] {
  const found = new Set<string>();
  for (const kind of [...ALL_CATEGORY, 'configmaps', 'secrets', 'persistentvolumeclaims']) {
    for (const [ns, name] of liveRows(player, kind, ['.metadata.name'])) {
      if (!(kind === 'services' && name === 'kubernetes') && !(kind === 'configmaps' && name === 'kube-root-ca.crt')) found.add(ns);
    }
  }
  return [...found];
}

/** Delete the namespaces the workloads live in and wait until they are gone ("start from scratch"). */
export const deleteNamespacesCheat: Cheat = {
  id: 'delete-namespaces',
  description: 'delete the namespaces the workloads live in (everything in default, which cannot be deleted) and wait',
  play(player) {
    const typed: string[] = [];
    for (const ns of namespacesInUse(player)) {
      if (ns === 'default') {
        for (const kind of ALL_CATEGORY) {
          const cmd = `kubectl delete ${kind} --all -n default`;
          if (player.run(cmd).exitCode === 0) typed.push(cmd);
        }
        continue;
      }
      const cmd = `kubectl delete namespace ${ns}`;
      player.run(cmd);
      typed.push(cmd);
      for (let s = 0; s < TERMINATION_TIMEOUT_S && player.run(`kubectl get namespace ${ns}`).exitCode === 0; s += 5) player.wait(5);
    }
    return typed;
  },
};
