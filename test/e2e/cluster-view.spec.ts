/**
 * The live cluster view over the real socket: `cluster:view` on start and whenever the picture changed
 * after ticks (the pod turning from ImagePullBackOff to Running after the fix), `cluster:describe` of
 * one's own attempt only, and the catalogue's best result per scenario once solved.
 */
import type { ClusterDescribeResponse, ClusterViewPush } from '../../src/game/protocol/cluster-view.messages';
import type { AttemptView, ScenarioListResponse } from '../../src/game/protocol/messages';
import { register } from '../support/accounts';
import { IMAGEPULL_FIX } from '../support/fixtures';
import { call, collect, connect, nextPush, send, type TestSocket } from '../support/socket-client';
import { MANUAL_TICKER, startTestApp, type TestApp } from '../support/test-app';
import { freshDatabaseUrl } from '../support/test-database';
import { tick, tickUntilSolved } from '../support/ticks';

const web = (push: ClusterViewPush) => push.view.pods.find((p) => p.namespace === 'default' && p.name === 'web');

describe('e2e: the live cluster view', () => {
  let testApp: TestApp | undefined;
  const sockets: TestSocket[] = [];

  afterEach(async () => {
    for (const s of sockets.splice(0)) s.close();
    await testApp?.app.close();
  });

  async function player(name: string): Promise<TestSocket> {
    const socket = await connect(testApp!.url);
    sockets.push(socket);
    await register(socket, name);
    return socket;
  }

  it('pushes the view on start and on change only, describes pods, and lists the best result once solved', async () => {
    testApp = await startTestApp({ databaseUrl: freshDatabaseUrl(), env: MANUAL_TICKER });
    const socket = await player('viewer');
    const first = nextPush<ClusterViewPush>(socket, 'cluster:view');
    const { attemptId } = await call<AttemptView>(socket, 'attempt:start', { scenarioId: 'imagepull-wrong-tag' });
    const initial = await first;
    expect(initial.attemptId).toBe(attemptId);
    expect(initial.view.nodes.length).toBeGreaterThan(0);
    expect(initial.view.nodes.every((n) => typeof n.ready === 'boolean' && Array.isArray(n.taints))).toBe(true);
    expect(web(initial)).toMatchObject({ ready: '0/1', restarts: 0 });
    expect(['ErrImagePull', 'ImagePullBackOff']).toContain(web(initial)!.status);
    expect(initial.view.nodes.map((n) => n.name)).toContain(web(initial)!.node);

    // The STATUS is the one `kubectl get pods` prints.
    const table = await call<{ stdout: string }>(socket, 'command:run', { attemptId, command: 'kubectl get pod web --no-headers' });
    const pushes = collect<ClusterViewPush>(socket, 'cluster:view');
    await tick(testApp, 30);
    const latest = pushes.at(-1) ?? initial;
    expect(table.stdout.split(/\s+/)[2]).toBe(web(initial)!.status);
    expect(web(latest)!.status).toBe('ImagePullBackOff');
    // Pushed only on change: 30 ticks of an unchanged picture are far fewer than 30 pushes.
    expect(pushes.length).toBeLessThan(10);
    for (let i = 1; i < pushes.length; i++) expect(pushes[i].view).not.toEqual(pushes[i - 1].view);

    const described = await call<ClusterDescribeResponse>(socket, 'cluster:describe', { attemptId, kind: 'pod', namespace: 'default', name: 'web' });
    expect(described.text).toMatch(/^Name:\s+web\n/);
    expect(described.text).toContain('nginx:1.27.99');
    expect(described.text).toMatch(/Back-off pulling image "nginx:1.27.99"/);

    const running = nextPush<ClusterViewPush>(socket, 'cluster:view', (p) => web(p)?.status === 'Running' && web(p)?.ready === '1/1');
    await call(socket, 'command:run', { attemptId, command: IMAGEPULL_FIX });
    const solved = tickUntilSolved(testApp, attemptId);
    expect(web(await running)).toMatchObject({ status: 'Running', ready: '1/1' });
    await solved;

    const { scenarios } = await call<ScenarioListResponse>(socket, 'scenario:list', {});
    const best = scenarios.find((s) => s.id === 'imagepull-wrong-tag')!.best!;
    expect(best.score).toBeGreaterThan(0);
    expect(best.solveSeconds).toBeGreaterThanOrEqual(0);
    expect(scenarios.filter((s) => s.best).map((s) => s.id)).toEqual(['imagepull-wrong-tag']);
  });

  it('answers describe errors in kubectl words, refuses other players and malformed requests', async () => {
    testApp = await startTestApp({ databaseUrl: freshDatabaseUrl(), env: MANUAL_TICKER });
    const owner = await player('owner');
    const { attemptId } = await call<AttemptView>(owner, 'attempt:start', { scenarioId: 'imagepull-wrong-tag' });

    const missing = await send(owner, 'cluster:describe', { attemptId, kind: 'pod', name: 'nope' });
    expect(missing).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: 'Error from server (NotFound): pods "nope" not found' } });
    const kind = await send(owner, 'cluster:describe', { attemptId, kind: 'gizmo', name: 'web' });
    expect(kind).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: 'error: the server doesn\'t have a resource type "gizmo"' } });
    const node = await call<ClusterDescribeResponse>(owner, 'cluster:describe', { attemptId, kind: 'nodes', name: 'controlplane' });
    expect(node.text).toMatch(/^Name:\s+controlplane\n/);

    const bad = await send(owner, 'cluster:describe', { attemptId, kind: 'pod', namespace: 'Not_A_Namespace', name: 'web' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const noName = await send(owner, 'cluster:describe', { attemptId, kind: 'pod' });
    expect(noName).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });

    const other = await player('other');
    const views = collect<ClusterViewPush>(other, 'cluster:view');
    expect(await send(other, 'cluster:describe', { attemptId, kind: 'pod', name: 'web' })).toMatchObject({ ok: false, error: { code: 'ATTEMPT_NOT_FOUND' } });
    await tick(testApp, 5);
    expect(views).toEqual([]);

    const signedOut = await connect(testApp.url);
    sockets.push(signedOut);
    expect(await send(signedOut, 'cluster:describe', { attemptId, kind: 'pod', name: 'web' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const list = await call<ScenarioListResponse>(signedOut, 'scenario:list', {});
    expect(list.scenarios.every((s) => s.best === undefined)).toBe(true);
  });
});
