/**
 * A running command over the real socket: `kubectl get pods -w` answers with its table and a stream id,
 * the server pushes a row per change after ticks, and Ctrl-C (`command:interrupt`) ends it.
 */
import type { AttemptView, CommandOutputPush, CommandResult } from '../../src/game/protocol/messages';
import { register } from '../support/accounts';
import { IMAGEPULL_FIX } from '../support/fixtures';
import { call, collect, connect, nextPush, type TestSocket } from '../support/socket-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { freshDatabaseUrl } from '../support/test-database';

describe('e2e: kubectl get -w over the socket', () => {
  let testApp: TestApp | undefined;
  let socket: TestSocket | undefined;

  afterEach(async () => {
    socket?.close();
    await testApp?.app.close();
  });

  it('pushes rows as the pod changes, and stops after an interrupt', async () => {
    testApp = await startTestApp({ databaseUrl: freshDatabaseUrl() });
    socket = await connect(testApp.url);
    await register(socket, 'watcher');
    const { attemptId } = await call<AttemptView>(socket, 'attempt:start', { scenarioId: 'imagepull-wrong-tag' });

    const watch = await call<CommandResult>(socket, 'command:run', { attemptId, command: 'kubectl get pods -w' });
    expect(watch.stdout).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nweb\s+0\/1\s+/);
    expect(watch.streamId).toEqual(expect.any(String));

    const running = nextPush<CommandOutputPush>(socket, 'command:output', (p) => p.streamId === watch.streamId && /web\s+1\/1\s+Running/.test(p.stdout));
    await call<CommandResult>(socket, 'command:run', { attemptId, command: IMAGEPULL_FIX });
    const push = await running;
    expect(push.attemptId).toBe(attemptId);
    expect(push.stdout).not.toMatch(/NAME/); // rows only, no header

    expect(await call(socket, 'command:interrupt', { attemptId, streamId: watch.streamId })).toEqual({});
    const after = collect<CommandOutputPush>(socket, 'command:output');
    await call<CommandResult>(socket, 'command:run', { attemptId, command: 'kubectl delete pod web --grace-period=0 --force' });
    // let the fast test ticker run many simulated seconds past the delete
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(after.filter((p) => p.streamId === watch.streamId)).toEqual([]);
  });
});
