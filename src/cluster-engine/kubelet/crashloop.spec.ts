import { getPod, pod, runUntil, testCluster } from '../test-support/fixtures';

/** Times (virtual seconds since the pod was created) at which each container instance started. */
function startTimes(maxSeconds: number) {
  const c = testCluster([pod('crash', { image: 'busybox:1.36' })]);
  const t0 = c.nowMs();
  const starts: number[] = [];
  const exits: number[] = [];
  const messages: string[] = [];
  let lastStart = '';
  let lastFinish = '';
  for (let s = 0; s < maxSeconds; s++) {
    c.tick(1000);
    const cs = getPod(c, 'crash').status.containerStatuses?.[0];
    if (cs?.state.running && cs.state.running.startedAt !== lastStart) {
      lastStart = cs.state.running.startedAt!;
      starts.push((Date.parse(lastStart) - t0) / 1000);
    }
    const fin = cs?.state.terminated?.finishedAt ?? cs?.lastState.terminated?.finishedAt;
    if (fin && fin !== lastFinish) {
      lastFinish = fin;
      exits.push((Date.parse(fin) - t0) / 1000);
    }
    const msg = cs?.state.waiting?.reason === 'CrashLoopBackOff' ? cs.state.waiting.message!.split(' ')[1] : undefined;
    if (msg && messages[messages.length - 1] !== msg) messages.push(msg);
  }
  return { c, starts, exits, messages };
}

describe('CrashLoopBackOff on the virtual clock', () => {
  it('restarts at once after the first exit, then waits 10s, 20s, 40s … capped at 5m', () => {
    const { starts, exits } = startTimes(1500);
    // gap between an exit and the next start
    const gaps = exits.slice(0, starts.length - 1).map((e, i) => starts[i + 1] - e);
    // PLEG notices an exit within a second, so the first restart comes 1s after the exit.
    expect(gaps.slice(0, 8)).toEqual([1, 10, 20, 40, 80, 160, 300, 300]);
  });

  it('shows the back-off in the waiting message as Go durations', () => {
    const { messages } = startTimes(1200);
    expect(messages.slice(0, 6)).toEqual(['10s', '20s', '40s', '1m20s', '2m40s', '5m0s']);
  });

  it('counts restarts, keeps the last termination and the phase Running', () => {
    const c = testCluster([pod('crash', { image: 'busybox:1.36' })]);
    c.tick(60_000);
    const p = getPod(c, 'crash');
    const cs = p.status.containerStatuses![0];
    expect(p.status.phase).toBe('Running');
    // starts at 1-2s (pull), exits 2s later: run #1, #2 (immediate), #3 after 10s, #4 after 20s → 3 restarts by 60s
    expect(cs.restartCount).toBe(3);
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(p.status.conditions!.find((x) => x.type === 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [app]' });
  });

  it('records BackOff events with the real message and a growing count', () => {
    const c = testCluster([pod('crash', { image: 'busybox:1.36' })]);
    c.tick(120_000);
    const uid = getPod(c, 'crash').metadata.uid;
    const backoff = c.api.list<any>('Event').find((e) => e.reason === 'BackOff');
    expect(backoff.message).toBe(`Back-off restarting failed container app in pod crash_default(${uid})`);
    expect(backoff.type).toBe('Warning');
    expect(backoff.involvedObject.fieldPath).toBe('spec.containers{app}');
    expect(backoff.count).toBeGreaterThan(1);
  });

  it('serves the crashed run through logs --previous', () => {
    const c = testCluster([pod('crash', { image: 'busybox:1.36' })]);
    runUntil(c, () => (getPod(c, 'crash').status.containerStatuses?.[0].restartCount ?? 0) >= 1);
    expect(c.logs('default', 'crash', { previous: true })).toBe('boom\n');
  });

  it('forgets the back-off after a container ran for 10 minutes', () => {
    const c = testCluster([pod('slow', { image: 'busybox:1.36' })], {
      registry: [{ name: 'busybox', tags: { '1.36': {} }, behaviour: { exit: { afterSeconds: 700, code: 1 } } }],
    });
    c.tick(2 * 705_000);
    const cs = getPod(c, 'slow').status.containerStatuses![0];
    // Each run lasted > 2 × 5 min, so every exit restarts straight away: no CrashLoopBackOff.
    expect(cs.restartCount).toBe(2);
    expect(cs.state.running).toBeDefined();
  });
});
