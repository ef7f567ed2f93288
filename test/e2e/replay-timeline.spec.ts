/**
 * Replays carry the cluster's timeline: a solved imagepull attempt shows the pull back-off events, then the
 * command that fixed the image, then the pod turning Ready and the objective met — also when the attempt
 * went through a server restart in between. Real app, real catalogue, real SQLite, clock driven by hand.
 */
import type { AttemptView, ReplayTimelineItem, ReplayView, SessionResponse } from '../../src/game/protocol/messages';
import { register } from '../support/accounts';
import { IMAGEPULL_FIX } from '../support/fixtures';
import { call } from '../support/socket-client';
import { AppHarness } from '../support/app-harness';
import { MANUAL_TICKER } from '../support/test-app';
import { freshDatabaseUrl } from '../support/test-database';
import { tick, tickUntilSolved } from '../support/ticks';

const SCENARIO = 'imagepull-wrong-tag';

describe('e2e: replays with the cluster timeline', () => {
  const h = new AppHarness();



  afterEach(() => h.close());

  function indexOf(timeline: ReplayTimelineItem[], what: string, match: (item: ReplayTimelineItem) => boolean): number {
    const i = timeline.findIndex(match);
    if (i < 0) throw new Error(`no ${what} in the replay timeline:\n${timeline.map((t) => JSON.stringify(t)).join('\n')}`);
    return i;
  }

  it('shows the back-off events, the fixing command, the pod turning Ready and the objective met, in that order', async () => {
    const databaseUrl = freshDatabaseUrl();
    await h.start({ databaseUrl, env: MANUAL_TICKER });
    const first = await h.open();
    const session: SessionResponse = await register(first, 'rita');
    const { attemptId } = await call<AttemptView>(first, 'attempt:start', { scenarioId: SCENARIO });
    await tick(h.app!, 15);
    await call(first, 'command:run', { attemptId, command: 'kubectl get pods' });
    // The replay of a running attempt already has what happened so far.
    const midway = await call<ReplayView>(first, 'attempt:replay', { attemptId });
    expect(midway.timeline.some((t) => t.kind === 'event' && t.reason === 'BackOff' && t.object === 'pod/web')).toBe(true);

    await h.close(); // flushes the snapshot and the timeline
    await h.start({ databaseUrl, env: MANUAL_TICKER });
    const again = await h.open(session.token);
    await call<AttemptView>(again, 'attempt:resume', { attemptId });
    await tick(h.app!, 10);
    await call(again, 'command:run', { attemptId, command: IMAGEPULL_FIX });
    await tickUntilSolved(h.app!, attemptId);

    const replay = await call<ReplayView>(again, 'attempt:replay', { attemptId });
    const { timeline } = replay;
    const pullFailed = indexOf(timeline, 'ErrImagePull event', (t) => t.kind === 'event' && t.object === 'pod/web' && t.message === 'Error: ErrImagePull');
    const backOff = indexOf(timeline, 'BackOff event', (t) => t.kind === 'event' && t.object === 'pod/web' && t.reason === 'BackOff');
    const pullBackOff = indexOf(timeline, 'ImagePullBackOff event', (t) => t.kind === 'event' && t.type === 'Warning' && t.reason === 'Failed' && t.message === 'Error: ImagePullBackOff');
    const backOffStatus = indexOf(timeline, 'ImagePullBackOff status', (t) => t.kind === 'pod' && t.object === 'pod/web' && t.status === 'ImagePullBackOff');
    const fix = indexOf(timeline, 'fixing command', (t) => t.kind === 'command' && t.command === IMAGEPULL_FIX);
    const ready = indexOf(timeline, 'web Ready', (t) => t.kind === 'pod' && t.object === 'pod/web' && t.status === 'Running' && t.ready === '1/1');
    const met = indexOf(timeline, 'objective met', (t) => t.kind === 'objective' && t.id === 'web-ready' && t.met);
    const solved = indexOf(timeline, 'solved', (t) => t.kind === 'solved');
    expect(pullFailed).toBeLessThan(fix);
    expect(backOff).toBeLessThan(fix);
    expect(pullBackOff).toBeLessThan(fix);
    expect(backOffStatus).toBeLessThan(fix);
    expect(fix).toBeLessThan(ready);
    expect(ready).toBeLessThanOrEqual(met);
    expect(met).toBeLessThan(solved);
    // The objective was unmet from the start until the fix took.
    const unmet = indexOf(timeline, 'objective unmet', (t) => t.kind === 'objective' && t.id === 'web-ready' && !t.met);
    expect(unmet).toBeLessThan(fix);

    // One line per Kubernetes Event, with its latest count; times on the virtual clock, in order.
    const backOffEvents = timeline.filter((t) => t.kind === 'event' && t.object === 'pod/web' && t.reason === 'BackOff');
    expect(backOffEvents).toHaveLength(1);
    expect(backOffEvents[0]).toMatchObject({ type: 'Normal', message: 'Back-off pulling image "nginx:1.27.99"', count: expect.any(Number) });
    expect((backOffEvents[0] as { count: number }).count).toBeGreaterThanOrEqual(3);
    const times = timeline.map((t) => t.atMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const fixItem = timeline[fix] as { atMs: number; exitCode: number };
    expect(fixItem.exitCode).toBe(0);
    expect(fixItem.atMs).toBe(25_000);
    // Every command is in the timeline, in the order they ran.
    expect(timeline.filter((t) => t.kind === 'command').map((t) => (t as { seq: number }).seq)).toEqual(replay.commands.map((c) => c.seq));

    // The HTTP replay is the same view.
    const res = await fetch(`${h.app!.url}/api/attempts/${attemptId}/replay`, { headers: { authorization: `Bearer ${session.token}` } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as ReplayView).timeline).toEqual(timeline);
  });
});
