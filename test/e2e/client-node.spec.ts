/**
 * @kubernetes/client-node 1.4 (the official JavaScript client; 2.x needs Node 22) against an attempt's
 * Kubernetes API: it insists on HTTPS with a CA, then lists, patches (strategic merge), watches and execs.
 * The client is ESM-only, so it runs in a child process (test/support/client-node-probe.mjs).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AttemptView } from '../../src/game/protocol/messages';
import { AttemptTickerService } from '../../src/game/attempts/attempt-ticker.service';
import { register } from '../support/accounts';
import { K8S_ENV, kubeconfigFor } from '../support/real-kubectl';
import { call, connect, type TestSocket } from '../support/socket-client';
import { MANUAL_TICKER, startTestApp, type TestApp } from '../support/test-app';
import { freshDatabaseUrl } from '../support/test-database';

jest.setTimeout(60_000);

describe('e2e: @kubernetes/client-node against an attempt', () => {
  let testApp: TestApp;
  let socket: TestSocket;

  afterAll(async () => {
    socket?.close();
    await testApp?.app.close();
  });

  it('lists, patches, watches and execs', async () => {
    testApp = await startTestApp({ databaseUrl: freshDatabaseUrl(), env: { ...MANUAL_TICKER, ...K8S_ENV } });
    socket = await connect(testApp.url);
    const { token } = await register(socket, 'client_node_user');
    const { attemptId } = await call<AttemptView>(socket, 'attempt:start', { scenarioId: 'rollout-bad-image' });
    await testApp.app.get(AttemptTickerService).tickAll(30_000);
    const file = join(mkdtempSync(join(tmpdir(), 'crashloop-client-node-')), 'kubeconfig');
    writeFileSync(file, await kubeconfigFor(testApp.url, token, attemptId));
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, [join(__dirname, '../support/client-node-probe.mjs'), file], { timeout: 40_000 }, (err, out, errOut) => (err ? reject(new Error(`${err.message}\n${errOut}`)) : resolve(out))),
    );
    const seen = JSON.parse(stdout) as { podLabels: string[]; nodes: string[]; watched: Array<{ type: string; replicas: number }>; patchedReplicas: number; execStatus: string; execStdout: string; execPod: string };
    expect(seen.podLabels).toEqual(['web']);
    expect(seen.nodes).toEqual(expect.arrayContaining(['controlplane', 'node01']));
    expect(seen.patchedReplicas).toBe(5);
    expect(seen.watched).toContainEqual({ type: 'MODIFIED', replicas: 5 });
    expect(seen.execStatus).toBe('Success');
    expect(seen.execStdout).toBe(`${seen.execPod}\n`);
  });
});
