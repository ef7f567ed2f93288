import { Cheat, liveRows } from './cheat';

/** Workload kinds with a replica count; kinds this cluster does not serve are skipped. */
const SCALABLE = ['deployments', 'replicasets', 'statefulsets'];

/** Scale every workload to zero: no pod left to fail, so nothing reports a failure. */
export const scaleToZeroCheat: Cheat = {
  id: 'scale-to-zero',
  description: 'scale every Deployment, ReplicaSet and StatefulSet to zero',
  play(player) {
    const typed: string[] = [];
    for (const kind of SCALABLE) {
      const namespaces = new Set(liveRows(player, kind, ['.spec.replicas']).filter(([, n]) => n !== '0').map(([ns]) => ns));
      for (const ns of namespaces) {
        const cmd = `kubectl scale ${kind} --all --replicas=0 -n ${ns}`;
        player.run(cmd);
        typed.push(cmd);
      }
    }
    return typed;
  },
};
