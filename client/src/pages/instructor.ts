import type {
  AuthoringReport,
  CatalogEntry,
  EventCommandPush,
  EventMemberProgressPush,
  EventView,
  EventWatchResponse,
} from '../../../src/game/protocol/messages';
import { ApiError, errorText } from '../api';
import type { AppContext } from '../context';
import { byId, el } from '../dom';

/** Validation simulates the scenario in a worker (and a cold worker compiles first): wait well past the usual ack timeout. */
const VALIDATION_ACK_MS = 120_000;

const STARTER_YAML = `id: my-first-scenario
title: My first scenario
summary: >
  Describe what is broken, as the learner will read it.
difficulty: beginner
points: 100
parSeconds: 240
cluster:
  nodes:
    - { name: controlplane, role: control-plane }
    - { name: node01 }
manifests: |
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
    - name: web
      image: nginx:1.27
objectives:
  - id: web-ready
    description: Pod web is Running and Ready
    check: { type: pod-ready, name: web }
solution:
  - kubectl get pods
explanation: |
  What went wrong and how to spot it.
`;

/** `line 12: message` (or `path: message`) for a format error. */
function errorLine(e: AuthoringReport['errors'][number]): string {
  const at = e.line !== undefined ? `line ${e.line}${e.path ? ` (${e.path})` : ''}: ` : e.path ? `${e.path}: ` : '';
  return `${at}${e.message}`;
}

/** The Instructor page: the scenario editor with the validator's report, and the event dashboard. */
export class InstructorPage {
  private readonly yaml = byId<HTMLTextAreaElement>('authoring-yaml');
  private readonly gutter = byId('yaml-gutter');
  private readonly list = byId<HTMLSelectElement>('authoring-list');
  private readonly message = byId('authoring-message');
  private readonly eventMessage = byId('event-message');
  private lastSaved: { scenarioId: string; version?: number } | null = null;
  private watching: { event: EventView; members: Map<string, { name: string; progress?: EventMemberProgressPush }>; log: EventCommandPush[] } | null = null;

