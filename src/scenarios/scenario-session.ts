import { Cluster, ClusterSnapshot, KubeObject, kindInfo, resolveKind } from '../cluster-engine';
import { LAST_APPLIED, lastAppliedOf } from '../kubectl/verbs/apply.verb';
import { buildClusterView, describeInCluster } from './cluster-view';
import {
  ClusterView,
  CommandResult,
  Completion,
  DiagnosisAnswer,
  DiagnosisResult,
  DiagnosisState,
  HintView,
  ObjectiveProgress,
  QuizQuestionView,
  QuizResult,
  ScenarioSession,
  ScenarioSummary,
  SessionProgress,
  SessionSnapshot,
  StreamOutput,
  TimelineEntry,
} from './session.types';
import { TimelineRecorder, TimelineState } from './timeline-recorder';
import { TimelineAgainstFirstPage, isPackedTimeline, packTimeline, unpackTimeline } from './timeline-pack';
import { CommandStream, PendingEdit } from '../kubectl/result';
import { LoadedScenario, resolveVariant } from './load';
import { evaluateCheck } from './checks/registry';
import { FAULTS } from './faults/registry';
import { CommandShell, createShell, ShellResult } from './shell-factory';
import { warmBase, warmCluster } from './warm-start';
import { trackTitle } from './tracks';
import { GuardRailFormat, HintFormat, ObjectiveFormat } from './format/scenario.format';

const STEP_MS = 1000;
const DEFAULT_STABILISATION_S = 30;
const MAX_STREAMS = 3;
const MAX_EDITS = 3;

interface SessionState {
  startMs: number;
  diagnosis: { correct: boolean; wrongGuesses: number };
  /** quiz answers by question id */
  quiz: Record<string, { correct: boolean; points: number }>;
  /** when all objectives (and guard rails) began to hold without a break */
  heldSinceMs?: number;
  solvedAtMs?: number;
  hintsTaken: number[];
  violations: string[];
  /** The cluster timeline recorded so far (absent in snapshots from before timelines existed). */
  timeline?: TimelineState;
}

export interface SessionSnapshotV1 extends SessionSnapshot {
  /** the drawn variant's parameter values (a record; the seed alone determines it) */
  variant?: Record<string, string>;
  cluster: ClusterSnapshot;
  shell: unknown;
  /** The timeline, in a snapshot of a warm-started attempt, is its difference from the warm-up's first page. */
  state: Omit<SessionState, 'timeline'> & { timeline?: TimelineState | TimelineAgainstFirstPage };
}

export function summarise(s: LoadedScenario): ScenarioSummary {
  const f = s.format;
  return {
    id: f.id,
    title: f.title,
    summary: f.summary,
    difficulty: f.difficulty,
    tags: f.tags,
    points: f.points,
    parSeconds: f.parSeconds,
    objectives: f.objectives.map((o) => ({ id: o.id, description: o.description })),
    hintCount: f.hints?.length ?? 0,
    track: f.track,
    trackTitle: trackTitle(f.track) ?? f.track,
    diagnosisCauses: f.diagnosis?.causes ?? [],
    diagnosisPoints: f.diagnosis?.points ?? 0,
    quizCount: f.quiz?.length ?? 0,
  };
}

/** `pod/web`, `pods/web`, `po/web` and `Pod/web` name the same object. */
function sameObject(given: string, expected: string): boolean {
  const [gk, gn] = given.trim().split('/');
  const [ek, en] = expected.split('/');
  const gInfo = gk ? resolveKind(gk) : undefined;
  const eInfo = resolveKind(ek);
  return !!gInfo && gInfo === eInfo && gn === en;
}

/** Scenario manifests arrive as if the lab's author had run `kubectl apply -f` on them. */
function asApplied(obj: KubeObject): KubeObject {
  const placed = structuredClone(obj);
  if (kindInfo(placed.kind).namespaced) placed.metadata.namespace ??= 'default';
  placed.metadata.annotations = { ...(placed.metadata.annotations ?? {}), [LAST_APPLIED]: lastAppliedOf(placed) };
  return placed;
}

