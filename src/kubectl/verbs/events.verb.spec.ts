import { pod, testShell } from '../testing/fixture';

describe('kubectl events', () => {
  function scene() {
    const t = testShell([pod('crash', 'busybox:crash')]);
    t.cluster.tick(60_000);
    return t;
  }

  it('sorts by time, writes Kind/Name and (xN over M)', () => {
    const out = scene().run('kubectl events --for pod/crash').stdout.split('\n');
    expect(out[0]).toBe('LAST SEEN           TYPE      REASON      OBJECT      MESSAGE');
    expect(out[1]).toBe('59s                 Normal    Scheduled   Pod/crash   Successfully assigned default/crash to worker-1');
    expect(out).toContain('20s (x4 over 57s)   Normal    Created     Pod/crash   Created container app');
    expect(out[out.length - 2]).toMatch(/^\d+s \(x\d+ over \d+s\) +Warning +BackOff +Pod\/crash +Back-off restarting failed container app/);
  });

  it('filters by type and spans namespaces with -A', () => {
    const out = scene().run('kubectl events -A --types=Warning').stdout.split('\n');
    expect(out[0]).toBe('NAMESPACE   LAST SEEN          TYPE      REASON    OBJECT      MESSAGE');
    expect(out.slice(1, -1).every((l) => l.includes(' Warning '))).toBe(true);
  });

  it('says when there are none', () => {
    expect(testShell().run('kubectl events -n kube-public')).toEqual({ stdout: '', stderr: 'No events found in kube-public namespace.\n', exitCode: 0 });
  });
});
