import { readBuiltInScenarios } from './builtin-pack';
import { formatReport, validateScenario } from './validate';
import { ScenarioSessionImpl } from './scenario-session';

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
