import type { AttemptView, HintView, ScenarioSummary } from '../../src/game/protocol/messages';
import { ApiError, fetchLeaderboard, GameClient } from './api';
import { byId, el } from './dom';
import { clearIdentity, type Identity, loadIdentity, saveIdentity } from './identity';
import { GameTerminal } from './terminal';
import { nextHint, renderHints, renderProgress } from './views/objectives';
import { renderLeaderboard, renderLeaderboardOptions } from './views/leaderboard';
import { renderScenarioList } from './views/scenario-list';
import { renderScoreIntro, renderSolved } from './views/score';
import './style.css';

const ATTEMPT_KEY = 'crashloop.attempt';

interface CurrentAttempt {
  attemptId: string;
  scenario: ScenarioSummary;
  hints: HintView[];
}

let identity: Identity | null = loadIdentity();
let current: CurrentAttempt | null = null;
let scenarios: ScenarioSummary[] = [];

const client = new GameClient(identity ? { token: identity.token } : {});
const terminal = new GameTerminal(byId('terminal'));
const authMessage = byId('auth-message');
const hintButton = byId<HTMLButtonElement>('hint-button');
const abandonButton = byId<HTMLButtonElement>('abandon-button');
const leaderboardSelect = byId<HTMLSelectElement>('leaderboard-scenario');

function errorText(err: unknown): string {
  return err instanceof ApiError || err instanceof Error ? err.message : String(err);
}

function showIdentity(): void {
  const box = byId('identity');
  byId('auth').hidden = identity !== null;
  if (!identity) {
    box.replaceChildren(el('span', { className: 'muted', text: 'Not signed in' }));
    return;
  }
  const signOut = el('button', { text: 'Sign out', className: 'link' });
  signOut.type = 'button';
  signOut.addEventListener('click', () => {
    clearIdentity();
    localStorage.removeItem(ATTEMPT_KEY);
    location.reload();
  });
  box.replaceChildren(el('span', { text: `Signed in as ${identity.name}` }), signOut);
}

function signedIn(next: Identity): void {
  identity = next;
  saveIdentity(next);
  client.setAuth({ token: next.token });
  showIdentity();
  void refreshLeaderboard();
}

function showAttempt(view: AttemptView): void {
  current = { attemptId: view.attemptId, scenario: view.scenario, hints: view.hints };
  localStorage.setItem(ATTEMPT_KEY, view.attemptId);
  byId('attempt-title').textContent = view.scenario.title;
  byId('attempt-summary').textContent = view.scenario.summary;
  renderProgress(view.progress);
  renderHints(view.hints);
  renderScoreIntro(view.scenario);
  updateButtons();
  const attemptId = view.attemptId;
  terminal.attach(
    `${view.scenario.title}${view.resumed ? ' (resumed)' : ''}`,
    (command) => client.request('command:run', { attemptId, command }),
    (streamId) => void client.request('command:interrupt', { attemptId, streamId }).catch(() => undefined),
  );
}

function endAttempt(message: string): void {
  current = null;
  localStorage.removeItem(ATTEMPT_KEY);
  updateButtons();
  terminal.detach(message);
}

function updateButtons(): void {
  const hint = current ? nextHint(current.hints) : undefined;
  hintButton.disabled = !hint;
  hintButton.textContent = hint ? `Take a hint (−${hint.cost})` : current ? 'No more hints' : 'Take a hint';
  abandonButton.disabled = !current;
}

async function startScenario(scenario: ScenarioSummary): Promise<void> {
  if (!identity) {
    authMessage.textContent = 'Register or log in first.';
    return;
  }
  try {
    showAttempt(await client.request('attempt:start', { scenarioId: scenario.id }));
  } catch (err) {
    terminal.notice(`Could not start: ${errorText(err)}`);
  }
}

async function loadScenarios(): Promise<void> {
  scenarios = (await client.request('scenario:list', {})).scenarios;
  renderScenarioList(byId('scenario-list'), scenarios, (s) => void startScenario(s));
  renderLeaderboardOptions(scenarios);
}

async function refreshLeaderboard(): Promise<void> {
  try {
    renderLeaderboard(await fetchLeaderboard(leaderboardSelect.value || null), identity?.playerId ?? null);
  } catch (err) {
    byId('leaderboard-body').replaceChildren(el('tr', {}, el('td', { text: errorText(err) })));
  }
}