/** Builds the scenario's cluster, fires its faults during warm-up, and hands the player a cluster that is already broken. */
export function buildCluster(scenario: LoadedScenario, seed: number): Cluster {
  const f = scenario.format;
  const cluster = Cluster.create(
    {
      nodes: f.cluster.nodes,
      registry: (f.cluster.registry ?? []) as never,
      objects: scenario.objects.map(asApplied),
      staticControlPlane: f.cluster.staticControlPlane ?? true,
      metricsServer: f.cluster.metricsServer ?? true,
    },
    seed,
  );
  const faults = [...(f.faults ?? [])].sort((a, b) => (a.atSeconds ?? 0) - (b.atSeconds ?? 0));
  const t0 = cluster.nowMs();
  const warmupMs = (f.cluster.warmupSeconds ?? 0) * 1000;
  for (const fault of faults) {
    const at = t0 + (fault.atSeconds ?? 0) * 1000;
    cluster.tick(Math.max(0, at - cluster.nowMs()));
    const plugin = FAULTS.get(fault.type)!;
    plugin.apply(cluster, plugin.parse(fault as never) as never);
  }
  cluster.tick(Math.max(0, t0 + warmupMs - cluster.nowMs()));
  return cluster;
}

/**
 * One player's run of one scenario: the cluster, the shell they type into, and the scoring state.
 * Objectives are evaluated after every simulated second; solved once they all hold (and no guard rail is
 * broken) for the stabilisation window.
 */
export class ScenarioSessionImpl implements ScenarioSession {
  readonly summary: ScenarioSummary;
  /** Commands still running (`get -w`); they live in memory only and end with a restart. */
  private readonly streams = new Map<string, CommandStream>();
  private streamSeq = 0;
  /** Files open in the player's editor (`kubectl edit`); in memory only, like streams. */
  private readonly edits = new Map<string, PendingEdit>();
  private editSeq = 0;
  /** The outcome of the last evaluate() and the cluster resourceVersion it was computed at. */
  private lastChecked?: { resourceVersion: string; holding: boolean };
  /** The last cluster view and the resourceVersion it was built at (the view reads only API objects). */
  private lastView?: { resourceVersion: string; view: ClusterView };
  /** The objectives as last checked, and the resourceVersion they were checked at (see currentObjectives). */
  private lastObjectives?: { resourceVersion: string; objectives: ObjectiveProgress[] };
  private readonly timeline: TimelineRecorder;

  private constructor(
    private readonly scenario: LoadedScenario,
    private readonly seed: number,
    private readonly cluster: Cluster,
    private readonly shell: CommandShell,
    private readonly s: SessionState,
    restored: boolean,
    /** The warm-up's first page of the timeline (see TimelineRecorder.firstPage): shared, and what snapshots leave out. */
    private readonly firstPage?: TimelineState,
  ) {
    this.summary = summarise(scenario);
    this.timeline = restored
      ? TimelineRecorder.restore(cluster, s.startMs, s.timeline)
      : firstPage
        ? TimelineRecorder.startFromFirstPage(cluster, s.startMs, firstPage)
        : TimelineRecorder.start(cluster, s.startMs);
    s.timeline = this.timeline.state;
    // The objectives as the player finds them are the timeline's first word on them.
    if (!restored) this.timeline.objectives(this.currentObjectives());
  }

  /** Starts an attempt; a scenario with parameters plays the variant its seed draws. */
  static start(template: LoadedScenario, seed: number): ScenarioSessionImpl {
    const scenario = resolveVariant(template, seed);
    const cluster = warmCluster(scenario, seed, buildCluster);
    const shell = createShell(cluster, scenario.format.files ?? {});
    const firstPage = TimelineRecorder.firstPage(() => cluster, cluster.nowMs(), warmBase(scenario, buildCluster));
    return new ScenarioSessionImpl(scenario, seed, cluster, shell, {
      startMs: cluster.nowMs(),
      hintsTaken: [],
      violations: [],
      diagnosis: { correct: false, wrongGuesses: 0 },
      quiz: {},
    }, false, firstPage);
  }

