/**
 * Browser journeys in headless Chromium against the real server (one browser, one app, pages reused):
 * a learner registers, opens a scenario from the catalogue, types in the terminal, watches the pod turn
 * from ImagePullBackOff to Running in the live cluster view after the fix, sees the objective tick, the
 * score and the leaderboard update live in another tab; Tab completion and kubectl edit; a quiz round; a
 * guest claiming the account; an instructor's event dashboard and the validator's report of a broken scenario.
 * Every page is screenshotted into test-output/screenshots/. Any console error fails the run.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { register, setRole } from '../support/accounts';
import { buildClient, chromiumPath, launchChromium } from '../support/browser';
import { connect } from '../support/socket-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { freshDatabaseUrl } from '../support/test-database';

const SCREENSHOTS = resolve(__dirname, '..', '..', 'test-output', 'screenshots');
const PASSWORD = 'browser-password';
const FIX_LINES = [
  'kubectl apply -f - <<EOF',
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: web',
  '  labels:',
  '    app: web',
  'spec:',
  '  containers:',
  '  - name: web',
  '    image: nginx:1.27',
  '    ports:',
  '    - containerPort: 80',
  'EOF',
];

describe('browser: the web client', () => {
  let browser: Browser;
  let testApp: TestApp;
  const consoleErrors: string[] = [];
  const pages: Page[] = [];

  async function newPage(width = 1400, height = 900): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height } });
    // A stuck step fails with its own selector well before the test's timeout.
    page.setDefaultTimeout(15_000);
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`${m.text()} (${m.location().url})`);
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    pages.push(page);
    return page;
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    chromiumPath(); // fail early with an install hint
    mkdirSync(SCREENSHOTS, { recursive: true });
    const clientDir = buildClient();
    [browser, testApp] = await Promise.all([launchChromium(), startTestApp({ databaseUrl: freshDatabaseUrl(), env: { CRASHLOOP_CLIENT_DIR: clientDir } })]);
    // The first account is the admin: make it the teacher, so the browser's learner stays a learner.
    const socket = await connect(testApp.url);
    const admin = await register(socket, 'admin_ada');
    await fetch(`${testApp.url}/api/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'teacher_tom', password: PASSWORD }) });
    await setRole(testApp.url, admin.token, 'teacher_tom', 'instructor');
    socket.close();
  }, 180_000);

  afterAll(async () => {
    for (const page of pages) await page.close().catch(() => undefined);
    await browser?.close();
    await testApp?.app.close();
  });

  afterEach(() => {
    // The pages must run without a single console error (a missing asset, an exception).
    expect(consoleErrors.splice(0)).toEqual([]);
  });

  async function signIn(page: Page, mode: 'Sign in' | 'Register', name: string): Promise<void> {
    await page.click(`#identity button:has-text("${mode}")`);
    await page.fill('#auth-name', name);
    await page.fill('#auth-password', PASSWORD);
    await page.click('#auth-submit');
    await page.waitForSelector(`#identity .player-name:has-text("${name}")`);
  }

  async function typeLine(page: Page, line: string): Promise<void> {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  }

  const terminalText = (page: Page): Promise<string> => page.locator('.xterm-rows').innerText();
  /** xterm.js renders spaces as no-break spaces; compare with plain ones. */
  const waitForTerminal = async (page: Page, text: string | RegExp): Promise<void> => {
    const pattern = typeof text === 'string' ? text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') : text.source;
    await page
      .waitForFunction(`new RegExp(${JSON.stringify(pattern)}).test((document.querySelector('.xterm-rows')?.innerText ?? '').replace(/\u00a0/g, ' '))`)
      .catch(async (err: Error) => {
        throw new Error(`terminal never showed ${JSON.stringify(text)}; its last lines:\n${(await terminalText(page)).split('\n').slice(-25).join('\n')}\n${err.message}`);
      });
  };

  it('a learner solves imagepull-wrong-tag: catalogue, terminal, live cluster view, objectives, score, live leaderboard', async () => {
    // A second tab watches the global board while the learner plays: it must update by itself.
    const watcher = await newPage();
    await watcher.goto(`${testApp.url}/#/leaderboards`);
    await watcher.waitForSelector('#leaderboard-body td:has-text("No solves yet")');

    const page = await newPage();
    await page.goto(testApp.url);
    await signIn(page, 'Register', 'browser_bea');
    expect(await page.locator('#identity .role').innerText()).toBe('learner');
    expect(await page.locator('.nav a[data-page="instructor"]').isHidden()).toBe(true);

    // Catalogue: grouped by track, ordered by difficulty, nothing solved yet.
    await page.waitForSelector('.track .card[data-scenario="imagepull-wrong-tag"]');
    const difficulties = await page.locator('.track').first().locator('.card .badge').allInnerTexts();
    const order = { beginner: 0, intermediate: 1, advanced: 2 } as Record<string, number>;
    expect(difficulties.map((d) => order[d])).toEqual([...difficulties.map((d) => order[d])].sort());
    expect(await page.locator('.card[data-scenario="imagepull-wrong-tag"] .best').count()).toBe(0);
    await shot(page, 'catalogue');
    // The search narrows the catalogue as one types.
    await page.fill('#catalogue-search', 'imagepullbackoff');
    await page.waitForSelector('.card[data-scenario="node-notready-kubelet"]', { state: 'detached' });
    expect(await page.locator('.card[data-scenario="imagepull-wrong-tag"]').count()).toBe(1);

    await page.click('button[data-scenario-id="imagepull-wrong-tag"]');
    await page.waitForURL(/#\/play$/);
    await page.waitForSelector('#objectives li.unmet');
    // The live cluster view: pod web on a node, failing to pull.
    const webPod = page.locator('.node .pod[data-pod="default/web"]');
    await page.waitForSelector('.node .pod[data-pod="default/web"][data-status="ImagePullBackOff"]', { timeout: 20_000 });
    expect(await webPod.getAttribute('class')).toContain('s-bad');
    expect(await page.locator('#unscheduled').innerText()).toContain('Every pod has a node.');

    // The learner's own kubectl: the button saves a kubeconfig for this attempt's Kubernetes API.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#kubeconfig-button')]);
    expect(download.suggestedFilename()).toBe('crashloop-imagepull-wrong-tag.kubeconfig');
    const kubeconfig = readFileSync((await download.path())!, 'utf8');
    expect(kubeconfig).toMatch(/server: https:\/\/localhost:\d+\/k8s\/[\w-]+/);
    expect(kubeconfig).toMatch(/certificate-authority-data: \S+/);
    expect(kubeconfig).toMatch(/token: \S+/);

    await page.click('#terminal');
    await typeLine(page, 'kubectl get pods');
    // The kubelet alternates ErrImagePull (each pull) and ImagePullBackOff (between pulls).
    await waitForTerminal(page, /web\s+0\/1\s+(ErrImagePull|ImagePullBackOff)/);
    expect(await terminalText(page)).toMatch(/\[ns:default\] \$ kubectl get pods/);

    // Clicking the pod shows its describe beside the view.
    await webPod.click();
    await page.waitForSelector('#describe-text:has-text("Back-off pulling image")');
    expect(await page.locator('#describe-title').textContent()).toBe('describe pod/web');

    await page.click('#terminal');
    for (const line of FIX_LINES) await typeLine(page, line);
    await waitForTerminal(page, 'pod/web configured');
    await page.waitForSelector('.node .pod[data-pod="default/web"][data-status="Running"]', { timeout: 20_000 });
    await page.waitForSelector('#objectives li.met[data-objective="web-ready"]');
    // The open describe follows the cluster.
    await page.waitForFunction(`/Status:\\s+Running/.test(document.getElementById('describe-text').textContent)`);
    await shot(page, 'play');
    await page.waitForSelector('.score-total', { timeout: 20_000 });
    const score = Number((await page.locator('.score-total').innerText()).split(' ')[0]);
    expect(score).toBeGreaterThan(0);
    expect(await page.locator('.debrief p').count()).toBeGreaterThan(0);

    // History survives a reload (per player, in localStorage).
    expect(await page.evaluate("localStorage.getItem('crashloop.history.' + JSON.parse(localStorage.getItem('crashloop.identity')).playerId)")).toContain('kubectl get pods');

    // The other tab's board updated live, without a reload.
    const row = watcher.locator('#leaderboard-body tr[data-player="browser_bea"]');
    await row.waitFor({ timeout: 10_000 });
    expect(await row.innerText()).toContain(String(score));

    await page.click('.nav a[data-page="leaderboards"]');
    await page.waitForSelector('#leaderboard-body tr.me[data-player="browser_bea"]');
    await page.selectOption('#board-kind', 'scenario');
    await page.selectOption('#board-scenario', 'imagepull-wrong-tag');
    await page.waitForSelector('#board-caption:has-text("Best attempt per player")');
    await page.waitForSelector('#leaderboard-body tr.me[data-player="browser_bea"]');
    await shot(page, 'leaderboards');

    // The catalogue now shows the best result.
    await page.click('.nav a[data-page="catalogue"]');
    await page.fill('#catalogue-search', '');
    await page.waitForSelector(`.card[data-scenario="imagepull-wrong-tag"] .best:has-text("best ${score} pts")`);

    await page.click('.nav a[data-page="quiz"]');
    await page.waitForSelector('#quiz-start button[type=submit]');
    await shot(page, 'quiz-page');

    // A pod the scheduler cannot place stands apart, in the Unscheduled area.
    await page.click('.nav a[data-page="catalogue"]');
    await page.click('button[data-scenario-id="pending-insufficient-cpu"]');
    await page.waitForSelector('#unscheduled .pod[data-status="Pending"]');
    expect(await page.locator('.node .pod[data-status="Pending"]').count()).toBe(0);

    // Tablet width: the play page stacks terminal over panels.
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.click('.nav a[data-page="play"]');
    await page.waitForSelector('#terminal .xterm-rows');
    await shot(page, 'play-tablet');
  }, 90_000);

  it('Tab completes like bash: a list for `kubectl get po`, inline for a pod name', async () => {
    const page = pages[1];
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.click('.nav a[data-page="catalogue"]');
    await page.click('button[data-scenario-id="crashloop-missing-env"]');
    await page.waitForSelector('#objectives li');
    await page.click('#terminal');
    await page.keyboard.type('kubectl get po');
    await page.keyboard.press('Tab');
    // Several resource names start with "po": they are listed under the line, which comes back as typed.
    await waitForTerminal(page, /\bpods\b[^\n]*\n\[ns:default\] \$ kubectl get po/);
    await page.keyboard.type('ds orders');
    await page.keyboard.press('Tab');
    await waitForTerminal(page, 'kubectl get pods orders-api');
    await page.keyboard.press('Enter');
    await waitForTerminal(page, /orders-api\s+0\/1/);
  });

  it('kubectl edit opens the editor pane: Esc cancels; an invalid save reopens with the error; a fix is saved', async () => {
    const page = pages[1];
    await page.click('#terminal');
    await typeLine(page, 'kubectl edit configmap orders-config');
    await page.waitForSelector('#edit-pane:not([hidden]) #edit-text');
    expect(await page.locator('#edit-text').inputValue()).toContain('kind: ConfigMap');
    await page.keyboard.press('Escape');
    await waitForTerminal(page, 'Edit cancelled, no changes made.');
    expect(await page.locator('#edit-pane').isHidden()).toBe(true);

    await page.click('#terminal');
    await typeLine(page, 'kubectl edit configmap orders-config');
    await page.waitForSelector('#edit-pane:not([hidden]) #edit-text');
    const original = await page.locator('#edit-text').inputValue();
    // A duplicate key: kubectl reopens the file with the error in its header.
    await page.fill('#edit-text', original.replace(/^data:\n(.*)\n/m, 'data:\n$1\n$1\n'));
    await page.keyboard.press('Control+s');
    await page.waitForFunction(`document.getElementById('edit-text').value.includes('already set in map')`);
    await shot(page, 'play-edit');
    await page.fill('#edit-text', original.replace(/^data:\n/m, 'data:\n  MAX_CONNECTIONS: "20"\n'));
    await page.click('#edit-save');
    await waitForTerminal(page, 'configmap/orders-config edited');
    expect(await page.locator('#edit-pane').isHidden()).toBe(true);
  });

  it('a quiz round is answered and finished', async () => {
    const page = pages[1];
    await page.click('.nav a[data-page="quiz"]');
    await page.click('#quiz-start button[type=submit]');
    await page.waitForSelector('#quiz-round .question');
    const questions = page.locator('#quiz-round .question');
    for (let i = 0; i < (await questions.count()); i++) {
      const q = questions.nth(i);
      await q.locator('input').first().check();
      await q.locator('button:has-text("Answer")').click();
      await q.locator('.explanation p').first().waitFor();
    }
    await page.click('#quiz-finish');
    await page.waitForSelector('#quiz-result');
    await shot(page, 'quiz');
    // The round counts on the quiz board.
    await page.click('.nav a[data-page="leaderboards"]');
    await page.selectOption('#board-kind', 'quiz');
    await page.waitForSelector('#leaderboard-body tr.me[data-player="browser_bea"]');
  });

  it('a guest starts playing at once and claims the account later', async () => {
    const page = await newPage(1024, 768);
    await page.goto(testApp.url);
    await page.click('#identity button:has-text("Play as guest")');
    await page.waitForSelector('#identity .role:has-text("guest")');
    await page.click('button[data-scenario-id="readiness-wrong-port"]');
    await page.waitForSelector('.node .pod');
    await page.click('#identity button:has-text("Claim account")');
    await page.fill('#auth-name', 'claimed_cleo');
    await page.fill('#auth-password', PASSWORD);
    await page.click('#auth-submit');
    await page.waitForSelector('#identity .player-name:has-text("claimed_cleo")');
    expect(await page.locator('#identity .role').innerText()).toBe('learner');
    // Same player: the running attempt is still there.
    expect(await page.locator('#attempt-title').innerText()).not.toBe('No attempt running');
    await page.close();
  });

  it('an instructor creates an event, sees its join code, and watches a member play', async () => {
    const page = await newPage();
    await page.goto(testApp.url);
    await signIn(page, 'Sign in', 'teacher_tom');
    await page.click('.nav a[data-page="instructor"]');
    await page.waitForURL(/#\/instructor$/);
    await page.fill('#event-name', 'Friday lab');
    await page.check('#event-scenarios input[value="imagepull-wrong-tag"]');
    await page.click('#event-form button[type=submit]');
    await page.waitForSelector('#event-dashboard .join-code');
    const code = await page.locator('#event-dashboard .join-code').innerText();
    expect(code).toMatch(/^\S{4,}$/);

    // The learner joins with the code in the catalogue and plays the event's scenario: the dashboard
    // shows them, their objectives and their commands live.
    const learner = pages[1];
    await learner.setViewportSize({ width: 1400, height: 900 });
    await learner.click('.nav a[data-page="catalogue"]');
    await learner.fill('#join-code', code);
    await learner.click('#join-form button[type=submit]');
    await learner.waitForSelector('#event-banner:has-text("Friday lab")');
    await learner.click('button[data-event-scenario-id="imagepull-wrong-tag"]');
    await learner.waitForSelector('#objectives li.unmet');
    await learner.click('#terminal');
    await typeLine(learner, 'kubectl get events');
    await page.waitForSelector('#event-dashboard .command-log:has-text("[browser_bea")');
    expect(await page.locator('#event-dashboard .command-log').innerText()).toContain('kubectl get events');
    await page.waitForSelector('#event-dashboard tr:has-text("browser_bea")');
    await shot(page, 'instructor');

    // A broken scenario: the YAML does not even parse; the report names the line.
    await page.fill('#authoring-yaml', 'id: broken\ntitle: [unclosed\n');
    await page.click('#authoring-validate');
    // A cold validation worker compiles the engine first under ts-node: allow it time.
    await page.waitForSelector('#authoring-report[data-ok="false"]', { timeout: 100_000 });
    expect(await page.locator('#authoring-report').innerText()).toMatch(/line \d+/i);

    // A scenario that parses but whose reference solution fixes nothing: the simulation's report says which step failed.
    const wrongFix = readFileSync(join(__dirname, '..', 'fixtures', 'authoring', 'valid.scenario.yaml'), 'utf8').replace('web=nginx:1.27', 'web=nginx:1.27.99');
    await page.fill('#authoring-yaml', wrongFix);
    await page.click('#authoring-validate');
    await page.waitForSelector('#authoring-report[data-ok="false"] li.failed', { timeout: 100_000 });
    const failed = await page.locator('#authoring-report li.failed .step-bad').allInnerTexts();
    expect(failed).toEqual([expect.stringMatching(/^✗ solved by the reference solution/)]);
    expect(await page.locator('#authoring-report li.ok').count()).toBeGreaterThan(2);
    await shot(page, 'instructor-validation');
  }, 180_000);
});
