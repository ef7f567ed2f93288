/**
 * `kubectl edit` and tab completion over the real socket: the edit's file comes back in the ack, the save
 * (`command:edit-save`) applies it and is recorded in the command log; `command:complete` answers candidates
 * and is not recorded.
 */
import type { AttemptView, CommandResult, Completion, ReplayView } from '../../src/game/protocol/messages';
import { register } from '../support/accounts';
import { call, connect, send, type TestSocket } from '../support/socket-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { freshDatabaseUrl } from '../support/test-database';

describe('e2e: kubectl edit and tab completion over the socket', () => {
  let testApp: TestApp | undefined;
  let socket: TestSocket | undefined;

  afterEach(async () => {
    socket?.close();
    await testApp?.app.close();
  });

  it('edits the pod through the editor round trip, logs it, and completes without logging', async () => {
    testApp = await startTestApp({ databaseUrl: freshDatabaseUrl() });
    socket = await connect(testApp.url);
    await register(socket, 'editor');
    const { attemptId } = await call<AttemptView>(socket, 'attempt:start', { scenarioId: 'imagepull-wrong-tag' });

    const opened = await call<CommandResult>(socket, 'command:run', { attemptId, command: 'kubectl edit pod web' });
    expect(opened.edit).toEqual({ editId: expect.any(String), text: expect.stringMatching(/^# Please edit the object below/), path: expect.stringMatching(/^\/tmp\/kubectl-edit-\d+\.yaml$/) });

    // a bad save reopens the file with the API server's reasons on top
    const invalid = await call<CommandResult>(socket, 'command:edit-save', { attemptId, editId: opened.edit!.editId, text: opened.edit!.text.replace('\n    name: web\n', '\n    name: web\n    env:\n    - name: X\n      value: "1"\n') });
    expect(invalid.stderr).toBe('error: pods "web" is invalid\n');
    expect(invalid.edit!.text).toMatch(/# pods "web" was not valid:\n# \* spec: Forbidden: pod updates may not change fields other than/);
    expect(invalid.edit!.editId).not.toBe(opened.edit!.editId);

    const fixed = invalid.edit!.text.replace(/^#.*\n/gm, '').replace('    env:\n    - name: X\n      value: "1"\n', '').replace(/image: nginx:1\.27\.99/, 'image: nginx:1.27');
    expect(await call<CommandResult>(socket, 'command:edit-save', { attemptId, editId: invalid.edit!.editId, text: fixed })).toEqual({ stdout: 'pod/web edited\n', stderr: '', exitCode: 0 });
    // the edit is over: its id is gone
    expect(await call<CommandResult>(socket, 'command:edit-cancel', { attemptId, editId: invalid.edit!.editId })).toMatchObject({ exitCode: 1, stderr: expect.stringMatching(/^error: no edit in progress with id/) });

    const cancelled = await call<CommandResult>(socket, 'command:run', { attemptId, command: 'kubectl edit pod web' });
    expect(await call<CommandResult>(socket, 'command:edit-cancel', { attemptId, editId: cancelled.edit!.editId })).toEqual({ stdout: '', stderr: 'Edit cancelled, no changes made.\n', exitCode: 0 });

    expect(await call<Completion>(socket, 'command:complete', { attemptId, line: 'kubectl get po' })).toEqual({ prefix: 'po', candidates: ['po', 'pod', 'poddisruptionbudget', 'poddisruptionbudgets', 'pods'] });
    expect(await call<Completion>(socket, 'command:complete', { attemptId, line: 'kubectl logs ' })).toEqual({ prefix: '', candidates: ['web'] });

    const replay = await call<ReplayView>(socket, 'attempt:replay', { attemptId });
    expect(replay.commands.map((c) => c.command.split('\n')[0])).toEqual([
      'kubectl edit pod web',
      `# kubectl edit: saved ${opened.edit!.editId}`,
      `# kubectl edit: saved ${invalid.edit!.editId}`,
      `# kubectl edit: closed ${invalid.edit!.editId} without saving`,
      'kubectl edit pod web',
      `# kubectl edit: closed ${cancelled.edit!.editId} without saving`,
    ]);
    expect(replay.commands[2]).toMatchObject({ stdout: 'pod/web edited\n', exitCode: 0 });
  });

  it('validates the requests like every other message', async () => {
    testApp = await startTestApp({ databaseUrl: freshDatabaseUrl() });
    socket = await connect(testApp.url);
    await register(socket, 'validator');
    const { attemptId } = await call<AttemptView>(socket, 'attempt:start', { scenarioId: 'imagepull-wrong-tag' });
    const tooLong = await send(socket, 'command:edit-save', { attemptId, editId: 'e1', text: 'x'.repeat(64 * 1024 + 1) });
    expect(tooLong).toMatchObject({ ok: false, error: { message: expect.stringMatching(/text must be at most 65536 characters/) } });
    expect(await send(socket, 'command:complete', { attemptId, line: 42 })).toMatchObject({ ok: false });
    expect(await send(socket, 'command:edit-cancel', { attemptId })).toMatchObject({ ok: false });
  });
});
