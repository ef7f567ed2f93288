import { anotherImage, Cheat, CheatPlayer, liveRows } from './cheat';

function imagesOf(player: CheatPlayer, kind: string, ns: string, name: string): string[] {
  const path = kind === 'pod' ? '.spec.containers[*].image' : '.spec.template.spec.containers[*].image';
  return player.run(`kubectl get ${kind} ${name} -n ${ns} -o jsonpath='{${path}}'`).stdout.split(/\s+/).filter(Boolean);
}

/** Swap the broken app for a known-good image from another repository: every container of every Deployment and bare pod. */
export const replaceImageCheat: Cheat = {
  id: 'replace-image',
  description: "set every Deployment's and bare pod's containers to another, known-good image (kubectl set image)",
  play(player) {
    const typed: string[] = [];
    const targets = [
      ...liveRows(player, 'deployments', ['.metadata.name']).map(([ns, name]) => ({ kind: 'deployment', ns, name })),
      ...liveRows(player, 'pods', ['.metadata.name', '.metadata.ownerReferences[0].kind'])
        .filter(([, , owner]) => !owner)
        .map(([ns, name]) => ({ kind: 'pod', ns, name })),
    ];
    for (const t of targets) {
      const image = anotherImage(player, imagesOf(player, t.kind, t.ns, t.name));
      if (!image) continue;
      const cmd = `kubectl set image ${t.kind}/${t.name} -n ${t.ns} '*=${image}'`;
      player.run(cmd);
      typed.push(cmd);
    }
    return typed;
  },
};
