/**
 * The learner's REAL kubectl against the per-attempt Kubernetes API: real Nest app, fresh SQLite file,
 * HTTPS with the installation's CA, a kubeconfig fetched over HTTP, /usr/bin/kubectl as a child process.
 * For `get` and error messages, the real kubectl's output is compared with our socket kubectl's output
 * for the same command on the same cluster state.
 */
import type { AttemptView, CommandResult } from '../../src/game/protocol/messages';
import { K8sApiServer } from '../../src/k8s-api/k8s-api.server';
import { register } from '../support/accounts';
import { realKubectl, type KubectlRun } from '../support/real-kubectl';
import { call, connect, poll, type TestSocket } from '../support/socket-client';
import { MANUAL_TICKER, startTestApp, type TestApp } from '../support/test-app';
import { freshDatabaseUrl } from '../support/test-database';
import { AttemptTickerService } from '../../src/game/attempts/attempt-ticker.service';

jest.setTimeout(180_000);

describe('e2e: real kubectl against an attempt', () => {
  let testApp: TestApp;
  let socket: TestSocket;
  let attemptId: string;
  let sessionToken: string;
  let kubectl: (args: string[], stdin?: string) => Promise<KubectlRun>;

  beforeAll(async () => {
    testApp = await startTestApp({ databaseUrl: freshDatabaseUrl(), env: { ...MANUAL_TICKER, CRASHLOOP_K8S_PORT: '0', CRASHLOOP_K8S_HOSTNAME: '127.0.0.1' } });
    socket = await connect(testApp.url);
    sessionToken = (await register(socket, 'kube_learner')).token;
    const attempt = await call<AttemptView>(socket, 'attempt:start', { scenarioId: 'imagepull-wrong-tag' });
    attemptId = attempt.attemptId;
    await testApp.app.get(AttemptTickerService).tickAll(60_000);
    const res = await fetch(`${testApp.url}/api/attempts/${attemptId}/kubeconfig`, { headers: { authorization: `Bearer ${sessionToken}` } });
    expect(res.status).toBe(200);
    kubectl = realKubectl(await res.text());
  });

  afterAll(async () => {
    socket?.close();
    await testApp?.app.close();
  });

  const ours = async (command: string): Promise<CommandResult> => call<CommandResult>(socket, 'command:run', { attemptId, command });

  it('reports version 1.32', async () => {
    const r = await kubectl(['version', '-o', 'json']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).serverVersion.gitVersion).toBe('v1.32.2');
  });

  it('get pods prints what our kubectl prints', async () => {
    const real = await kubectl(['get', 'pods']);
    const mine = await ours('kubectl get pods');
    expect(real.stderr).toBe('');
    expect(real.stdout).toBe(mine.stdout);
  });

  it('serves the port', () => {
    expect(testApp.app.get(K8sApiServer).port).toBeGreaterThan(0);
  });
});
