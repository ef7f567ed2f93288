import type { ClusterView } from '../../../src/game/protocol/cluster-view.messages';
import type { AttemptView, CommandResult, EditPayload, HintView, ScenarioSummary, SessionProgress } from '../../../src/game/protocol/messages';
import { errorText } from '../api';
import type { AppContext } from '../context';
import { byId, el } from '../dom';
import { EditorPane } from '../editor-pane';
import { GameTerminal } from '../terminal';
import { ClusterViewRenderer } from '../views/cluster-view';
import { nextHint, renderHints, renderProgress } from '../views/objectives';
import { questionBlock } from '../views/questions';
import { renderScoreIntro, renderSolved } from '../views/score';

const ATTEMPT_KEY = 'crashloop.attempt';

interface CurrentAttempt {
  attemptId: string;
  scenario: ScenarioSummary;
  hints: HintView[];
  progress: SessionProgress;
}

/** The Play page: attempt panel, terminal (with the edit pane) and the live cluster view. */
export class PlayPage {
  readonly terminal = new GameTerminal(byId('terminal'));
  private readonly editorPane = new EditorPane();
  private readonly clusterView: ClusterViewRenderer;
  private current: CurrentAttempt | null = null;
  /** The attempt shown last: a diagnosis may still be named after solving it. */
  private diagnosable: string | null = null;
  /** The last view pushed per attempt: the push on start arrives before the start's answer. */
  private readonly views = new Map<string, ClusterView>();
  /** What the describe panel shows; it is re-read whenever the view changes, so it never goes stale. */
  private described: { kind: 'pod' | 'node'; namespace: string | undefined; name: string } | null = null;
  private readonly hintButton = byId<HTMLButtonElement>('hint-button');
  private readonly abandonButton = byId<HTMLButtonElement>('abandon-button');
  private readonly kubeconfigButton = byId<HTMLButtonElement>('kubeconfig-button');
  private readonly showSystem = byId<HTMLInputElement>('show-system');