  static restore(template: LoadedScenario, snap: SessionSnapshotV1): ScenarioSessionImpl {
    const scenario = resolveVariant(template, snap.seed);
    // A snapshot against the warm-up restores over it (the same warm-up, or restore refuses).
    const cluster = Cluster.restore(snap.cluster, snap.cluster.store.base ? { base: warmBase(scenario, buildCluster) } : {});
    const shell = createShell(cluster, scenario.format.files ?? {}, snap.shell);
    const { timeline, ...state } = structuredClone(snap.state);
    // A timeline against the warm-up's first page: that page comes from a pristine start of the same warm-up
    // (built only if no attempt on this warm-up recorded the page yet).
    const firstPage = isPackedTimeline(timeline)
      ? TimelineRecorder.firstPage(() => warmCluster(scenario, 0, buildCluster), state.startMs, warmBase(scenario, buildCluster))
      : undefined;
    return new ScenarioSessionImpl(scenario, snap.seed, cluster, shell, { ...state, timeline: isPackedTimeline(timeline) ? unpackTimeline(timeline, firstPage!) : timeline }, true, firstPage);
  }

  /** The variant this attempt plays (parameter values), or undefined for a scenario without parameters. */
  get variant(): Record<string, string> | undefined {
    return this.scenario.variant?.values;
  }

  /** For tests and the validator: the live cluster. */
  get clusterForInspection(): Cluster {
    return this.cluster;
  }

  exec(line: string): CommandResult {
    const result = this.adopt(this.shell.run(line));
    this.evaluate();
    return result;
  }

  saveEdit(editId: string, text: string): CommandResult {
    return this.continueEdit(editId, (e) => e.save(text));
  }

  cancelEdit(editId: string): CommandResult {
    return this.continueEdit(editId, (e) => e.cancel());
  }

  complete(line: string): Completion {
    return this.shell.complete(line);
  }

  private continueEdit(editId: string, step: (e: PendingEdit) => ShellResult): CommandResult {
    const pending = this.edits.get(editId);
    if (!pending) return { stdout: '', stderr: `error: no edit in progress with id "${editId}" (it was saved, cancelled, or lost when the server restarted); run kubectl edit again\n`, exitCode: 1 };
    this.edits.delete(editId);
    const result = this.adopt(step(pending));
    this.evaluate();
    return result;
  }

  /** Gives a shell result's running command and open editor ids the client can refer to. */
  private adopt({ stream, edit, ...result }: ShellResult): CommandResult {
    const out: CommandResult = result;
    if (edit) {
      const editId = `e${++this.editSeq}`;
      this.edits.set(editId, edit);
      while (this.edits.size > MAX_EDITS) this.edits.delete(this.edits.keys().next().value!);
      out.edit = { editId, text: edit.text, path: edit.path };
    }
    if (!stream) return out;
    const streamId = `w${++this.streamSeq}`;
    this.streams.set(streamId, stream);
    // A terminal runs one foreground command at a time; a few streams at most are kept.
    while (this.streams.size > MAX_STREAMS) this.interrupt(this.streams.keys().next().value!);
    return { ...out, streamId };
  }

  useCluster<T>(work: (cluster: Cluster) => T): T {
    try {
      return work(this.cluster);
    } finally {
      this.evaluate();
    }
  }

  readStreams(): StreamOutput[] {
    const out: StreamOutput[] = [];
    for (const [streamId, stream] of this.streams) {
      const stdout = stream.poll();
      const ended = stream.ended?.() ?? false;
      if (ended) this.streams.delete(streamId);
      if (stdout || ended) out.push({ streamId, stdout, ...(ended ? { ended } : {}) });
    }
    return out;
  }

  interrupt(streamId: string): void {
    this.streams.get(streamId)?.close();
    this.streams.delete(streamId);
  }

