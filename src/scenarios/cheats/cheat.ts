import { CommandResult } from '../session.types';

/** What a cheat can do: type commands as a player would, and let virtual time pass. */
export interface CheatPlayer {
  run(line: string): CommandResult;
  wait(seconds: number): void;
  /** Images the cluster's registry serves (a player finds them by trying), `repo:tag`, public ones only. */
  readonly registryImages: readonly string[];
}

/**
 * A generic shortcut a scenario must not accept as a fix. It works out what to do from the live cluster
 * (kubectl output), never from the scenario file, so it is the shortcut any player could take.
 * One file each plus a line in the registry.
 */
export interface Cheat {
  id: string;
  description: string;
  /** Plays the cheat; returns the commands that changed something (empty: nothing to cheat with here). */
  play(player: CheatPlayer): string[];
}

/** Namespaces kubeadm creates; a cheat leaves their content alone (kube-system is the control plane). */
export const SYSTEM_NAMESPACES = ['kube-system', 'kube-public', 'kube-node-lease'];

/** Rows of `kubectl get KIND -A -o jsonpath=…` as arrays of fields, for the namespaces a player works in. */
export function liveRows(player: CheatPlayer, kind: string, fields: string[]): string[][] {
  const cells = fields.map((f) => `{${f}}`).join('{" "}');
  const r = player.run(`kubectl get ${kind} -A -o jsonpath='{range .items[*]}{.metadata.namespace}{" "}${cells}{"\\n"}{end}'`);
  if (r.exitCode !== 0) return [];
  return r.stdout
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => l.split(' '))
    .filter(([ns]) => !SYSTEM_NAMESPACES.includes(ns));
}

/** `nginx:1.27` → `nginx`; `registry:5000/app:1` → `registry:5000/app`. */
export function repositoryOf(image: string): string {
  const at = image.split('@')[0];
  const slash = at.lastIndexOf('/');
  const colon = at.lastIndexOf(':');
  return colon > slash ? at.slice(0, colon) : at;
}

/** A registry image from another repository than any of `current`: nginx first, as a player would reach for it. */
export function anotherImage(player: CheatPlayer, current: string[]): string | undefined {
  const used = new Set(current.map(repositoryOf));
  const others = player.registryImages.filter((i) => !used.has(repositoryOf(i)));
  return others.find((i) => repositoryOf(i) === 'nginx') ?? others[0];
}
