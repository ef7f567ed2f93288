/**
 * Browser journey in headless Chromium: register, start imagepull-wrong-tag, diagnose and fix it
 * in the xterm.js terminal (a heredoc typed line by line), watch it get solved and reach the leaderboard.
 */
import type { Browser, Page } from 'playwright-core';
import { buildClient, chromiumPath, launchChromium } from '../support/browser';
import { startTestApp, type TestApp } from '../support/test-app';
import { freshDatabaseUrl } from '../support/test-database';

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

describe('browser: a player solves a scenario', () => {
  let clientDir: string;
  let browser: Browser;
  let testApp: TestApp;
  let page: Page;
  let consoleErrors: string[];

  beforeAll(async () => {
    chromiumPath(); // fail early with an install hint
    clientDir = buildClient();
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    testApp = await startTestApp({ databaseUrl: freshDatabaseUrl(), env: { CRASHLOOP_CLIENT_DIR: clientDir } });
    page = await browser.newPage();
    consoleErrors = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
  });

  afterEach(async () => {
    await page?.close();
    await testApp?.app.close();
    // The page must run without a single console error (a missing asset, an exception).
    expect(consoleErrors).toEqual([]);
  });

  const terminalText = (): Promise<string> => page.locator('.xterm-rows').innerText();

  async function typeLine(line: string): Promise<void> {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  }

  it('registers, plays imagepull-wrong-tag to solved and shows the score on the leaderboard', async () => {
    await page.goto(testApp.url);
    await page.fill('#register-name', 'browser_bea');
    await page.fill('#register-password', 'browser-password');
    await page.click('#register-form button[type=submit]');
    await page.waitForSelector('#identity >> text=Signed in as browser_bea');

    await page.click('button[data-scenario-id="imagepull-wrong-tag"]');
    await page.waitForSelector('#objectives li');
    await page.click('#terminal');

    // Poll: the pull fails first with ErrImagePull, then backs off.
    let output = '';
    for (let i = 0; i < 30 && !output.includes('ImagePullBackOff'); i++) {
      await typeLine('kubectl get pods');
      await page.waitForTimeout(200);
      output = await terminalText();
    }
    expect(output).toContain('ImagePullBackOff');

    for (const line of FIX_LINES) await typeLine(line);
    await page.waitForSelector('.score-total', { timeout: 20_000 });
    const score = Number((await page.locator('.score-total').innerText()).split(' ')[0]);
    expect(score).toBeGreaterThan(0);
    expect(await page.locator('#objectives li.unmet').count()).toBe(0);

    const myRow = page.locator('#leaderboard-body tr.me');
    await myRow.waitFor({ timeout: 10_000 });
    expect(await myRow.innerText()).toContain('browser_bea');
    expect(await myRow.innerText()).toContain(String(score));
    expect(await page.evaluate('localStorage.getItem("crashloop.identity")')).toContain('browser_bea');
  });
});
