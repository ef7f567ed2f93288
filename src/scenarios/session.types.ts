/**
 * The contract between the game layer and a running scenario.
 * `src/game` drives sessions through this interface only; it never reaches into the engine.
 */

/** What one typed command line produced, as a terminal shows it. */
export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface ObjectiveProgress {
  id: string;
  description: string;
  met: boolean;
  /** Why the objective is not met yet (shown on request); absent when met. */
  whyNot?: string;
}

export interface SessionProgress {
  /** Virtual milliseconds since the attempt started (after warm-up). */
  elapsedMs: number;
  objectives: ObjectiveProgress[];
  allMet: boolean;
  /** How long all objectives have held without a break (virtual ms). */
  heldForMs: number;
  /** The scenario's stabilisation window: all objectives must hold this long. */
  stabilisationMs: number;
  /** Guard rails broken so far (e.g. "scaled to zero"), each costs points. */
  violations: Array<{ id: string; description: string; penalty: number }>;
  solved: boolean;
  /** Virtual ms from start to the moment the objectives started holding for good; set once solved. */
  solvedAtMs?: number;
}

export interface HintView {
  index: number;
  cost: number;
  /** Present once the hint was taken. */
  text?: string;
}

/** The public face of a scenario: what a catalogue lists and a player reads before starting. */
export interface ScenarioSummary {
  id: string;
  title: string;
  summary: string;
  difficulty: 'beginner' | 'intermediate' | 'advanced';
  tags: string[];
  points: number;
  parSeconds: number;
  objectives: Array<{ id: string; description: string }>;
  hintCount: number;
}

export interface ScenarioSession {
  readonly summary: ScenarioSummary;
  /** Runs one command line (kubectl and the small shell) against this session's cluster. */
  exec(line: string): CommandResult;
  /** Advances the virtual clock; objectives are evaluated after every simulated second. */
  tick(ms: number): void;
  progress(): SessionProgress;
  /** Takes the next hint (or returns it again if taken); its cost counts against the score. */
  takeHint(index: number): HintView;
  hints(): HintView[];
  /** Shown after solving. */
  debrief(): string;
  /** Everything needed to continue later, as plain JSON. */
  snapshot(): SessionSnapshot;
}

export interface SessionSnapshot {
  version: 1;
  scenarioId: string;
  seed: number;
  [state: string]: unknown;
}

/** The scenario catalogue; `src/scenarios/catalog.ts` exports `loadBuiltInCatalog(): ScenarioCatalogApi`. */
export interface ScenarioCatalogApi {
  list(): ScenarioSummary[];
  get(id: string): ScenarioSummary | undefined;
  /** A fresh session of scenario `id`, deterministic for `seed`; throws `UnknownScenarioError` if no such id. */
  start(id: string, seed: number): ScenarioSession;
  /** A session continued from a snapshot taken by `ScenarioSession.snapshot()`. */
  restore(snapshot: SessionSnapshot): ScenarioSession;
}

export class UnknownScenarioError extends Error {
  constructor(readonly scenarioId: string) {
    super(`scenario "${scenarioId}" not found`);
  }
}
