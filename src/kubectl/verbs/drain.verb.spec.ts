import { pod, testShell } from '../testing/fixture';

describe('kubectl drain', () => {
  function scene() {
    const t = testShell([pod('web', 'nginx:1.27')]);
    t.cluster.tick(20_000);
    return t;
  }

  it('refuses pods without a controller unless --force, leaving the node cordoned', () => {
    const t = scene();
    expect(t.run('kubectl drain worker-1')).toEqual({
      stdout: 'node/worker-1 cordoned\n',
      stderr:
        'error: unable to drain node "worker-1" due to error:cannot delete Pods that declare no controller (use --force to override): default/web, continuing command...\nThere are pending nodes to be drained:\n worker-1\nerror: cannot delete Pods that declare no controller (use --force to override): default/web\n',
      exitCode: 1,
    });
    expect(t.run('kubectl get node worker-1 --no-headers').stdout).toMatch(/Ready,SchedulingDisabled/);
  });

  it('evicts with --force', () => {
    const t = scene();
    expect(t.run('kubectl drain worker-1 --ignore-daemonsets --force')).toEqual({
      stdout: 'node/worker-1 cordoned\nevicting pod default/web\npod/web evicted\nnode/worker-1 drained\n',
      stderr: 'Warning: deleting Pods that declare no controller: default/web\n',
      exitCode: 0,
    });
    expect(t.run('kubectl get pod web --no-headers').stdout).toMatch(/Terminating/);
  });

  it('needs a node', () => {
    expect(scene().run('kubectl drain').stderr).toBe("error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples\n");
  });
});

describe('kubectl drain with a PodDisruptionBudget (evictions on the virtual clock)', () => {
  const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web-pdb
spec:
  minAvailable: 2
  selector:
    matchLabels:
      app: web
`;

  function scene() {
    const t = testShell();
    t.vfs.write('/root/web.yaml', DEPLOY);
    t.run('kubectl apply -f web.yaml');
    t.cluster.tick(30_000);
    return t;
  }

  const podNames = (t: ReturnType<typeof testShell>) => t.cluster.api.list<any>('Pod', { namespace: 'default' }).map((p) => p.metadata.name as string).sort();

  it('shows the budget in get and describe', () => {
    const t = scene();
    expect(t.run('kubectl get pdb').stdout).toMatch(/^NAME {6}MIN AVAILABLE {3}MAX UNAVAILABLE {3}ALLOWED DISRUPTIONS {3}AGE\nweb-pdb {3}2 {15}N\/A {15}0 {21}\d+s\n$/);
    expect(t.run('kubectl describe pdb web-pdb').stdout).toBe(
      'Name:           web-pdb\nNamespace:      default\nMin available:  2\nSelector:       app=web\nStatus:\n    Allowed disruptions:  0\n    Current:              2\n    Desired:              2\n    Total:                2\nEvents:                   <none>\n',
    );
  });

  it('retries every 5 s while the budget forbids, and gives up at --timeout', () => {
    const t = scene();
    const [first] = podNames(t);
    const r = t.run('kubectl drain worker-1 --ignore-daemonsets --timeout=12s');
    expect(r.stdout).toContain('node/worker-1 cordoned\n');
    expect(r.stdout).toContain(`evicting pod default/${first}\n`);
    expect(r.stderr).toContain(`error when evicting pods/"${first}" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.\n`);
    expect(r.stream).toBeDefined();
    let streamed = '';
    for (let i = 0; i < 14; i++) {
      t.cluster.tick(1000);
      streamed += r.stream!.poll();
    }
    expect(streamed.match(/will retry after 5s/g)!.length).toBeGreaterThanOrEqual(4);
    expect(streamed).toContain(`There are pending pods in node "worker-1" when an error occurred: [error when evicting pods/`);
    expect(streamed).toContain(': global timeout reached: 12s');
    expect(streamed).toContain('error: unable to drain node "worker-1" due to error:');
    expect(r.stream!.ended!()).toBe(true);
  });

  it('finishes on its own once the budget is relaxed (the fix), printing each eviction and node drained', () => {
    const t = scene();
    const r = t.run('kubectl drain worker-1 --ignore-daemonsets');
    expect(r.stream).toBeDefined();
    t.cluster.tick(6000);
    expect(r.stream!.poll()).toMatch(/evicting pod default\/web-.*\nerror when evicting/);
    // Both replicas sit on the only worker, so their replacements cannot start anywhere: the budget must allow 0.
    t.run(`kubectl patch pdb web-pdb --type=merge -p '{"spec":{"minAvailable":0}}'`);
    let streamed = '';
    for (let i = 0; i < 120 && !r.stream!.ended!(); i++) {
      t.cluster.tick(1000);
      streamed += r.stream!.poll();
    }
    expect(r.stream!.ended!()).toBe(true);
    expect(streamed).toMatch(/pod\/web-\S+ evicted\n/);
    expect(streamed.endsWith('node/worker-1 drained\n')).toBe(true);
  });

  it('--disable-eviction deletes without asking the budget', () => {
    const t = scene();
    const r = t.run('kubectl drain worker-1 --ignore-daemonsets --disable-eviction');
    expect(r.stream).toBeUndefined();
    expect(r.stdout).toMatch(/^node\/worker-1 cordoned\ndeleting pod default\/web-\S+\ndeleting pod default\/web-\S+\npod\/web-\S+ deleted\npod\/web-\S+ deleted\nnode\/worker-1 drained\n$/);
  });
});
