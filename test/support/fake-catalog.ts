/**
 * A tiny stand-in for the scenario catalogue, for service tests of the game layer only
 * (the e2e tests use the real catalogue). One scenario, shaped like `imagepull-wrong-tag`:
 * pod "web" pulls a tag that does not exist until its image is changed to nginx:1.27.
 */
import type {
  ClusterView,
  CommandResult,
  DiagnosisAnswer,
  DiagnosisResult,
  HintView,
  QuizQuestionView,
  QuizResult,
  ScenarioCatalogApi,
  ScenarioSession,
  ScenarioSummary,
  SessionProgress,
  SessionSnapshot,
} from '../../src/scenarios/session.types';
import { UnknownScenarioError } from '../../src/scenarios/session.types';

export const FAKE_SCENARIO_ID = 'imagepull-wrong-tag';
const STABILISATION_MS = 10_000;
const BACKOFF_AFTER_MS = 3_000;

const summary: ScenarioSummary = {
  id: FAKE_SCENARIO_ID,
  title: 'Fake: wrong image tag',
  summary: 'Pod web cannot pull its image.',
  difficulty: 'beginner',
  tags: ['fake'],
  points: 100,
  parSeconds: 120,
  objectives: [{ id: 'web-running', description: 'Pod web is Running' }],
  hintCount: 2,
  track: 'pods-never-start',
  trackTitle: 'Pods that never start',
  diagnosisCauses: ['wrong-tag', 'private-image'],
  diagnosisPoints: 20,
  quizCount: 0,
};

const HINTS = [
  { cost: 5, text: 'Look at the pod events.' },
  { cost: 15, text: 'The tag 1.27.99 does not exist.' },
];

interface FakeState {
  image: string;
  elapsedMs: number;
  runningSinceMs: number | null;
  hintsTaken: number[];
  scaledToZero: boolean;
  diagnosed: boolean;
  wrongGuesses: number;
}

class FakeSession implements ScenarioSession {
  readonly summary = summary;

  constructor(
    private readonly seed: number,
    private readonly state: FakeState,
  ) {}

  /** The fake has no cluster behind it; the Kubernetes API tests use the real catalogue. */
  useCluster<T>(): T {
    throw new Error('the fake scenario has no cluster');
  }

  exec(line: string): CommandResult {
    const trimmed = line.trim();
    if (trimmed === 'kubectl get pods') {
      const status = this.status();
      return { stdout: `NAME   READY   STATUS   RESTARTS   AGE\nweb    ${status === 'Running' ? '1/1' : '0/1'}     ${status}   0          ${Math.floor(this.state.elapsedMs / 1000)}s\n`, stderr: '', exitCode: 0 };
    }
    if (trimmed.startsWith('kubectl apply -f -')) {
      const image = /image:\s*(\S+)/.exec(trimmed)?.[1];
      if (!image) return { stdout: '', stderr: 'error: no objects passed to apply\n', exitCode: 1 };
      this.state.image = image;
      this.state.runningSinceMs = image === 'nginx:1.27' ? this.state.elapsedMs : null;
      return { stdout: 'pod/web configured\n', stderr: '', exitCode: 0 };
    }
    if (trimmed === 'kubectl scale deployment web --replicas=0') {
      this.state.scaledToZero = true;
      return { stdout: 'deployment.apps/web scaled\n', stderr: '', exitCode: 0 };
    }
    const verb = trimmed.split(/\s+/)[0] ?? '';
    return { stdout: '', stderr: `${verb}: command not found\n`, exitCode: 127 };
  }

  tick(ms: number): void {
    this.state.elapsedMs += ms;
  }

  readStreams(): [] {
    return [];
  }

  interrupt(): void {}

  saveEdit(editId: string): CommandResult {
    return { stdout: '', stderr: `error: no edit in progress with id "${editId}"\n`, exitCode: 1 };
  }

  cancelEdit(editId: string): CommandResult {
    return this.saveEdit(editId);
  }

  complete(line: string): { prefix: string; candidates: string[] } {
    const prefix = line.split(/\s+/).pop() ?? '';
    return { prefix, candidates: ['kubectl'].filter((c) => c.startsWith(prefix) && line.trim() === prefix) };
  }

  /** The fake cluster records no timeline. */
  timelineSince(): [] {
    return [];
  }

  timelineSeq(cursor: number): number {
    return cursor;
  }