  constructor(
    private readonly ctx: AppContext,
    private readonly changed: () => void,
  ) {
    this.clusterView = new ClusterViewRenderer(byId('cluster-view'), { describe: (kind, ns, name) => void this.describe(kind, ns, name) });
    const { client } = ctx;
    client.socket.on('cluster:view', (push) => {
      this.views.set(push.attemptId, push.view);
      if (this.current?.attemptId !== push.attemptId) return;
      this.drawView();
      const d = this.described;
      if (d && !byId('describe-panel').hidden) void this.describe(d.kind, d.namespace, d.name, false);
    });
    client.socket.on('command:output', (push) => {
      // `ended`: the command finished on its own (logs -f after its container exited, drain done).
      if (this.current?.attemptId === push.attemptId) this.terminal.streamOutput(push.streamId, push.stdout, push.ended === true);
    });
    client.socket.on('attempt:progress', (push) => {
      if (this.current?.attemptId !== push.attemptId) return;
      this.current.progress = push.progress;
      renderProgress(push.progress);
    });
    client.socket.on('attempt:solved', (push) => {
      if (this.current?.attemptId !== push.attemptId) return;
      renderSolved(push);
      // The solved push carries no objectives: they held, so show them all met.
      const last = this.current.progress;
      renderProgress({ ...last, objectives: last.objectives.map(({ whyNot: _, ...o }) => ({ ...o, met: true })), allMet: true, solved: true });
      this.end(`\x1b[1;32m✔ Solved! ${push.score} points.\x1b[0m Read the debrief, then pick another scenario.`);
    });
    client.socket.on('attempt:expired', (push) => {
      if (this.current?.attemptId !== push.attemptId) return;
      renderProgress(null);
      renderScoreIntro(null);
      this.end('\x1b[1;33mTime limit reached: the attempt was abandoned.\x1b[0m Pick a scenario to try again.');
    });
    this.hintButton.addEventListener('click', () => this.takeHint());
    this.abandonButton.addEventListener('click', () => this.abandon());
    this.kubeconfigButton.addEventListener('click', () => void this.downloadKubeconfig());
    this.showSystem.addEventListener('change', () => this.drawView());
    byId('describe-close').addEventListener('click', () => {
      byId('describe-panel').hidden = true;
      this.described = null;
    });
    byId<HTMLFormElement>('diagnosis-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.diagnose();
    });
    renderScoreIntro(null);
    this.updateButtons();
  }

  get attemptId(): string | null {
    return this.current?.attemptId ?? null;
  }

  get scenarioId(): string | null {
    return this.current?.scenario.id ?? null;
  }

  shown(): void {
    this.terminal.refit();
    if (!this.editorPane.open) this.terminal.focus();
  }

  async start(scenarioId: string, eventId?: string): Promise<void> {
    this.show(await this.ctx.client.request('attempt:start', { scenarioId, ...(eventId ? { eventId } : {}) }));
  }

  /** After a (re)connection: continue the attempt this browser was playing, if it is still active. */
  async resumeStored(): Promise<void> {
    const attemptId = this.current?.attemptId ?? localStorage.getItem(ATTEMPT_KEY);
    if (!this.ctx.me() || !attemptId) return;
    try {
      this.show(await this.ctx.client.request('attempt:resume', { attemptId }));
    } catch {
      localStorage.removeItem(ATTEMPT_KEY);
      this.current = null;
      this.updateButtons();
    }
  }

  /** Signed out or switched player: the attempt is not ours any more. */
  reset(): void {
    if (this.current) this.end('Signed out.');
    localStorage.removeItem(ATTEMPT_KEY);
    this.diagnosable = null;
    byId('diagnosis-panel').hidden = true;
    renderProgress(null);
    renderScoreIntro(null);
    this.clusterView.clear('The cluster appears here once an attempt runs.');
  }

  private show(view: AttemptView): void {
    const me = this.ctx.me();
    this.current = { attemptId: view.attemptId, scenario: view.scenario, hints: view.hints, progress: view.progress };
    this.diagnosable = view.attemptId;
    localStorage.setItem(ATTEMPT_KEY, view.attemptId);
    byId('attempt-title').textContent = view.scenario.title;
    byId('attempt-summary').textContent = view.scenario.summary;
    renderProgress(view.progress);
    renderHints(view.hints);
    renderScoreIntro(view.scenario);
    this.setupDiagnosis(view.scenario);
    void this.loadQuiz(view.attemptId, view.scenario.quizCount);
    this.updateButtons();
    this.clusterView.clear('Waiting for the cluster…'); // a new attempt: nothing to compare with
    this.drawView();
    byId('describe-panel').hidden = true;
    this.described = null;
    const attemptId = view.attemptId;
    const client = this.ctx.client;
    this.terminal.attach({
      title: `${view.scenario.title}${view.resumed ? ' (resumed)' : ''}`,
      run: (command) => client.request('command:run', { attemptId, command }),
      interrupt: (streamId) => void client.request('command:interrupt', { attemptId, streamId }).catch(() => undefined),
      complete: (line) => client.request('command:complete', { attemptId, line }),
      edit: (request) => this.edit(attemptId, request),
      historyKey: `crashloop.history.${me?.playerId ?? 'anonymous'}`,
      namespaceKey: `crashloop.namespace.${attemptId}`,
    });
    this.changed();
  }

  private async edit(attemptId: string, request: EditPayload): Promise<CommandResult> {
    const outcome = await this.editorPane.edit(request);
    this.terminal.focus();
    if (outcome.action === 'save') return this.ctx.client.request('command:edit-save', { attemptId, editId: request.editId, text: outcome.text });
    return this.ctx.client.request('command:edit-cancel', { attemptId, editId: request.editId });
  }

  private drawView(): void {
    const view = this.current ? this.views.get(this.current.attemptId) : undefined;
    if (view) this.clusterView.render(view, this.showSystem.checked);
    else this.clusterView.clear(this.current ? 'Waiting for the cluster…' : 'The cluster appears here once an attempt runs.');
  }

  private async describe(kind: 'pod' | 'node', namespace: string | undefined, name: string, opening = true): Promise<void> {
    const attempt = this.current;
    if (!attempt) return;
    this.described = { kind, namespace, name };
    const panel = byId('describe-panel');
    byId('describe-title').textContent = `describe ${kind}/${name}`;
    const text = byId('describe-text');
    panel.hidden = false;
    if (opening) text.textContent = 'Loading…';
    try {
      const described = await this.ctx.client.request('cluster:describe', { attemptId: attempt.attemptId, kind, ...(namespace ? { namespace } : {}), name });
      if (this.described?.name === name && this.described.kind === kind) text.textContent = described.text;
    } catch (err) {
      // A deleted pod: say so in kubectl's words, and keep the panel.
      text.textContent = errorText(err);
    }
    if (opening) panel.scrollIntoView({ block: 'nearest' });
  }

  private end(message: string): void {
    this.current = null;
    localStorage.removeItem(ATTEMPT_KEY);
    this.updateButtons();
    this.terminal.detach(message);
    byId('attempt-quiz-panel').hidden = true;
    this.changed();
  }

  private updateButtons(): void {
    const hint = this.current ? nextHint(this.current.hints) : undefined;
    this.hintButton.disabled = !hint;
    this.hintButton.textContent = hint ? `Take hint ${hint.index + 1} (−${hint.cost} pts)` : this.current ? 'No more hints' : 'Take a hint';
    this.abandonButton.disabled = !this.current;
    this.kubeconfigButton.disabled = !this.current;
  }

  /** The attempt's kubeconfig (a fresh token each time), saved as a file for the learner's own kubectl. */
  private async downloadKubeconfig(): Promise<void> {
    const attempt = this.current;
    const token = this.ctx.me()?.token;
    if (!attempt || !token) return;
    const res = await fetch(`/api/attempts/${encodeURIComponent(attempt.attemptId)}/kubeconfig`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) {
      this.terminal.notice(`Could not get a kubeconfig: HTTP ${res.status}`);
      return;
    }
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([await res.text()], { type: 'application/yaml' }));
    link.download = `crashloop-${attempt.scenario.id}.kubeconfig`;
    link.click();
    URL.revokeObjectURL(link.href);
    this.terminal.notice(`Saved ${link.download}: kubectl --kubeconfig ${link.download} get pods`);
  }

  private takeHint(): void {
    const attempt = this.current;
    const hint = attempt ? nextHint(attempt.hints) : undefined;
    if (!attempt || !hint || !confirm(`This hint costs ${hint.cost} points. Take it?`)) return;
    void this.ctx.client.request('hint:take', { attemptId: attempt.attemptId, index: hint.index }).then(
      (taken) => {
        attempt.hints = attempt.hints.map((h) => (h.index === taken.index ? taken : h));
        renderHints(attempt.hints);
        this.updateButtons();
      },
      (err: unknown) => this.terminal.notice(errorText(err)),
    );
  }

  private abandon(): void {
    const attempt = this.current;
    if (!attempt || !confirm('Abandon this attempt? Its cluster is discarded.')) return;
    void this.ctx.client.request('attempt:abandon', { attemptId: attempt.attemptId }).then(
      () => {
        renderProgress(null);
        renderScoreIntro(null);
        this.clusterView.clear('Attempt abandoned.');
        this.end('Attempt abandoned.');
      },
      (err: unknown) => this.terminal.notice(errorText(err)),
    );
  }

  private setupDiagnosis(scenario: ScenarioSummary): void {
    const panel = byId('diagnosis-panel');
    panel.hidden = scenario.diagnosisCauses.length === 0;
    const select = byId<HTMLSelectElement>('diagnosis-cause');
    select.replaceChildren(...scenario.diagnosisCauses.map((c) => Object.assign(el('option', { text: c }), { value: c })));
    byId('diagnosis-result').textContent = scenario.diagnosisPoints > 0 ? `Worth ${scenario.diagnosisPoints} points; wrong guesses cost.` : '';
  }

  private diagnose(): void {
    const attemptId = this.diagnosable;
    if (!attemptId) return;
    const out = byId('diagnosis-result');
    void this.ctx.client
      .request('diagnosis:submit', {
        attemptId,
        object: byId<HTMLInputElement>('diagnosis-object').value.trim(),
        reason: byId<HTMLInputElement>('diagnosis-reason').value.trim(),
        cause: byId<HTMLSelectElement>('diagnosis-cause').value,
      })
      .then(
        (r) => {
          const mark = (ok: boolean, what: string): string => `${ok ? '✔' : '✘'} ${what}`;
          out.className = r.correct ? 'good' : 'bad';
          out.textContent = r.correct
            ? `✔ Right diagnosis: +${r.points} points.`
            : `${mark(r.objectRight, 'object')} · ${mark(r.reasonRight, 'reason')} · ${mark(r.causeRight, 'cause')} (${r.wrongGuesses} wrong so far)`;
        },
        (err: unknown) => (out.textContent = errorText(err)),
      );
  }

  private async loadQuiz(attemptId: string, count: number): Promise<void> {
    const panel = byId('attempt-quiz-panel');
    panel.hidden = count === 0;
    if (count === 0) return;
    const root = byId('attempt-quiz');
    try {
      const { questions } = await this.ctx.client.request('quiz:list', { attemptId });
      root.replaceChildren(
        ...questions.map((q) =>
          questionBlock(q, q.answered, (choices) => this.ctx.client.request('quiz:answer', { attemptId, questionId: q.id, choices })),
        ),
      );
    } catch (err) {
      root.textContent = errorText(err);
    }
  }
}
