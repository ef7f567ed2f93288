import { instantiate, LoadedScenario } from './load';
import { describeVariant, variantsToProve } from './variants';
import { ScenarioSessionImpl } from './scenario-session';
import { CommandResult } from './session.types';
import { CheatPlayer } from './cheats/cheat';
import { GENERIC_CHEATS } from './cheats/registry';

export interface ValidationStep {
  name: string;
  ok: boolean;
  detail: string;
}

export interface ValidationReport {
  scenarioId: string;
  ok: boolean;
  steps: ValidationStep[];
  /** For a scenario with parameters: each variant proved, e.g. `tag=1.25.99`, and whether it passed. */
  variants?: Array<{ index: number; label: string; ok: boolean }>;
}

export interface ValidateOptions {
  /** Prove every variant when there are at most this many, else this many drawn from the seed (default 8). */
  maxVariants?: number;
}

function solutionSteps(s: LoadedScenario): Array<{ run: string; waitSeconds: number }> {
  return s.format.solution.map((step) => (typeof step === 'string' ? { run: step, waitSeconds: 2 } : { run: step.run, waitSeconds: step.waitSeconds ?? 2 }));
}

function unmet(session: ScenarioSessionImpl): string {
  const p = session.progress();
  const why = p.objectives.filter((o) => !o.met).map((o) => `${o.id}: ${o.whyNot}`);
  const broken = p.violations.map((v) => `guard rail ${v.id} broken`);
  return [...why, ...broken].join('; ') || 'all objectives met';
}

/**
 * Validation by simulation, on the virtual clock: the scenario must be (1) broken at start and stay broken
 * for its par time, (2) solved by its reference solution within the par time, and (3) not solved by any
 * generic cheat. Returns a readable report instead of throwing.
 */
export function validateScenario(scenario: LoadedScenario, seed = 1, options: ValidateOptions = {}): ValidationReport {
  const template = scenario.template;
  if (!template) return { scenarioId: scenario.format.id, ...validateOne(scenario, seed) };
  // Every variant must be broken, stay broken, and be solved by its own reference solution; a failing one is named.
  const steps: ValidationStep[] = [];
  const variants: NonNullable<ValidationReport['variants']> = [];
  for (const index of variantsToProve(template.parameters, options.maxVariants ?? 8, seed)) {
    const variant = instantiate(template, index);
    const label = describeVariant(variant.variant!);
    const one = validateOne(variant, seed);
    variants.push({ index, label, ok: one.ok });
    steps.push(...one.steps.map((st) => ({ ...st, name: `[${label}] ${st.name}` })));
  }
  return { scenarioId: scenario.format.id, ok: variants.every((v) => v.ok), steps, variants };
}

function validateOne(scenario: LoadedScenario, seed: number): { ok: boolean; steps: ValidationStep[] } {
  const f = scenario.format;
  const steps: ValidationStep[] = [];
  const stabilise = (f.stabilisationSeconds ?? 30) * 1000;

  // Every run starts from the same warmed-up cluster: build it once, restore a copy per run.
  const warm = ScenarioSessionImpl.start(scenario, seed).snapshot();
  const fresh = () => ScenarioSessionImpl.restore(scenario, warm);
  const idle = fresh();
  const startMet = idle.progress().objectives.filter((o) => o.met).map((o) => o.id);
  const objectiveIds = f.objectives.map((o) => o.id);
  steps.push({
    name: 'broken at start',
    ok: !idle.progress().allMet,
    detail: startMet.length === objectiveIds.length ? 'every objective already holds at start' : `unmet at start: ${unmet(idle)}`,
  });
  idle.tick(f.parSeconds * 1000 + stabilise);
  steps.push({
    name: `stays broken for the par time (${f.parSeconds}s) when nobody acts`,
    ok: !idle.progress().solved,
    detail: idle.progress().solved ? 'solved itself without any command' : unmet(idle),
  });

  const solved = fresh();
  const transcript: string[] = [];
  for (const step of solutionSteps(scenario)) {
    const r: CommandResult = solved.exec(step.run);
    transcript.push(`$ ${step.run.split('\n')[0]} → exit ${r.exitCode}${r.exitCode ? `: ${r.stderr.trim().split('\n')[0]}` : ''}`);
    solved.tick(step.waitSeconds * 1000);
  }
  const deadline = f.parSeconds * 1000 + stabilise;
  while (!solved.progress().solved && solved.progress().elapsedMs < deadline) solved.tick(1000);
  const sp = solved.progress();
  const inPar = sp.solved && sp.solvedAtMs! <= f.parSeconds * 1000;
  steps.push({
    name: 'solved by the reference solution within the par time',
    ok: inPar && sp.violations.length === 0,
    detail: sp.solved ? `solved at ${Math.round(sp.solvedAtMs! / 1000)}s${sp.violations.length ? `, but broke ${sp.violations.map((v) => v.id).join(', ')}` : ''}` : `not solved: ${unmet(solved)}\n${transcript.join('\n')}`,
  });

  const registryImages = (f.cluster.registry ?? []).filter((r) => !r.private).flatMap((r) => Object.keys(r.tags).map((tag) => `${r.name}:${tag}`));
  for (const cheat of GENERIC_CHEATS) {
    const s = fresh();
    const player: CheatPlayer = { run: (line) => s.exec(line), wait: (seconds) => s.tick(seconds * 1000), registryImages };
    const typed = cheat.play(player);
    const name = `not solved by the cheat "${cheat.description}"`;
    // Nothing to cheat with (no Deployment to scale, no other image): the cluster stays as idle as step 2 proved.
    if (!typed.length) {
      steps.push({ name, ok: true, detail: 'nothing to try in this cluster' });
      continue;
    }
    s.tick(f.parSeconds * 1000 + stabilise);
    const cheated = s.progress().solved;
    steps.push({ name, ok: !cheated, detail: cheated ? `the cheat solved it:\n${typed.map((c) => `$ ${c}`).join('\n')}` : unmet(s) });
  }
  return { ok: steps.every((s) => s.ok), steps };
}

export function formatReport(report: ValidationReport): string {
  const lines = [`${report.ok ? 'PASS' : 'FAIL'} ${report.scenarioId}`];
  if (report.variants) lines.push(`  variants: ${report.variants.map((v) => `${v.ok ? '✓' : '✗'} ${v.label}`).join('; ')}`);
  for (const s of report.steps) lines.push(`  ${s.ok ? '✓' : '✗'} ${s.name}${s.ok ? '' : `\n      ${s.detail.replace(/\n/g, '\n      ')}`}`);
  return lines.join('\n');
}
