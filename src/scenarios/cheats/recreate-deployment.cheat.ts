import { anotherImage, Cheat, liveRows } from './cheat';

/** Throw the Deployment away and create a fresh one of the same name from a known-good image (no probes, default labels). */
export const recreateDeploymentCheat: Cheat = {
  id: 'recreate-deployment',
  description: 'delete every Deployment and kubectl create deployment it again with another, known-good image',
  play(player) {
    const typed: string[] = [];
    for (const [ns, name, replicas] of liveRows(player, 'deployments', ['.metadata.name', '.spec.replicas'])) {
      const images = player.run(`kubectl get deployment ${name} -n ${ns} -o jsonpath='{.spec.template.spec.containers[*].image}'`).stdout.split(/\s+/).filter(Boolean);
      const image = anotherImage(player, images);
      if (!image) continue;
      const cmds = [`kubectl delete deployment ${name} -n ${ns}`, `kubectl create deployment ${name} -n ${ns} --image=${image} --replicas=${replicas || 1}`];
      for (const c of cmds) player.run(c);
      typed.push(...cmds);
    }
    return typed;
  },
};