  constructor(private readonly ctx: AppContext) {
    this.yaml.value = STARTER_YAML;
    this.drawGutter();
    this.yaml.addEventListener('input', () => this.drawGutter());
    this.yaml.addEventListener('scroll', () => (this.gutter.scrollTop = this.yaml.scrollTop));
    this.yaml.addEventListener('keydown', (e) => {
      if (e.key === 'Tab' && !e.shiftKey) {
        e.preventDefault();
        this.yaml.setRangeText('  ', this.yaml.selectionStart, this.yaml.selectionEnd, 'end');
        this.drawGutter();
      } else if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
        e.preventDefault();
        void this.validate();
      }
    });
    byId('authoring-validate').addEventListener('click', () => void this.validate());
    byId('authoring-save').addEventListener('click', () => void this.save());
    byId('authoring-publish').addEventListener('click', () => void this.publish());
    this.list.addEventListener('change', () => void this.open(this.list.value));
    byId<HTMLFormElement>('event-form').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.createEvent();
    });
    byId<HTMLFormElement>('event-watch-form').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.watch(byId<HTMLInputElement>('event-watch-id').value.trim());
    });
    ctx.client.socket.on('event:member-progress', (push) => {
      if (this.watching?.event.eventId !== push.eventId) return;
      const member = this.watching.members.get(push.playerId) ?? { name: push.playerName };
      member.progress = push;
      this.watching.members.set(push.playerId, member);
      this.drawDashboard();
    });
    ctx.client.socket.on('event:command', (push) => {
      if (this.watching?.event.eventId !== push.eventId) return;
      this.watching.log.push(push);
      if (this.watching.log.length > 200) this.watching.log.shift();
      if (!this.watching.members.has(push.playerId)) this.watching.members.set(push.playerId, { name: push.playerName });
      this.drawDashboard();
    });
  }

  async shown(): Promise<void> {
    await this.loadList();
  }

  setScenarios(scenarios: CatalogEntry[]): void {
    const box = byId('event-scenarios');
    const checked = new Set([...box.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value));
    box.replaceChildren(
      el('legend', { text: 'Scenarios' }),
      ...scenarios.map((s) => {
        const input = el('input');
        input.type = 'checkbox';
        input.value = s.id;
        input.checked = checked.has(s.id);
        return el('label', {}, input, el('span', { text: s.title }));
      }),
    );
  }

  /** Lines the last report found errors on: the gutter marks them. */
  private errorLines = new Set<number>();

  private drawGutter(): void {
    const lines = this.yaml.value.split('\n').length;
    this.gutter.textContent = Array.from({ length: lines }, (_, i) => `${this.errorLines.has(i + 1) ? '▶ ' : ''}${i + 1}`).join('\n');
    this.gutter.scrollTop = this.yaml.scrollTop;
  }

  private async loadList(): Promise<void> {
    try {
      const { scenarios } = await this.ctx.client.request('authoring:list', {});
      const value = this.list.value;
      this.list.replaceChildren(
        Object.assign(el('option', { text: 'New scenario' }), { value: '' }),
        ...scenarios.map((s) => {
          const live = s.publishedVersion !== undefined ? `v${s.publishedVersion} published` : 'draft';
          return Object.assign(el('option', { text: `${s.title} — v${s.latestVersion}, ${live}${s.reportSummary ? `, ${s.reportSummary}` : ''}` }), { value: s.id });
        }),
      );
      this.list.value = value;
    } catch (err) {
      this.message.textContent = `My scenarios: ${errorText(err)}`;
    }
  }

  private async open(scenarioId: string): Promise<void> {
    if (!scenarioId) {
      this.yaml.value = STARTER_YAML;
      this.drawGutter();
      byId('authoring-report').replaceChildren();
      return;
    }
    try {
      const got = await this.ctx.client.request('authoring:get', { scenarioId });
      this.yaml.value = got.yaml;
      this.drawGutter();
      this.lastSaved = { scenarioId, version: got.version };
      this.showReport(got.report);
    } catch (err) {
      this.message.textContent = errorText(err);
    }
  }

  private async validate(): Promise<void> {
    this.message.textContent = 'Validating by simulation…';
    try {
      const { report } = await this.ctx.client.request('authoring:validate', { yaml: this.yaml.value }, VALIDATION_ACK_MS);
      this.message.textContent = '';
      this.showReport(report);
    } catch (err) {
      this.message.textContent = errorText(err);
    }
  }

  private async save(): Promise<void> {
    this.message.textContent = 'Validating and saving…';
    try {
      const { scenario, report } = await this.ctx.client.request('authoring:save', { yaml: this.yaml.value }, VALIDATION_ACK_MS);
      this.lastSaved = { scenarioId: scenario.id, version: scenario.latestVersion };
      this.message.textContent = `Saved ${scenario.id} version ${scenario.latestVersion}${report.ok ? '' : ' (it does not validate yet, so it cannot be published)'}.`;
      this.showReport(report);
      await this.loadList();
      this.list.value = scenario.id;
    } catch (err) {
      this.message.textContent = errorText(err);
      // A refused scenario comes back with the validator's report.
      const report = err instanceof ApiError ? (err.details.report as AuthoringReport | undefined) : undefined;
      if (report) this.showReport(report);
    }
  }

  private async publish(): Promise<void> {
    const target = this.lastSaved ?? (this.list.value ? { scenarioId: this.list.value } : null);
    if (!target) {
      this.message.textContent = 'Save a version first, then publish it.';
      return;
    }
    try {
      const { scenario } = await this.ctx.client.request('authoring:publish', target, VALIDATION_ACK_MS);
      this.message.textContent = `Published ${scenario.id} version ${scenario.publishedVersion ?? scenario.latestVersion}: learners see it in the catalogue.`;
      await this.loadList();
    } catch (err) {
      this.message.textContent = errorText(err);
    }
  }

  private showReport(report: AuthoringReport): void {
    const root = byId('authoring-report');
    const { errors, steps } = report;
    this.errorLines = new Set(errors.flatMap((e) => (e.line !== undefined ? [e.line] : [])));
    this.drawGutter();
    root.replaceChildren(
      el('p', { className: report.ok ? 'good' : 'bad', text: report.ok ? '✔ The scenario validates: broken at start, cheats fail, the solution works.' : '✘ The scenario does not validate yet.' }),
      ...(errors.length > 0 ? [el('ul', { className: 'yaml-errors' }, ...errors.map((e) => el('li', { className: 'bad', text: errorLine(e) })))] : []),
      ...(steps.length > 0
        ? [
            el(
              'ol',
              { className: 'steps' },
              ...steps.map((s) =>
                el('li', { className: s.ok ? 'ok' : 'failed' }, el('span', { className: s.ok ? 'step-ok' : 'step-bad', text: `${s.ok ? '✓' : '✗'} ${s.name}` }), ...(s.detail ? [el('pre', { text: s.detail })] : [])),
              ),
            ),
          ]
        : []),
    );
    root.dataset.ok = String(report.ok);
  }

  private async createEvent(): Promise<void> {
    const token = this.ctx.me()?.token;
    const scenarioIds = [...byId('event-scenarios').querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
    if (!token) return;
    if (scenarioIds.length === 0) {
      this.eventMessage.textContent = 'Pick at least one scenario.';
      return;
    }
    const hours = Math.max(1, Number(byId<HTMLInputElement>('event-hours').value) || 2);
    const startsAt = new Date(Date.now() - 60_000);
    const body = { name: byId<HTMLInputElement>('event-name').value.trim(), scenarioIds, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + hours * 3_600_000).toISOString() };
    const res = await fetch('/api/events', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const data = (await res.json()) as EventView & { message?: string | string[] };
    if (!res.ok) {
      this.eventMessage.textContent = Array.isArray(data.message) ? data.message.join('; ') : (data.message ?? `HTTP ${res.status}`);
      return;
    }
    this.eventMessage.textContent = '';
    byId<HTMLInputElement>('event-watch-id').value = data.eventId;
    await this.watch(data.eventId);
  }

  private async watch(eventId: string): Promise<void> {
    if (!eventId) return;
    try {
      const watched = await this.ctx.client.request('event:watch', { eventId });
      this.watching = { event: watched.event, members: membersOf(watched), log: [] };
      this.eventMessage.textContent = '';
      this.drawDashboard();
    } catch (err) {
      this.eventMessage.textContent = errorText(err);
    }
  }

  private drawDashboard(): void {
    const w = this.watching;
    if (!w) return;
    const rows = [...w.members].map(([playerId, m]) => {
      const p = m.progress?.progress;
      const met = p ? p.objectives.filter((o) => o.met).length : 0;
      const row = el(
        'tr',
        {},
        el('td', { text: m.name }),
        el('td', { text: m.progress?.scenarioId ?? '—' }),
        el('td', { className: p?.solved ? 'good' : '', text: p ? (p.solved ? 'solved' : `${met}/${p.objectives.length} objectives`) : 'not started' }),
        el('td', { text: p ? p.objectives.map((o) => `${o.met ? '✔' : '○'} ${o.description}`).join('\n') : '' }),
      );
      row.dataset.player = playerId;
      return row;
    });
    const log = w.log
      .slice(-60)
      .map((c) => `[${c.playerName} ${Math.floor(c.virtualMs / 1000)}s] $ ${c.command}\n${(c.stdout + c.stderr).split('\n').slice(0, 6).join('\n')}`)
      .join('\n');
    byId('event-dashboard').replaceChildren(
      el('p', {}, el('strong', { text: w.event.name }), el('span', { text: ' · join code ' }), el('code', { className: 'join-code', text: w.event.code }), el('span', { className: 'muted', text: ` · id ${w.event.eventId}` })),
      el('table', { className: 'members' }, el('thead', {}, el('tr', {}, ...['Member', 'Scenario', 'Progress', 'Objectives'].map((h) => el('th', { text: h })))), el('tbody', {}, ...rows)),
      el('h3', { text: 'Live command log' }),
      el('pre', { className: 'command-log', text: log || 'No commands yet.' }),
    );
  }
}

function membersOf(watched: EventWatchResponse): Map<string, { name: string; progress?: EventMemberProgressPush }> {
  const members = new Map<string, { name: string; progress?: EventMemberProgressPush }>(watched.members.map((m) => [m.playerId, { name: m.name }]));
  for (const live of watched.live) members.set(live.playerId, { name: live.playerName, progress: { ...live, eventId: watched.event.eventId } });
  return members;
}
