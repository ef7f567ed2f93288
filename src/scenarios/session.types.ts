import type { Cluster } from '../cluster-engine';

/**
 * The contract between the game layer and a running scenario.
 * `src/game` drives sessions through this interface only; it never reaches into the engine.
 */

/** What one typed command line produced, as a terminal shows it. */
export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Set when the command keeps running (`kubectl get -w`): its further output comes from `readStreams`. */
  streamId?: string;
  /** Set when the command waits in an editor (`kubectl edit`): show `text`, then `saveEdit` or `cancelEdit`. */
  edit?: EditPayload;
}

/** A file for the player's editor; `path` is the temporary file name kubectl would use. */
export interface EditPayload {
  editId: string;
  text: string;
  path: string;
}

/** Tab completion: `candidates` replace the trailing `prefix` of the line; sorted. */
export interface Completion {
  prefix: string;
  candidates: string[];
}

/** Output a running command printed since the last read. */
export interface StreamOutput {
  streamId: string;
  stdout: string;
  /** The command finished on its own (`logs -f` after its container exited, `drain` once its evictions passed): this is its last output. */
  ended?: boolean;
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
  /** The root-cause diagnosis, graded apart from the repair. */
  diagnosis: DiagnosisState;
  /** Points won (or lost, for wrong answers) in the scenario's quiz so far. */
  quizPoints: number;
}

export interface DiagnosisAnswer {
  /** `kind/name`, e.g. `pod/web` or `deployment/api` */
  object: string;
  /** the symptom's Kubernetes reason, e.g. `ImagePullBackOff` */
  reason: string;
  /** the root cause, one of the scenario's causes, e.g. `wrong-tag` */
  cause: string;
}

export interface DiagnosisState {
  /** true once the right diagnosis was named */
  correct: boolean;
  wrongGuesses: number;
  /** points for the diagnosis minus the cost of wrong guesses (never below zero) */
  points: number;
}

export interface DiagnosisResult extends DiagnosisState {
  /** which parts of the last answer were right, to teach without giving the answer away */
  objectRight: boolean;
  reasonRight: boolean;
  causeRight: boolean;
}

export interface QuizQuestionView {
  id: string;
  question: string;
  choices: string[];
  /** more than one choice is right */
  multiple: boolean;
  points: number;
  /** present once answered */
  answered?: { correct: boolean; points: number; explanation: string };
}

export interface QuizResult {
  correct: boolean;
  points: number;
  explanation: string;
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
  /** the learning track this scenario belongs to, e.g. `pods-never-start` (see src/scenarios/tracks.ts) */
  track: string;
  /** the track's title, e.g. "Pods that never start" */
  trackTitle: string;
  /** the root causes a learner chooses from when diagnosing (empty: no diagnosis step) */
  diagnosisCauses: string[];
  diagnosisPoints: number;
  quizCount: number;
}

export interface ScenarioSession {
  readonly summary: ScenarioSummary;
  /** Runs one command line (kubectl and the small shell) against this session's cluster. */
  exec(line: string): CommandResult;
  /**
   * Runs `work` against the live cluster (the per-attempt Kubernetes API serves real kubectl through this),
   * then evaluates the objectives as after a typed command.
   */
  useCluster<T>(work: (cluster: Cluster) => T): T;
  /** Advances the virtual clock; objectives are evaluated after every simulated second. */
  tick(ms: number): void;
  /** What running commands (`get -w`, `logs -f`) printed since the last call; streams with nothing new are left out, ones that ended by themselves come once more with `ended`. */
  readStreams(): StreamOutput[];
  /** Ctrl-C: ends a running command; unknown or ended ids are ignored. */
  interrupt(streamId: string): void;
  /** The editor saved `text`: the edit goes on (the result may carry a new `edit`, reopened with errors). Unknown or finished id → exit code 1. */
  saveEdit(editId: string, text: string): CommandResult;
  /** The editor quit without saving (as if saved unchanged). Unknown or finished id → exit code 1. */
  cancelEdit(editId: string): CommandResult;
  /** Tab completion of a partly typed line (reads the cluster, changes nothing). */
  complete(line: string): Completion;
  progress(): SessionProgress;
  /** Takes the next hint (or returns it again if taken); its cost counts against the score. */
  takeHint(index: number): HintView;
  hints(): HintView[];
  /** Shown after solving. */
  debrief(): string;
  /** Grades a root-cause diagnosis (object, reason, cause); wrong guesses cost points; a right one counts once. */
  diagnose(answer: DiagnosisAnswer): DiagnosisResult;
  quiz(): QuizQuestionView[];
  /** Answers a quiz question once (choice indices); throws RangeError for an unknown id or a second answer. */
  answerQuiz(id: string, choices: number[]): QuizResult;
  /**
   * What happened in the cluster since `cursor` (the `seq` of the last entry the caller has stored; 0 at first),
   * oldest first. Entries up to `cursor` are forgotten (acknowledged); later ones stay until a later call
   * acknowledges them, and are part of the snapshot meanwhile. New entries always get a `seq` above `cursor`.
   */
  timelineSince(cursor: number): TimelineEntry[];
  /** The `seq` of the last entry recorded so far (at least `cursor`), without copying: places a command among them. */
  timelineSeq(cursor: number): number;
  /**
   * Everything needed to continue later, as plain JSON: by default only what differs from the scenario's warm-up
   * (small, but restorable only over that same warm-up); `selfContained` holds the whole cluster, so it restores
   * even after an upgrade changed the warm-up.
   */
  snapshot(options?: { selfContained?: boolean }): SessionSnapshot;
  /** The live picture of the cluster (nodes and pods) the browser draws beside the terminal. */
  clusterView(): ClusterView;
  /** `kubectl describe KIND NAME [-n NAMESPACE]` as text; throws RangeError (kubectl's message) for an unknown kind or object. */
  describe(kind: string, namespace: string | undefined, name: string): string;
}

