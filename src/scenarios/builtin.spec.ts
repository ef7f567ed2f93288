import { readBuiltInScenarios } from './builtin-pack';
import { formatReport, validateScenario } from './validate';
import { ScenarioSessionImpl } from './scenario-session';
import { TRACK_IDS } from './tracks';
import { resolveVariant } from './load';

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

  it('puts every scenario in a known track, with a beginner-to-advanced ladder in the pod, crash, storage and quota tracks', () => {
    for (const s of scenarios) expect(TRACK_IDS).toContain(s.format.track);
    for (const track of ['pods-never-start', 'crashing-containers', 'storage', 'policy-quota']) {
      const levels = new Set(scenarios.filter((s) => s.format.track === track).map((s) => s.format.difficulty));
      expect([track, [...levels].sort()]).toEqual([track, ['advanced', 'beginner', 'intermediate']]);
    }
  });

  it('has scenarios with variants, each drawing its parameters from the seed', () => {
    const withVariants = scenarios.filter((s) => s.template);
    expect(withVariants.length).toBeGreaterThanOrEqual(3);
    for (const s of withVariants) {
      const drawn = new Set(Array.from({ length: 12 }, (_, seed) => JSON.stringify(resolveVariant(s, seed).variant)));
      expect(drawn.size).toBeGreaterThan(1);
    }
  });

  describe.each(scenarios.map((s) => [s.format.id, s] as const))('%s', (_id, scenario) => {
    it('is broken at start, stays broken, is solved by its reference solution and not by deleting pods', () => {
      const report = validateScenario(scenario, 11);
      if (!report.ok) throw new Error(formatReport(report));
      expect(report.steps.map((s) => s.ok)).toEqual(report.steps.map(() => true));
      expect(report.steps.length).toBeGreaterThanOrEqual(5);
    });

    it('meets no objective after five idle minutes', () => {
      const session = ScenarioSessionImpl.start(scenario, 3);
      session.tick(5 * 60_000);
      const p = session.progress();
      expect(p.objectives.filter((o) => o.met)).toEqual([]);
      for (const o of p.objectives) expect(o.whyNot).toBeTruthy();
    });
  });
});