  tick(ms: number): void {
    let left = ms;
    while (left > 0) {
      const step = Math.min(STEP_MS, left);
      this.cluster.tick(step);
      left -= step;
      this.evaluate();
    }
  }

  progress(): SessionProgress {
    const objectives = this.currentObjectives().map((o) => ({ ...o }));
    const allMet = objectives.every((o) => o.met);
    const now = this.cluster.nowMs();
    return {
      elapsedMs: now - this.s.startMs,
      objectives,
      allMet,
      heldForMs: this.s.heldSinceMs !== undefined ? now - this.s.heldSinceMs : 0,
      stabilisationMs: this.stabilisationMs,
      violations: this.s.violations.map((id) => {
        const g = this.scenario.format.guardRails!.find((r) => r.id === id)!;
        return { id, description: g.description, penalty: g.penalty };
      }),
      solved: this.s.solvedAtMs !== undefined,
      ...(this.s.solvedAtMs !== undefined ? { solvedAtMs: this.s.solvedAtMs - this.s.startMs } : {}),
      diagnosis: this.diagnosisState(),
      quizPoints: Object.values(this.s.quiz).reduce((sum, a) => sum + a.points, 0),
    };
  }

  diagnose(answer: DiagnosisAnswer): DiagnosisResult {
    const d = this.scenario.format.diagnosis;
    if (!d) throw new RangeError('this scenario has no diagnosis step');
    const norm = (x: string) => x.trim().toLowerCase();
    const objectRight = sameObject(answer.object, d.object);
    const reasonRight = norm(answer.reason) === norm(d.reason);
    const causeRight = norm(answer.cause) === norm(d.cause);
    if (!this.s.diagnosis.correct) {
      if (objectRight && reasonRight && causeRight) this.s.diagnosis.correct = true;
      else this.s.diagnosis.wrongGuesses++;
    }
    return { ...this.diagnosisState(), objectRight, reasonRight, causeRight };
  }

  quiz(): QuizQuestionView[] {
    return (this.scenario.format.quiz ?? []).map((q) => {
      const a = this.s.quiz[q.id];
      return {
        id: q.id,
        question: q.question,
        choices: q.choices,
        multiple: q.answers.length > 1,
        points: q.points,
        ...(a ? { answered: { correct: a.correct, points: a.points, explanation: q.explanation } } : {}),
      };
    });
  }

  answerQuiz(id: string, choices: number[]): QuizResult {
    const q = (this.scenario.format.quiz ?? []).find((x) => x.id === id);
    if (!q) throw new RangeError(`quiz question "${id}" does not exist`);
    if (this.s.quiz[id]) throw new RangeError(`quiz question "${id}" was already answered`);
    const given = [...new Set(choices)].sort((a, b) => a - b);
    const correct = given.length === q.answers.length && [...q.answers].sort((a, b) => a - b).every((a, i) => a === given[i]);
    const points = correct ? q.points : 0;
    this.s.quiz[id] = { correct, points };
    return { correct, points, explanation: q.explanation };
  }

  private diagnosisState(): DiagnosisState {
    const d = this.scenario.format.diagnosis;
    const { correct, wrongGuesses } = this.s.diagnosis;
    const points = d && correct ? Math.max(0, d.points - wrongGuesses * d.wrongPenalty) : 0;
    return { correct, wrongGuesses, points };
  }

  hints(): HintView[] {
    return (this.scenario.format.hints ?? []).map((h, index) => ({ index, cost: h.cost, ...(this.s.hintsTaken.includes(index) ? { text: this.hintText(h) } : {}) }));
  }

  /** A hint reads the live cluster: the first state whose check holds speaks instead of the default text. */
  private hintText(h: HintFormat): string {
    for (const st of h.states ?? []) {
      if (evaluateCheck(this.cluster, st.when).met) return st.text;
    }
    return h.text;
  }

  takeHint(index: number): HintView {
    const hints = this.scenario.format.hints ?? [];
    if (!Number.isInteger(index) || index < 0 || index >= hints.length) throw new RangeError(`hint ${index} does not exist (this scenario has ${hints.length})`);
    if (!this.s.hintsTaken.includes(index)) this.s.hintsTaken.push(index);
    return { index, cost: hints[index].cost, text: this.hintText(hints[index]) };
  }

