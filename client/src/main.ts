import type { CatalogEntry, SessionResponse } from '../../src/game/protocol/messages';
import { errorText, GameClient } from './api';
import type { AppContext } from './context';
import { byId, el } from './dom';
import { clearIdentity, type Identity, identityOf, loadIdentity, saveIdentity } from './identity';
import { InstructorPage } from './pages/instructor';
import { LeaderboardsPage } from './pages/leaderboards';
import { PlayPage } from './pages/play';
import { QuizPage } from './pages/quiz';
import { currentPage, go, PAGES, type PageName, showPage } from './router';
import { filterCatalogue } from './catalogue-order';
import { type JoinedEvent, renderCatalogue } from './views/catalogue';
import './style.css';

let identity: Identity | null = loadIdentity();
let scenarios: CatalogEntry[] = [];
const EVENT_KEY = 'crashloop.event';
let joinedEvent: JoinedEvent | null = loadEvent();

function loadEvent(): JoinedEvent | null {
  try {
    const value = JSON.parse(localStorage.getItem(EVENT_KEY) ?? 'null') as JoinedEvent | null;
    return value && typeof value.eventId === 'string' && Array.isArray(value.scenarioIds) ? value : null;
  } catch {
    return null;
  }
}

const client = new GameClient(identity ? { token: identity.token } : {});
const ctx: AppContext = { client, me: () => identity };
const play = new PlayPage(ctx, () => drawCatalogue());
const boards = new LeaderboardsPage(ctx);
const quiz = new QuizPage(ctx);
const instructor = new InstructorPage(ctx);

const isInstructor = (): boolean => identity?.role === 'instructor' || identity?.role === 'admin';

// ── top bar: who is playing, and the ways to sign in ──

type AuthMode = 'login' | 'register' | 'claim';
let authMode: AuthMode = 'login';
const dialog = byId<HTMLDialogElement>('auth-dialog');
const authMessage = byId('auth-message');

function openAuth(mode: AuthMode): void {
  authMode = mode;
  const titles: Record<AuthMode, [string, string]> = {
    login: ['Sign in', 'Sign in'],
    register: ['Register', 'Create account'],
    claim: ['Keep your progress: claim this guest account', 'Claim account'],
  };
  byId('auth-title').textContent = titles[mode][0];
  byId('auth-submit').textContent = titles[mode][1];
  byId<HTMLInputElement>('auth-password').autocomplete = mode === 'login' ? 'current-password' : 'new-password';
  authMessage.textContent = '';
  dialog.showModal();
  byId<HTMLInputElement>('auth-name').focus();
}

function button(text: string, onClick: () => void, className = 'secondary'): HTMLButtonElement {
  const b = el('button', { text, className });
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

function drawIdentity(): void {
  const box = byId('identity');
  const instructorLink = document.querySelector<HTMLAnchorElement>('.nav a[data-page="instructor"]');
  if (instructorLink) instructorLink.hidden = !isInstructor();
  if (!identity) {
    box.replaceChildren(
      el('span', { className: 'muted', text: 'Not signed in' }),
      button('Sign in', () => openAuth('login')),
      button('Register', () => openAuth('register')),
      button('Play as guest', () => void signInAsGuest(), ''),
    );
    return;
  }
  box.replaceChildren(
    el('span', { className: 'player-name', text: identity.name }),
    el('span', { className: 'role', text: identity.guest ? 'guest' : identity.role }),
    ...(identity.guest ? [button('Claim account', () => openAuth('claim'), '')] : []),
    button('Sign out', signOut, 'link'),
  );
}

function signedIn(session: SessionResponse): void {
  const switched = identity !== null && identity.playerId !== session.playerId;
  identity = identityOf(session);
  saveIdentity(identity);
  client.setAuth({ token: identity.token });
  if (switched) play.reset();
  drawIdentity();
  void loadScenarios();
  void boards.refresh();
  if (currentPage() === 'instructor' && !isInstructor()) go('catalogue');
}

async function signInAsGuest(): Promise<void> {
  try {
    signedIn(await client.request('player:guest', {}));
  } catch (err) {
    play.terminal.notice(errorText(err));
  }
}

function signOut(): void {
  localStorage.removeItem(EVENT_KEY);
  // Revoke the token on the server (player:logout) when it offers that; signing out never waits long for it.
  void client
    .request('player:logout', {}, 3000)
    .catch(() => undefined)
    .finally(() => {
      clearIdentity();
      play.reset();
      location.hash = '#/catalogue';
      location.reload();
    });
}

byId<HTMLFormElement>('auth-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const name = byId<HTMLInputElement>('auth-name').value.trim();
  const password = byId<HTMLInputElement>('auth-password').value;
  const request = authMode === 'login' ? 'player:login' : authMode === 'register' ? 'player:register' : 'player:claim';
  void client.request(request, { name, password }).then(
    (session) => {
      dialog.close();
      byId<HTMLInputElement>('auth-password').value = '';
      signedIn(session);
    },
    (err: unknown) => (authMessage.textContent = errorText(err)),
  );
});
byId('auth-cancel').addEventListener('click', () => dialog.close());