  progress(): SessionProgress {
    const met = this.status() === 'Running';
    const heldForMs = met && this.state.runningSinceMs !== null ? this.state.elapsedMs - this.state.runningSinceMs : 0;
    const solved = met && heldForMs >= STABILISATION_MS;
    return {
      elapsedMs: this.state.elapsedMs,
      objectives: [{ id: 'web-running', description: 'Pod web is Running', met, ...(met ? {} : { whyNot: `pod web is ${this.status()}` }) }],
      allMet: met,
      heldForMs,
      stabilisationMs: STABILISATION_MS,
      violations: this.state.scaledToZero ? [{ id: 'scaled-to-zero', description: 'scaled to zero', penalty: 20 }] : [],
      solved,
      ...(solved && this.state.runningSinceMs !== null ? { solvedAtMs: this.state.runningSinceMs } : {}),
      diagnosis: this.diagnosisState(),
      quizPoints: 0,
    };
  }

  takeHint(index: number): HintView {
    if (!this.state.hintsTaken.includes(index)) this.state.hintsTaken.push(index);
    return { index, cost: HINTS[index].cost, text: HINTS[index].text };
  }

  hints(): HintView[] {
    return HINTS.map((h, index) => (this.state.hintsTaken.includes(index) ? { index, cost: h.cost, text: h.text } : { index, cost: h.cost }));
  }

  debrief(): string {
    return 'Image tags must exist in the registry.';
  }

  diagnose(answer: DiagnosisAnswer): DiagnosisResult {
    const objectRight = answer.object === 'pod/web';
    const reasonRight = answer.reason === 'ImagePullBackOff';
    const causeRight = answer.cause === 'wrong-tag';
    if (!this.state.diagnosed) {
      if (objectRight && reasonRight && causeRight) this.state.diagnosed = true;
      else this.state.wrongGuesses++;
    }
    return { ...this.diagnosisState(), objectRight, reasonRight, causeRight };
  }

  quiz(): QuizQuestionView[] {
    return [];
  }

  answerQuiz(id: string): QuizResult {
    throw new RangeError(`quiz question "${id}" does not exist`);
  }

  private diagnosisState() {
    return { correct: this.state.diagnosed, wrongGuesses: this.state.wrongGuesses, points: this.state.diagnosed ? Math.max(0, 20 - 5 * this.state.wrongGuesses) : 0 };
  }

  clusterView(): ClusterView {
    const status = this.status();
    return {
      nodes: [{ name: 'node01', ready: true, status: 'Ready', roles: [], conditions: [], taints: [], unschedulable: false }],
      pods: [{ namespace: 'default', name: 'web', node: 'node01', status, ready: status === 'Running' ? '1/1' : '0/1', restarts: 0 }],
    };
  }

  describe(kind: string, namespace: string | undefined, name: string): string {
    if (kind !== 'pod' || name !== 'web') throw new RangeError(`Error from server (NotFound): pods "${name}" not found`);
    return `Name:         web\nNamespace:    ${namespace ?? 'default'}\nImage:        ${this.state.image}\n`;
  }

  snapshot(): SessionSnapshot {
    return { version: 1, scenarioId: FAKE_SCENARIO_ID, seed: this.seed, state: structuredClone(this.state) };
  }

  private status(): string {
    if (this.state.runningSinceMs !== null) return 'Running';
    return this.state.elapsedMs >= BACKOFF_AFTER_MS ? 'ImagePullBackOff' : 'ErrImagePull';
  }
}

export function createFakeCatalog(): ScenarioCatalogApi {
  return {
    list: () => [summary],
    get: (id) => (id === FAKE_SCENARIO_ID ? summary : undefined),
    start: (id, seed) => {
      if (id !== FAKE_SCENARIO_ID) throw new UnknownScenarioError(id);
      return new FakeSession(seed, { image: 'nginx:1.27.99', elapsedMs: 0, runningSinceMs: null, hintsTaken: [], scaledToZero: false, diagnosed: false, wrongGuesses: 0 });
    },
    restore: (snapshot) => new FakeSession(snapshot.seed, structuredClone(snapshot.state as FakeState)),
  };
}

/** Same module shape as src/scenarios/catalog.ts, for running the e2e suite against the fake locally. */
export function loadBuiltInCatalog(): ScenarioCatalogApi {
  return createFakeCatalog();
}
