import { readBuiltInScenarios } from '../../src/scenarios/builtin-pack';
import { proveBuiltIns } from '../support/prove-builtins';
import { TRACK_IDS } from '../../src/scenarios/tracks';
import { resolveVariant } from '../../src/scenarios/load';

const scenarios = readBuiltInScenarios();

describe('built-in scenarios, proven by simulation', () => {
  it('has the five headline faults of the walking skeleton, and more', () => {
    expect(scenarios.map((s) => s.format.id).sort()).toEqual(expect.arrayContaining([
      'crashloop-missing-env',
      'imagepull-wrong-tag',
      'node-notready-kubelet',
      'pending-insufficient-cpu',
      'readiness-wrong-port',
    ]));
  });

  it('puts every scenario in a known track, with a beginner-to-advanced ladder in every track but the CKA drills', () => {
    for (const s of scenarios) expect(TRACK_IDS).toContain(s.format.track);
    for (const track of ['pods-never-start', 'crashing-containers', 'storage', 'policy-quota', 'networking', 'nodes', 'control-plane', 'rollouts']) {
      const levels = new Set(scenarios.filter((s) => s.format.track === track).map((s) => s.format.difficulty));
      expect([track, [...levels].sort()]).toEqual([track, ['advanced', 'beginner', 'intermediate']]);
    }
    // the exam track: timed multi-fault clusters, all advanced, with a longer par time than any ladder scenario
    const cka = scenarios.filter((s) => s.format.track === 'cka');
    expect(cka.length).toBeGreaterThanOrEqual(2);
    for (const s of cka) expect([s.format.id, s.format.difficulty, s.format.parSeconds >= 600]).toEqual([s.format.id, 'advanced', true]);
  });

  it('has scenarios with variants, each drawing its parameters from the seed', () => {
    const withVariants = scenarios.filter((s) => s.template);
    expect(withVariants.length).toBeGreaterThanOrEqual(3);
    for (const s of withVariants) {
      const drawn = new Set(Array.from({ length: 12 }, (_, seed) => JSON.stringify(resolveVariant(s, seed).variant)));
      expect(drawn.size).toBeGreaterThan(1);
    }
  });
});

// The per-scenario proofs, half here and half in builtin-proofs.spec.ts (two Jest workers).
proveBuiltIns(0, 2);