// ── catalogue ──

function drawCatalogue(): void {
  const active = new Set(play.scenarioId ? [play.scenarioId] : []);
  const shown = filterCatalogue(scenarios, {
    text: byId<HTMLInputElement>('catalogue-search').value,
    difficulty: byId<HTMLSelectElement>('catalogue-difficulty').value,
    solved: byId<HTMLSelectElement>('catalogue-solved').value as '' | 'solved' | 'unsolved',
  });
  if (scenarios.length > 0 && shown.length === 0) byId('catalogue').replaceChildren(el('p', { className: 'muted', text: 'No scenario matches these filters.' }));
  else renderCatalogue(byId('catalogue'), shown, active, joinedEvent, (s, eventId) => void startScenario(s, eventId));
  byId('event-banner').textContent = joinedEvent ? `You are in the event “${joinedEvent.name}”: its scenarios have a “Play in event” button (same cluster for every member).` : '';
}

async function startScenario(scenario: CatalogEntry, eventId?: string): Promise<void> {
  if (!identity) await signInAsGuest();
  if (!identity) return;
  go('play');
  try {
    await play.start(scenario.id, eventId);
  } catch (err) {
    play.terminal.notice(`Could not start: ${errorText(err)}`);
  }
}

async function loadScenarios(): Promise<void> {
  scenarios = (await client.request('scenario:list', {})).scenarios;
  drawCatalogue();
  boards.setScenarios(scenarios);
  instructor.setScenarios(scenarios);
}

for (const id of ['catalogue-search', 'catalogue-difficulty', 'catalogue-solved']) byId(id).addEventListener('input', () => drawCatalogue());
byId<HTMLFormElement>('catalogue-filters').addEventListener('submit', (e) => e.preventDefault());

byId<HTMLFormElement>('join-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void (async () => {
    if (!identity) await signInAsGuest();
    if (!identity) return;
    try {
      const joined = await client.request('event:join', { code: byId<HTMLInputElement>('join-code').value.trim() });
      joinedEvent = { eventId: joined.eventId, name: joined.name, scenarioIds: joined.scenarioIds };
      localStorage.setItem(EVENT_KEY, JSON.stringify(joinedEvent));
      boards.select('event', joined.eventId);
      drawCatalogue();
    } catch (err) {
      byId('event-banner').textContent = errorText(err);
    }
  })();
});

// ── pages and keys ──

function onShow(page: PageName): void {
  // Keyboard users land at the new page's start (the Play page focuses its terminal instead).
  if (page !== 'play' && document.activeElement?.closest('.nav')) byId('main').focus({ preventScroll: true });
  if (page === 'play') play.shown();
  if (page === 'leaderboards') void boards.refresh();
  if (page === 'quiz') void quiz.shown();
  if (page === 'instructor') {
    if (!isInstructor()) {
      go('catalogue');
      return;
    }
    void instructor.shown();
  }
}

window.addEventListener('hashchange', () => showPage(currentPage(), onShow));

// Alt+1…5 open the pages (the nav links also carry them as access keys).
window.addEventListener('keydown', (e) => {
  if (!e.altKey || e.ctrlKey || e.metaKey) return;
  const index = Number(e.key) - 1;
  const page = PAGES[index];
  if (page && (page !== 'instructor' || isInstructor())) {
    e.preventDefault();
    go(page);
  }
});

// ── connection ──

client.socket.on('connect', () => {
  void (async () => {
    try {
      await loadScenarios();
      await play.resumeStored();
      if (currentPage() === 'leaderboards') await boards.refresh();
    } catch (err) {
      play.terminal.notice(errorText(err));
    }
  })();
});

client.socket.on('connect_error', (err) => {
  if (err.message === 'invalid session token') {
    // The session expired or the server does not know it (e.g. a fresh database): continue signed out.
    clearIdentity();
    identity = null;
    client.setAuth({});
    drawIdentity();
    play.terminal.notice('Your session has expired; please sign in again.');
    client.socket.connect();
  }
});

client.socket.on('disconnect', () => play.terminal.notice('Disconnected — reconnecting…'));

// The session token was revoked (a logout elsewhere, a password change): continue signed out.
client.socket.on('session:revoked', (push) => {
  clearIdentity();
  identity = null;
  client.setAuth({});
  play.reset();
  drawIdentity();
  play.terminal.notice(push.message);
});

// A solve anywhere can change this player's best results.
client.socket.on('attempt:solved', () => void loadScenarios());

drawIdentity();
drawCatalogue();
showPage(currentPage(), onShow);