  clusterView(): ClusterView {
    const resourceVersion = this.cluster.resourceVersion;
    if (this.lastView?.resourceVersion !== resourceVersion) this.lastView = { resourceVersion, view: buildClusterView(this.cluster) };
    return this.lastView.view;
  }

  describe(kind: string, namespace: string | undefined, name: string): string {
    return describeInCluster(this.cluster, kind, namespace, name);
  }

  timelineSince(cursor: number): TimelineEntry[] {
    return this.timeline.since(cursor);
  }

  timelineSeq(cursor: number): number {
    return this.timeline.lastSeq(cursor);
  }

  debrief(): string {
    return this.scenario.format.explanation;
  }

  snapshot(options: { selfContained?: boolean } = {}): SessionSnapshotV1 {
    // By default against the warm-up the attempt started from: what it still shares with it is left out.
    const againstBase = !options.selfContained;
    return {
      version: 1,
      scenarioId: this.scenario.format.id,
      seed: this.seed,
      ...(this.scenario.variant ? { variant: { ...this.scenario.variant.values } } : {}),
      cluster: this.cluster.snapshot({ againstBase }),
      shell: this.shell.snapshot(),
      state: {
        ...structuredClone({ ...this.s, timeline: undefined }),
        timeline: againstBase && this.firstPage ? packTimeline(this.timeline.state, this.firstPage) : structuredClone(this.timeline.state),
      },
    };
  }

  private get stabilisationMs(): number {
    return (this.scenario.format.stabilisationSeconds ?? DEFAULT_STABILISATION_S) * 1000;
  }

  private checkAll(list: ObjectiveFormat[] | GuardRailFormat[]): ObjectiveProgress[] {
    return list.map((o) => {
      const result = evaluateCheck(this.cluster, o.check);
      return { id: o.id, description: o.description, met: result.met, ...(result.met ? {} : { whyNot: result.whyNot }) };
    });
  }

  /**
   * The objectives at the store's current resourceVersion. Checks read only API objects, so they are re-run
   * only when the store changed; evaluate() (after every command and step) and progress() share the outcome.
   */
  private currentObjectives(): ObjectiveProgress[] {
    const resourceVersion = this.cluster.resourceVersion;
    if (this.lastObjectives?.resourceVersion !== resourceVersion) {
      this.lastObjectives = { resourceVersion, objectives: this.checkAll(this.scenario.format.objectives) };
    }
    return this.lastObjectives.objectives;
  }

  /** Scores the state after each step: guard rails first (a broken one is recorded once), then the objectives. */
  private evaluate(): void {
    if (this.s.solvedAtMs !== undefined) return;
    const now = this.cluster.nowMs();
    // Checks are pure functions of the API objects, so they are re-run only when the store has changed.
    const resourceVersion = this.cluster.resourceVersion;
    if (this.lastChecked?.resourceVersion !== resourceVersion) {
      const rails = this.checkAll(this.scenario.format.guardRails ?? []);
      for (const r of rails) {
        if (r.met || this.s.violations.includes(r.id)) continue;
        this.s.violations.push(r.id);
        this.timeline.guardRailBroken(r.id, r.description, this.scenario.format.guardRails!.find((g) => g.id === r.id)!.penalty);
      }
      const objectives = this.currentObjectives();
      this.timeline.objectives(objectives);
      const holding = rails.every((r) => r.met) && objectives.every((o) => o.met);
      this.lastChecked = { resourceVersion, holding };
    }
    const holding = this.lastChecked.holding;
    if (!holding) {
      this.s.heldSinceMs = undefined;
      return;
    }
    this.s.heldSinceMs ??= now;
    if (now - this.s.heldSinceMs >= this.stabilisationMs) {
      this.s.solvedAtMs = this.s.heldSinceMs;
      this.timeline.solved(this.s.solvedAtMs);
    }
  }
}
