import fc from 'fast-check';
import { stringify } from 'yaml';
import { ApiError, Cluster, KubeObject } from '../cluster-engine';
import { Shell } from './shell/shell';
import { VirtualFs } from './shell/vfs';

/** A small cluster with something of each kind a command may touch. */
function cluster(): Cluster {
  const c = Cluster.create(
    {
      nodes: [{ name: 'controlplane', role: 'control-plane' }, { name: 'node01' }],
      registry: [{ name: 'nginx', tags: { '1.27': {} }, behaviour: { listens: [80] } }],
      objects: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } as KubeObject],
    },
    1,
  );
  c.tick(5_000);
  return c;
}

const VERBS = ['get', 'describe', 'logs', 'delete', 'apply', 'create', 'cordon', 'uncordon', 'drain', 'label', 'annotate', 'taint', 'patch', 'replace', 'run', 'events', 'version', 'api-resources', 'config', 'scale', 'rollout', 'expose', 'exec', 'edit', 'top', 'explain', 'auth', 'frobnicate'];
const WORDS = ['pods', 'po', 'pod/web', 'web', 'nodes', 'node01', 'ns', 'events', 'cm', 'secrets', 'deploy', 'svc', 'all', '-A', '-n', 'kube-system', '-o', 'yaml', 'json', 'wide', 'name', 'jsonpath={.items[*].metadata.name}', '-l', 'app=web', '--field-selector', 'status.phase=Running', '--sort-by=.metadata.name', '-f', '-', '--force', '--grace-period=0', '--image=nginx:1.27', '--replicas=2', '--', '--bogus', '-p', '--previous', '-c', 'x', '--since=5s', '--since', '1h30m', '--since-time=2025-01-01T00:00:00Z', '--max-log-requests=1', '--prefix', '--all-containers', '--tail=2', '--timestamps', '--containers', 'can-i', 'whoami', '--list', '--as=jane', '--as=system:serviceaccount:default:x', 'role', 'rolebinding', '--verb=get', '--resource=pods', '--role=r', '--recursive', 'pod.spec.containers', 'deploy.spec.x', '--sort-by=cpu', '--sort-by=memory', '--sum', '--no-headers', '"quoted arg"', "'single'", '$HOME', '~', '*'];
const JOINERS = [' ', ' | grep web', ' | head -1', ' | wc -l', ' && echo ok', ' ; ls', ' > /tmp/out', ' 2>&1', ' | sort | uniq'];

const commandLine = fc
  .tuple(fc.constantFrom(...VERBS), fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 12 })), { maxLength: 6 }), fc.constantFrom(...JOINERS))
  .map(([verb, words, tail]) => `kubectl ${verb} ${words.join(' ')}${tail === ' ' ? '' : tail}`);

const shellNoise = fc.string({ maxLength: 80 });

function assertAnswered(r: { stdout: string; stderr: string; exitCode: number }): void {
  expect(Number.isInteger(r.exitCode)).toBe(true);
  // A user mistake is an answer in kubectl's words, never a JavaScript stack trace.
  expect(r.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)|TypeError|ReferenceError|undefined is not|Cannot read properties/);
}

describe('property: random input never crashes the terminal', () => {
  it('answers any generated kubectl command line', () => {
    const shell = new Shell(cluster(), new VirtualFs());
    fc.assert(
      fc.property(commandLine, (line) => {
        assertAnswered(shell.run(line));
      }),
      { numRuns: 400, seed: Number(process.env.FUZZ_SEED ?? 20261125) },
    );
  });

  it('completes any line: sorted candidates that extend the prefix, nothing changed', () => {
    const shell = new Shell(cluster(), new VirtualFs());
    fc.assert(
      fc.property(fc.oneof(commandLine, shellNoise), (line) => {
        const { prefix, candidates } = shell.complete(line);
        expect(line.endsWith(prefix)).toBe(true);
        expect([...candidates].sort()).toEqual(candidates);
        for (const c of candidates) expect(c.startsWith(prefix)).toBe(true);
      }),
      { numRuns: 300, seed: Number(process.env.FUZZ_SEED ?? 11) },
    );
  });

  it('saves random text into an open editor without crashing', () => {
    const c = cluster();
    const shell = new Shell(c, new VirtualFs());
    fc.assert(
      fc.property(fc.oneof(shellNoise, fc.string({ maxLength: 300 }), fc.constantFrom('apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n', '{', '[]', '---\n---\n', 'kind: List\nitems: 3\n')), (text) => {
        const opened = shell.run('kubectl edit pod web');
        const r = opened.edit!.save(text);
        assertAnswered(r);
        r.edit?.cancel();
      }),
      { numRuns: 200, seed: Number(process.env.FUZZ_SEED ?? 13) },
    );
  });

  it('answers arbitrary text typed at the prompt', () => {
    const shell = new Shell(cluster(), new VirtualFs());
    fc.assert(
      fc.property(shellNoise, (line) => {
        assertAnswered(shell.run(line));
      }),
      { numRuns: 400, seed: Number(process.env.FUZZ_SEED ?? 7) },
    );
  });
});

/** Manifest-shaped values: the right skeleton with random values where players make mistakes. */
const manifest = fc.record({
  apiVersion: fc.constantFrom('v1', 'apps/v1', 'v2', ''),
  kind: fc.constantFrom('Pod', 'ConfigMap', 'Secret', 'Namespace', 'Deployment', 'Service', 'Widget'),
  metadata: fc.oneof(
    fc.record({ name: fc.oneof(fc.constantFrom('web', 'x', 'Bad_Name', ''), fc.string({ maxLength: 10 })), labels: fc.option(fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }))) }),
    fc.jsonValue(),
  ),
  spec: fc.oneof(
    fc.record({
      containers: fc.oneof(
        fc.array(fc.record({ name: fc.oneof(fc.constant('app'), fc.string({ maxLength: 6 })), image: fc.oneof(fc.constant('nginx:1.27'), fc.string({ maxLength: 10 })), ports: fc.option(fc.array(fc.record({ containerPort: fc.oneof(fc.integer(), fc.string()) }))) }), { maxLength: 2 }),
        fc.jsonValue(),
      ),
    }),
    fc.jsonValue(),
  ),
  data: fc.option(fc.oneof(fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 })), fc.jsonValue())),
});

describe('property: random manifests get Kubernetes answers', () => {
  it('the API server answers every body with an object or a Status, never a crash', () => {
    const c = cluster();
    fc.assert(
      fc.property(manifest, (body) => {
        try {
          c.api.create(body as unknown as KubeObject);
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          expect(e.status.kind).toBe('Status');
        }
      }),
      { numRuns: 500, seed: Number(process.env.FUZZ_SEED ?? 42) },
    );
  });

  it('kubectl apply answers every manifest in kubectl\'s words', () => {
    const c = cluster();
    const shell = new Shell(c, new VirtualFs());
    fc.assert(
      fc.property(manifest, (body) => {
        const r = shell.run(`kubectl apply -f - <<'EOF'\n${stringify(body)}EOF`);
        assertAnswered(r);
        if (r.exitCode !== 0) expect(r.stderr).toMatch(/^(error|Error from server|Warning|The )/m);
      }),
      { numRuns: 300, seed: Number(process.env.FUZZ_SEED ?? 99) },
    );
  });
});
