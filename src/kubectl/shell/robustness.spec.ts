import { pod, testShell } from '../testing/fixture';

/** Lines that once made something throw, or easily could: every one must come back as a result. */
const NASTY = [
  "kubectl get pods -o jsonpath='{.items[?(@.x==]}'",
  "kubectl get pods -o jsonpath='{'",
  'kubectl get pods -o custom-columns=A:.x[',
  "kubectl get pods --sort-by='{'",
  "echo x | grep -E '('",
  "echo x | sed -E 's/(/x/'",
  'kubectl patch pod web --type=merge -p null',
  "kubectl patch pod web --type=json -p '[{\"op\":\"add\",\"path\":\"/a/b/c\",\"value\":1}]'",
  "kubectl patch pod web --type=json -p '[{\"op\":\"frob\",\"path\":\"/x\"}]'",
  'kubectl apply -f - <<EOF\nkind: Pod\napiVersion: v1\nmetadata: 5\nEOF',
  'kubectl apply -f - <<EOF\nkind: Pod\napiVersion: v1\nmetadata:\n  name: x\nspec: 5\nEOF',
  'kubectl apply -f - <<EOF\nkind: Pod\napiVersion: v1\nmetadata:\n  name: x\nspec:\n  containers:\n  - 5\nEOF',
  'kubectl apply -f - <<EOF\nkind: Pod\napiVersion: v1\nmetadata:\n  name: x\nEOF',
  'kubectl apply -f - <<EOF\n- a\n- b\nEOF',
  'kubectl apply -f - <<EOF\nkind: ConfigMap\napiVersion: v1\nmetadata:\n  name: x\ndata:\n  a: [1]\nEOF',
  'kubectl create -f /',
  'kubectl logs pod/',
  'kubectl get ,',
  "kubectl get pods -l '!!!'",
  "kubectl get pods --field-selector 'spec.foo=1'",
  'kubectl run x --image=nginx --labels=a',
  'kubectl create configmap x --from-literal=bad',
  'kubectl events --for x',
  'echo $(',
  '${',
  '<<',
  'cat <<',
  "'",
  '|',
  'echo a >> /root',
  'rm -rf /',
  'kubectl -n',
];

describe('Shell robustness', () => {
  const t = testShell([pod('web', 'nginx:1.27'), pod('crash', 'busybox:crash')]);
  t.cluster.tick(30_000);

  it.each(NASTY.map((l) => [l]))('answers %j without throwing', (line) => {
    const r = t.run(line);
    expect(typeof r.exitCode).toBe('number');
  });

  it('survives deterministic random token soup', () => {
    const tokens = ['kubectl', 'get', 'apply', 'delete', 'describe', 'logs', 'label', 'taint', 'patch', 'pods', 'pod/web', 'web', 'nodes', '-o', 'yaml', 'json', 'wide', 'jsonpath={.x}', '-n', '-A', '-l', 'a=b', '-f', '-', '--force', '--grace-period=0', '-p', '{}', '|', 'grep', 'x', ';', '&&', '>', 'out', '<<EOF', '\nEOF', "'", '"', '$(', ')', '--', '=', 'worker-1', 'k=v-'];
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let results = 0;
    for (let i = 0; i < 300; i++) {
      const line = Array.from({ length: 1 + Math.floor(next() * 8) }, () => tokens[Math.floor(next() * tokens.length)]).join(' ');
      expect(() => t.run(line)).not.toThrow();
      results++;
    }
    expect(results).toBe(300);
  });
});
