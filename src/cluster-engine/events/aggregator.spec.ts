import { KubeEvent } from '../api/types';
import { Cluster } from '../cluster';
import { testCluster } from '../test-support/fixtures';
import { testShell } from '../../kubectl/testing/fixture';

const node = { kind: 'Node', apiVersion: 'v1', metadata: { name: 'node01', uid: 'node01' } };
const source = { component: 'test-controller' };
/** The cluster's own EventRecorder, as the engine's components record through it. */
const recorderOf = (c: Cluster) => (c as unknown as { ctx: { events: { record: (x: unknown) => void } } }).ctx.events;
const events = (c: Cluster) => c.api.list<KubeEvent>('Event').filter((e) => e.source.component === 'test-controller');

describe('event correlation (client-go EventCorrelator)', () => {
  it('bumps count and lastTimestamp of an identical event instead of creating a new one', () => {
    const c = testCluster();
    const recorder = recorderOf(c);
    for (let i = 0; i < 5; i++) {
      recorder.record({ object: node, type: 'Warning', reason: 'Flapping', message: 'same text', source });
      c.tick(45_000);
    }
    const [e] = events(c);
    expect(events(c)).toHaveLength(1);
    expect(e.count).toBe(5);
    expect(Date.parse(e.lastTimestamp!) - Date.parse(e.firstTimestamp!)).toBe(4 * 45_000);
  });

  it('combines the 10th distinct message of similar events within 10 minutes, then keeps counting that one', () => {
    const c = testCluster();
    const recorder = recorderOf(c);
    for (let i = 1; i <= 14; i++) {
      recorder.record({ object: node, type: 'Warning', reason: 'FailedCreate', message: `Error creating: attempt ${i}`, source });
      c.tick(10_000);
    }
    const all = events(c);
    const combined = all.filter((e) => e.message.startsWith('(combined from similar events): '));
    expect(all).toHaveLength(10);
    expect(combined).toHaveLength(1);
    expect(combined[0]).toMatchObject({ message: '(combined from similar events): Error creating: attempt 14', count: 5 });
    // A different reason is a different group.
    recorder.record({ object: node, type: 'Warning', reason: 'Other', message: 'x', source });
    expect(events(c).find((e) => e.reason === 'Other')!.message).toBe('x');
  });

  it('starts a fresh group once 10 minutes pass without a similar event', () => {
    const c = testCluster();
    const recorder = recorderOf(c);
    for (let i = 1; i <= 9; i++) recorder.record({ object: node, type: 'Warning', reason: 'R', message: `m${i}`, source });
    c.tick(601_000);
    recorder.record({ object: node, type: 'Warning', reason: 'R', message: 'm10', source });
    expect(events(c).some((e) => e.message.startsWith('(combined'))).toBe(false);
  });

  it('survives snapshot and restore: the restored recorder continues the group', () => {
    const c = testCluster();
    for (let i = 1; i <= 9; i++) recorderOf(c).record({ object: node, type: 'Warning', reason: 'R', message: `m${i}`, source });
    const restored = Cluster.restore(c.snapshot());
    recorderOf(restored).record({ object: node, type: 'Warning', reason: 'R', message: 'm10', source });
    expect(events(restored).filter((e) => e.message === '(combined from similar events): m10')).toHaveLength(1);
  });

  it('describe shows (xN over M) and get events the COUNT column for a repeated kubelet event', () => {
    const t = testShell([{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'crash' }, spec: { containers: [{ name: 'app', image: 'busybox:crash' }] } }]);
    t.cluster.tick(180_000);
    const out = t.run('kubectl describe pod crash').stdout;
    expect(out).toMatch(/Warning {2}BackOff {4}\d+s \(x\d+ over 2m\d+s\) {2}kubelet {12}Back-off restarting failed container app in pod crash_default\(/);
    const wide = t.run('kubectl get events -o wide --field-selector reason=BackOff').stdout;
    expect(wide.split('\n')[0]).toMatch(/LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+SUBOBJECT\s+SOURCE\s+MESSAGE\s+FIRST SEEN\s+COUNT\s+NAME/);
    const count = Number(wide.split('\n')[1].trim().split(/\s+/).slice(-2)[0]);
    expect(count).toBeGreaterThan(3);
  });
});
