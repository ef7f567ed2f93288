import { loadBuiltInCatalog } from './catalog';

const catalog = loadBuiltInCatalog();

/** The status cell `kubectl get pods` prints for one pod (the cluster view must say the same). */
function statusColumn(stdout: string, name: string): string {
  const row = stdout.split('\n').find((l) => l.split(/\s+/)[0] === name);
  return row?.split(/\s+/)[2] ?? '';
}

describe('cluster view', () => {
  it('shows the pod with the STATUS `kubectl get pods` prints, then Running 1/1 after the fix', () => {
    const s = catalog.start('imagepull-wrong-tag', 1);
    s.tick(20_000);
    const before = s.clusterView().pods.find((p) => p.namespace === 'default' && p.name === 'web')!;
    expect(before.status).toBe(statusColumn(s.exec('kubectl get pods').stdout, 'web'));
    expect(['ErrImagePull', 'ImagePullBackOff']).toContain(before.status);
    expect(before.ready).toBe('0/1');
    expect(before.node).not.toBeNull();

    s.exec('kubectl set image pod/web web=nginx:1.27');
    for (let i = 0; i < 60 && s.clusterView().pods.find((p) => p.name === 'web')?.ready !== '1/1'; i++) s.tick(1000);
    const after = s.clusterView().pods.find((p) => p.name === 'web')!;
    expect(after).toMatchObject({ status: 'Running', ready: '1/1', restarts: 0 });
  });

  it('lists nodes with roles, their unhealthy conditions, taints and SchedulingDisabled', () => {
    const s = catalog.start('node-notready-kubelet', 4);
    s.tick(60_000);
    s.exec('kubectl cordon node02');
    const view = s.clusterView();
    expect(view.nodes.map((n) => n.name)).toEqual([...view.nodes.map((n) => n.name)].sort());
    const cp = view.nodes.find((n) => n.roles.includes('control-plane'))!;
    expect(cp.ready).toBe(true);
    expect(cp.conditions).toEqual([]);
    expect(cp.taints).toContain('node-role.kubernetes.io/control-plane:NoSchedule');
    const broken = view.nodes.find((n) => n.name === 'node02')!;
    expect(broken).toMatchObject({ ready: false, status: 'NotReady,SchedulingDisabled', unschedulable: true });
    expect(broken.conditions.map((c) => `${c.type}=${c.status}`)).toContain('Ready=Unknown');
    expect(broken.conditions.find((c) => c.type === 'Ready')!.reason).toBe('NodeStatusUnknown');
    // The node lifecycle controller taints an unreachable node.
    expect(broken.taints).toEqual(expect.arrayContaining(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']));
    // Same words as `kubectl get nodes`.
    expect(s.exec('kubectl get nodes').stdout).toMatch(/node02\s+NotReady,SchedulingDisabled/);
  });

  it('keeps unscheduled pods apart (node null) with STATUS Pending', () => {
    const s = catalog.start('pending-insufficient-cpu', 2);
    s.tick(10_000);
    const pending = s.clusterView().pods.filter((p) => p.node === null);
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every((p) => p.status === 'Pending' && p.ready.startsWith('0/'))).toBe(true);
  });

  it('returns the same object while nothing in the store changed, so callers can compare cheaply', () => {
    const s = catalog.start('imagepull-wrong-tag', 1);
    const a = s.clusterView();
    expect(s.clusterView()).toBe(a);
  });

  it('describes an object as kubectl describe does, and refuses unknown kinds and names with kubectl words', () => {
    const s = catalog.start('imagepull-wrong-tag', 1);
    s.tick(20_000);
    expect(s.describe('pod', 'default', 'web')).toBe(s.exec('kubectl describe pod web').stdout);
    expect(s.describe('pods', undefined, 'web')).toContain('Name:             web');
    expect(s.describe('node', 'ignored', s.clusterView().nodes[0].name)).toContain('Taints:');
    expect(() => s.describe('pod', 'default', 'nope')).toThrow('Error from server (NotFound): pods "nope" not found');
    expect(() => s.describe('gizmo', 'default', 'web')).toThrow('error: the server doesn\'t have a resource type "gizmo"');
  });
});
