import { Cluster, ClusterBase, deepFreeze } from '../cluster-engine';
import type { LoadedScenario } from './load';

/**
 * Warmed-up clusters, one per scenario object. A drawn variant and an authored version are each their own
 * LoadedScenario object, so the key covers them; a scenario nobody references any more drops its entry.
 */
const warmed = new WeakMap<LoadedScenario, ClusterBase>();

/**
 * The cluster an attempt starts on: the scenario's warm-up (faults fired, ~30 simulated seconds of
 * reconciliation) is simulated once, from a seed of the scenario's own, and kept as a snapshot; each attempt
 * restores it and draws from then on with its own seed. So a start costs a restore instead of the warm-up,
 * every attempt of a scenario (variant, version) finds the same broken cluster (same pod names, UIDs, IPs),
 * and two attempts with different seeds diverge from their first random draw on. Cached or not, a start is
 * the same function of (scenario, seed): `build` is only ever called with `warmupSeed(scenario)`.
 */
export function warmCluster(scenario: LoadedScenario, seed: number, build: (scenario: LoadedScenario, seed: number) => Cluster): Cluster {
  const base = warmBase(scenario, build);
  // Every attempt's store starts out sharing the snapshot's API objects (a write replaces an object, it
  // never changes one), so an untouched pod or event costs its cluster nothing; component states are
  // copied. The snapshot is frozen: a stray in-place write would throw instead of leaking between attempts.
  return Cluster.restore({ ...base.snapshot, rng: seed }, { shareObjects: true, base });
}

/**
 * The scenario's warmed-up cluster as a frozen base (simulated on first use). Its id hashes its content, so
 * a session snapshot taken against it restores only over the very same warm-up.
 */
export function warmBase(scenario: LoadedScenario, build: (scenario: LoadedScenario, seed: number) => Cluster): ClusterBase {
  let base = warmed.get(scenario);
  if (!base) {
    const snapshot = build(scenario, warmupSeed(scenario)).snapshot();
    base = { id: `${scenario.format.id}@${fnv1a(JSON.stringify(snapshot)).toString(16).padStart(8, '0')}`, snapshot: deepFreeze(snapshot) };
    warmed.set(scenario, base);
  }
  return base;
}

/** The warm-up's seed: a hash (FNV-1a) of the scenario id, so it depends on nothing but the scenario. */
export function warmupSeed(scenario: LoadedScenario): number {
  let hash = 0x811c9dc5;
  for (const ch of scenario.format.id) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return hash;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/** Forgets every warmed-up cluster (tests). */
export function clearWarmClusters(scenario: LoadedScenario): void {
  warmed.delete(scenario);
}