/** A node as the cluster view draws it. */
export interface ClusterViewNode {
  name: string;
  /** the Ready condition is True */
  ready: boolean;
  /** exactly the STATUS column of `kubectl get nodes`, e.g. `NotReady,SchedulingDisabled` */
  status: string;
  roles: string[];
  /** conditions away from their healthy state (Ready not True, a pressure True) */
  conditions: Array<{ type: string; status: string; reason: string; message: string }>;
  /** `key=value:Effect` (or `key:Effect`), as `kubectl describe node` lists them */
  taints: string[];
  unschedulable: boolean;
}

/** A pod as the cluster view draws it. */
export interface ClusterViewPod {
  namespace: string;
  name: string;
  /** spec.nodeName, or null while unscheduled */
  node: string | null;
  /** exactly the STATUS column of `kubectl get pods`, e.g. `CrashLoopBackOff`, `Init:0/1`, `Terminating` */
  status: string;
  /** the READY column, e.g. `1/1` */
  ready: string;
  /** total restarts (the RESTARTS column without its "(5s ago)") */
  restarts: number;
}

/** Nodes and pods of every namespace, sorted by name; a pure function of the API objects (no ages). */
export interface ClusterView {
  nodes: ClusterViewNode[];
  pods: ClusterViewPod[];
}

interface TimelineBase {
  /** Order of recording; increases by one per entry. */
  seq: number;
  /** Virtual ms since the attempt started; negative for what happened during the scenario's warm-up. */
  atMs: number;
}

/**
 * A Kubernetes Event: recorded when first seen, and again (same `key`) when its count rose after the first
 * record was handed out. A reader keeps the first record's time and the highest count.
 */
export interface TimelineEventEntry extends TimelineBase {
  kind: 'event';
  /** The Event object's `namespace/name`: the same for every record of one (deduplicated) event. */
  key: string;
  type: 'Normal' | 'Warning';
  reason: string;
  /** `kind/name` of the involved object, as `kubectl events` prints it: `pod/web` */
  object: string;
  namespace?: string;
  message: string;
  count: number;
  /** Virtual ms of the latest occurrence. */
  lastSeenMs: number;
}

/** A pod's READY or STATUS column (as `kubectl get pods` prints them) changed, or the pod was deleted. */
export interface TimelinePodEntry extends TimelineBase {
  kind: 'pod';
  object: string;
  namespace: string;
  /** STATUS, e.g. `ImagePullBackOff`, `Running`, `Terminating` (the last one seen when deleted) */
  status: string;
  /** READY, e.g. `0/1` */
  ready: string;
  deleted?: true;
}

/** A node's STATUS column changed (`Ready`, `NotReady`, `Ready,SchedulingDisabled`, ...), or it was deleted. */
export interface TimelineNodeEntry extends TimelineBase {
  kind: 'node';
  object: string;
  status: string;
  deleted?: true;
}

/** An objective started or stopped holding. */
export interface TimelineObjectiveEntry extends TimelineBase {
  kind: 'objective';
  id: string;
  description: string;
  met: boolean;
}

/** A guard rail was broken (recorded once, like the penalty). */
export interface TimelineGuardRailEntry extends TimelineBase {
  kind: 'guard-rail';
  id: string;
  description: string;
  penalty: number;
}

/** Every objective held for the stabilisation window: solved (`solvedAtMs` is when they began to hold). */
export interface TimelineSolvedEntry extends TimelineBase {
  kind: 'solved';
  solvedAtMs: number;
}

export type TimelineEntry =
  | TimelineEventEntry
  | TimelinePodEntry
  | TimelineNodeEntry
  | TimelineObjectiveEntry
  | TimelineGuardRailEntry
  | TimelineSolvedEntry;

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
  /**
   * A session continued from a snapshot taken by `ScenarioSession.snapshot()`; throws `SnapshotOutdatedError`
   * when the snapshot was taken over another warm-up of its scenario.
   */
  restore(snapshot: SessionSnapshot): ScenarioSession;
}

export class UnknownScenarioError extends Error {
  constructor(readonly scenarioId: string) {
    super(`scenario "${scenarioId}" not found`);
  }
}

/**
 * A snapshot holds its cluster as differences from the scenario's warm-up; after an upgrade that changed
 * the warm-up (the engine or the scenario), those differences fit nothing, and the attempt cannot go on.
 */
export class SnapshotOutdatedError extends Error {
  constructor(readonly scenarioId: string) {
    super(`the saved cluster of scenario "${scenarioId}" was built by another version of its simulation`);
  }
}
