import { Pod } from '../../cluster-engine';
import { testShell } from '../testing/fixture';

describe('kubectl run', () => {
  it('prints the generated pod with --dry-run=client -o yaml', () => {
    expect(testShell().run('kubectl run nginx --image=nginx:1.27 --dry-run=client -o yaml').stdout).toBe(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    run: nginx\n  name: nginx\nspec:\n  containers:\n  - image: nginx:1.27\n    name: nginx\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Always\nstatus: {}\n',
    );
  });

  it('creates a pod with args, env, port and restart policy', () => {
    const t = testShell();
    expect(t.run('kubectl run tmp --image=nginx:1.27 --restart=Never --env=A=1 --port=80 -- sleep 10').stdout).toBe('pod/tmp created\n');
    const p = t.cluster.api.get<Pod>('Pod', 'default', 'tmp');
    expect(p.spec.restartPolicy).toBe('Never');
    expect(p.spec.containers[0]).toMatchObject({ name: 'tmp', args: ['sleep', '10'], env: [{ name: 'A', value: '1' }], ports: [{ containerPort: 80 }] });
    expect(p.metadata.labels).toEqual({ run: 'tmp' });
  });

  it.each([
    ['kubectl run x', 'error: required flag(s) "image" not set\n'],
    ['kubectl run --image=nginx', "error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n"],
    ['kubectl run -it x --image=busybox -- sh', 'error: interactive pods (-i, -t, --rm, --attach) are not available in this terminal; run the pod, then use kubectl logs\n'],
  ])('%s', (line, stderr) => {
    expect(testShell().run(line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });
});
