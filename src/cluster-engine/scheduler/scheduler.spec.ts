import { getPod, pod, testCluster } from '../test-support/fixtures';
import { fitErrorMessage } from './fit-error';
import { Node } from '../api/types';

function failedScheduling(c: ReturnType<typeof testCluster>, name: string) {
  // the latest one: a new message is a new Event object, listed after the older ones
  return c.api.list<any>('Event').filter((e) => e.reason === 'FailedScheduling' && e.involvedObject.name === name).pop();
}

describe('scheduler', () => {
  it('binds a pod that fits and records Scheduled', () => {
    const c = testCluster([pod('web', {})]);
    c.tick(1000);
    const p = getPod(c, 'web');
    expect(p.spec.nodeName).toBe('node01');
    expect(p.status.conditions!.find((x) => x.type === 'PodScheduled')!.status).toBe('True');
    const ev = c.api.list<any>('Event').find((e) => e.reason === 'Scheduled');
    expect(ev).toMatchObject({ message: 'Successfully assigned default/web to node01', reportingComponent: 'default-scheduler', firstTimestamp: null });
  });

  it('reports Insufficient cpu and the control-plane taint in the real FitError format', () => {
    const c = testCluster([pod('big', { containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu: '3' } } }] })]);
    c.tick(1000);
    const msg =
      '0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. ' +
      'preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.';
    expect(failedScheduling(c, 'big').message).toBe(msg);
    expect(getPod(c, 'big').status.conditions).toEqual([expect.objectContaining({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: msg })]);
  });

  it('honours nodeSelector and cordon, and retries when the cluster changes', () => {
    const c = testCluster([pod('picky', { nodeSelector: { disktype: 'ssd' } })]);
    c.tick(1000);
    expect(failedScheduling(c, 'picky').message).toBe(
      "0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
    );
    const node = c.api.get<Node>('Node', undefined, 'node01');
    node.metadata.labels!.disktype = 'ssd';
    node.spec.unschedulable = true;
    c.api.update(node);
    c.tick(2000);
    expect(failedScheduling(c, 'picky').message).toContain('1 node(s) were unschedulable');
    const again = c.api.get<Node>('Node', undefined, 'node01');
    delete again.spec.unschedulable;
    c.api.update(again);
    c.tick(15_000);
    expect(getPod(c, 'picky').spec.nodeName).toBe('node01');
  });

  it('counts existing requests and the pod limit', () => {
    const req = { containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu: '1200m' } } }] };
    const c = testCluster([pod('a', req), pod('b', req)]);
    c.tick(2000);
    expect(getPod(c, 'a').spec.nodeName).toBe('node01');
    expect(getPod(c, 'b').spec.nodeName).toBeUndefined();
    expect(failedScheduling(c, 'b').message).toContain('1 Insufficient cpu');
  });

  it('sorts the histogram as Go sort.Strings does', () => {
    const many = Array.from({ length: 10 }, () => ({ reasons: ['Insufficient memory'], unresolvable: false }));
    const msg = fitErrorMessage(12, [...many, { reasons: ['node(s) were unschedulable'], unresolvable: true }, { reasons: ['node(s) were unschedulable'], unresolvable: true }]);
    expect(msg).toBe(
      '0/12 nodes are available: 10 Insufficient memory, 2 node(s) were unschedulable. preemption: 0/12 nodes are available: 10 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.',
    );
  });
});
