import { readBuiltInScenarios } from '../../src/scenarios/builtin-pack';
import { formatReport, validateScenario } from '../../src/scenarios/validate';
import { ScenarioSessionImpl } from '../../src/scenarios/scenario-session';

/**
 * Defines the per-scenario proofs for one shard of the built-in pack (every `shards`-th scenario by id),
 * so Jest can run the shards in parallel workers: the pack is the slowest part of the suite.
 */
export function proveBuiltIns(shard: number, shards: number): void {
  const scenarios = readBuiltInScenarios()
    .sort((a, b) => (a.format.id < b.format.id ? -1 : 1))
    .filter((_, i) => i % shards === shard);

  describe.each(scenarios.map((s) => [s.format.id, s] as const))('%s', (_id, scenario) => {
    it('is broken at start, stays broken, is solved by its reference solution and by no generic cheat', () => {
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
}
