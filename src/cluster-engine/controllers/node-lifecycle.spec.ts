import { getPod, pod, testCluster } from '../test-support/fixtures';
import { Node } from '../api/types';

const node = (c: ReturnType<typeof testCluster>) => c.api.get<Node>('Node', undefined, 'node01');
const ready = (n: Node) => n.status.conditions!.find((x) => x.type === 'Ready')!;

describe('node lifecycle', () => {
  it('marks a silent node NotReady after the 50s grace period, taints it and marks its pods not ready', () => {
    const c = testCluster([pod('web', {})]);
    c.tick(30_000);
    expect(ready(node(c)).status).toBe('True');
    c.stopKubelet('node01');
    const stoppedAt = c.nowMs();
    let unknownAfter = -1;
    for (let s = 1; s <= 90; s++) {
      c.tick(1000);
      if (unknownAfter < 0 && ready(node(c)).status === 'Unknown') unknownAfter = (c.nowMs() - stoppedAt) / 1000;
    }
    // The last lease renewal came up to 10s before the stop; the controller checks every 5s.
    expect(unknownAfter).toBeGreaterThanOrEqual(41);
    expect(unknownAfter).toBeLessThanOrEqual(56);
    const n = node(c);
    expect(ready(n)).toMatchObject({ reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    expect(n.status.conditions!.map((x) => x.status)).toEqual(['Unknown', 'Unknown', 'Unknown', 'Unknown']);
    expect(n.spec.taints!.map((t) => `${t.key}:${t.effect}`)).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
    const p = getPod(c, 'web');
    expect(p.status.phase).toBe('Running');
    expect(p.status.conditions!.find((x) => x.type === 'Ready')!.status).toBe('False');
    const events = c.api.list<any>('Event');
    expect(events.find((e) => e.reason === 'NodeNotReady' && e.involvedObject.kind === 'Node').message).toBe('Node node01 status is now: NodeNotReady');
    expect(events.find((e) => e.reason === 'NodeNotReady' && e.involvedObject.kind === 'Pod')).toMatchObject({ type: 'Warning', message: 'Node is not ready' });
  });

  it('evicts pods 300s after the NoExecute taint; they stay Terminating while the kubelet is down', () => {
    const c = testCluster([pod('web', {})]);
    c.tick(20_000);
    c.stopKubelet('node01');
    c.tick(60_000);
    const taintedAt = Date.parse(node(c).spec.taints!.find((t) => t.effect === 'NoExecute')!.timeAdded!);
    c.tick(taintedAt + 299_000 - c.nowMs());
    expect(getPod(c, 'web').metadata.deletionTimestamp).toBeUndefined();
    c.tick(2_000);
    const p = getPod(c, 'web');
    expect(p.metadata.deletionTimestamp).toBeDefined();
    expect(p.status.conditions!.find((x) => x.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'DeletionByTaintManager' });
    const ev = c.api.list<any>('Event').find((e) => e.reason === 'TaintManagerEviction');
    expect(ev.message).toBe('Marking for deletion Pod default/web');
    c.tick(600_000);
    expect(c.api.tryGet('Pod', 'default', 'web')).toBeDefined();
    c.startKubelet('node01');
    c.tick(5_000);
    expect(c.api.tryGet('Pod', 'default', 'web')).toBeUndefined();
  });

  it('heals when the kubelet starts again: Ready, taints gone, pods Ready', () => {
    const c = testCluster([pod('web', {})]);
    c.tick(20_000);
    c.stopKubelet('node01');
    c.tick(120_000);
    c.startKubelet('node01');
    c.tick(10_000);
    const n = node(c);
    expect(ready(n).status).toBe('True');
    expect(n.spec.taints).toBeUndefined();
    expect(getPod(c, 'web').status.conditions!.find((x) => x.type === 'Ready')!.status).toBe('True');
    // Only the restart is announced: the first start happened before the cluster's events began.
    const kubeletEvents = c.api.list<any>('Event').filter((e) => e.involvedObject.name === 'node01' && e.source.component === 'kubelet');
    expect(kubeletEvents.map((e) => e.reason)).toEqual(['Starting', 'NodeAllocatableEnforced', 'NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID', 'NodeReady']);
  });

  it('taints a cordoned node node.kubernetes.io/unschedulable:NoSchedule and lifts it on uncordon', () => {
    const c = testCluster();
    c.tick(5_000);
    const n = node(c);
    n.spec.unschedulable = true;
    c.api.update(n);
    c.tick(6_000);
    expect(node(c).spec.taints).toEqual([{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: expect.stringMatching(/Z$/) }]);
    const events = c.api.list<any>('Event').filter((e) => e.involvedObject.name === 'node01').map((e) => e.reason);
    expect(events).toContain('NodeNotSchedulable');
    const back = node(c);
    delete back.spec.unschedulable;
    c.api.update(back);
    c.tick(6_000);
    expect(node(c).spec.taints).toBeUndefined();
  });
});