async function resumeStoredAttempt(): Promise<void> {
  const attemptId = current?.attemptId ?? localStorage.getItem(ATTEMPT_KEY);
  if (!identity || !attemptId) return;
  try {
    showAttempt(await client.request('attempt:resume', { attemptId }));
  } catch {
    localStorage.removeItem(ATTEMPT_KEY);
    current = null;
    updateButtons();
  }
}

client.socket.on('connect', () => {
  void (async () => {
    try {
      await loadScenarios();
      // Pushes of the global board's new top rows; the view re-reads the selected board.
      await client.request('leaderboard:subscribe', {});
      await resumeStoredAttempt();
    } catch (err) {
      terminal.notice(errorText(err));
    }
  })();
});

client.socket.on('connect_error', (err) => {
  if (err.message === 'invalid session token') {
    // The session expired or the server does not know it (e.g. a fresh database): continue signed out.
    clearIdentity();
    identity = null;
    client.setAuth({});
    showIdentity();
    authMessage.textContent = 'Your session has expired; please log in again.';
    client.socket.connect();
  }
});

client.socket.on('disconnect', () => terminal.notice('Disconnected — reconnecting…'));

client.socket.on('command:output', (push) => {
  if (current?.attemptId === push.attemptId) terminal.streamOutput(push.streamId, push.stdout);
});

client.socket.on('attempt:progress', (push) => {
  if (current?.attemptId === push.attemptId) renderProgress(push.progress);
});

client.socket.on('attempt:solved', (push) => {
  if (current?.attemptId !== push.attemptId) return;
  renderSolved(push);
  endAttempt(`\x1b[1;32m✔ Solved! ${push.score} points.\x1b[0m Pick another scenario to continue.`);
});

client.socket.on('attempt:expired', (push) => {
  if (current?.attemptId !== push.attemptId) return;
  renderProgress(null);
  renderScoreIntro(null);
  endAttempt('\x1b[1;33mTime limit reached: the attempt was abandoned.\x1b[0m Pick a scenario to try again.');
});

client.socket.on('leaderboard:changed', () => void refreshLeaderboard());

byId<HTMLFormElement>('register-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const name = byId<HTMLInputElement>('register-name').value.trim();
  const password = byId<HTMLInputElement>('register-password').value;
  void client.request('player:register', { name, password }).then(
    (player) => {
      signedIn({ playerId: player.playerId, name: player.name, token: player.token });
      authMessage.textContent = '';
      terminal.notice(`Welcome, ${player.name} (${player.role}).`);
    },
    (err: unknown) => (authMessage.textContent = errorText(err)),
  );
});

byId<HTMLFormElement>('login-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const name = byId<HTMLInputElement>('login-name').value.trim();
  const password = byId<HTMLInputElement>('login-password').value;
  void client.request('player:login', { name, password }).then(
    (player) => {
      signedIn({ playerId: player.playerId, name: player.name, token: player.token });
      authMessage.textContent = '';
    },
    (err: unknown) => (authMessage.textContent = errorText(err)),
  );
});

hintButton.addEventListener('click', () => {
  const attempt = current;
  const hint = attempt ? nextHint(attempt.hints) : undefined;
  if (!attempt || !hint || !confirm(`This hint costs ${hint.cost} points. Take it?`)) return;
  void client.request('hint:take', { attemptId: attempt.attemptId, index: hint.index }).then(
    (taken) => {
      attempt.hints = attempt.hints.map((h) => (h.index === taken.index ? taken : h));
      renderHints(attempt.hints);
      updateButtons();
    },
    (err: unknown) => terminal.notice(errorText(err)),
  );
});

abandonButton.addEventListener('click', () => {
  const attempt = current;
  if (!attempt || !confirm('Abandon this attempt? Its cluster is discarded.')) return;
  void client.request('attempt:abandon', { attemptId: attempt.attemptId }).then(
    () => {
      renderProgress(null);
      renderScoreIntro(null);
      endAttempt('Attempt abandoned.');
    },
    (err: unknown) => terminal.notice(errorText(err)),
  );
});

leaderboardSelect.addEventListener('change', () => void refreshLeaderboard());

showIdentity();
renderScoreIntro(null);
updateButtons();
void refreshLeaderboard();
