import { loadScenario } from './load';
import { ScenarioSessionImpl } from './scenario-session';
import { formatReport, validateScenario, ValidationReport } from './validate';
import { CheatPlayer } from './cheats/cheat';
import { GENERIC_CHEATS } from './cheats/registry';

/** A small, sound scenario: a pod on a tag that does not exist, fixed by setting a real one. */
const GOOD = `
id: tiny-tag
title: Tiny tag
summary: The web pod pulls a tag that does not exist.
difficulty: beginner
track: pods-never-start
tags: []
points: 10
parSeconds: 60
stabilisationSeconds: 10
cluster:
  nodes: [{ name: controlplane, role: control-plane }, { name: node01 }]
  registry:
    - name: nginx
      tags: { "1.27": { sizeBytes: 1000 } }
      behaviour: { listens: [80] }
  warmupSeconds: 10
manifests: |
  apiVersion: v1
  kind: Pod
  metadata: { name: web }
  spec: { containers: [{ name: web, image: "nginx:1.27.99" }] }
objectives:
  - { id: web-ready, description: web is ready, check: { type: pod-ready, name: web } }
solution:
  - { run: "kubectl set image pod/web web=nginx:1.27", waitSeconds: 20 }
explanation: The tag did not exist.
`;

/** A crash-looping Deployment whose only objective is "no unavailable replicas": zero replicas meet it too. */
const SCALABLE = `
id: tiny-crash
title: Tiny crash
summary: The api Deployment crash-loops on release 2.
difficulty: beginner
track: pods-never-start
tags: []
points: 10
parSeconds: 90
stabilisationSeconds: 10
cluster:
  nodes: [{ name: controlplane, role: control-plane }, { name: node01 }]
  registry:
    - name: crashloop/api
      tags:
        "1": { sizeBytes: 1000 }
        "2": { sizeBytes: 1000, behaviour: { exit: { afterSeconds: 1, code: 1 } } }
      behaviour: { listens: [8080] }
  warmupSeconds: 60
manifests: |
  apiVersion: apps/v1
  kind: Deployment
  metadata: { name: api }
  spec:
    replicas: 2
    selector: { matchLabels: { app: api } }
    template:
      metadata: { labels: { app: api } }
      spec: { containers: [{ name: api, image: "crashloop/api:2" }] }
objectives:
  - id: none-unavailable
    description: Deployment api has no unavailable replicas
    check: { type: jsonpath, kind: deployment, name: api, path: "{.status.unavailableReplicas}", equals: "" }
solution:
  - { run: "kubectl set image deployment/api api=crashloop/api:1", waitSeconds: 30 }
explanation: Release 2 exits at once.
`;

const step = (r: ValidationReport, name: string) => r.steps.find((s) => s.name.startsWith(name));
const failed = (r: ValidationReport) => r.steps.filter((s) => !s.ok).map((s) => s.name);

describe('validateScenario', () => {
  it('accepts a sound scenario: broken, stays broken, solved by its solution, and by no cheat', () => {
    const report = validateScenario(loadScenario(GOOD));
    expect(failed(report)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.steps.map((s) => s.name)).toEqual([
      'broken at start',
      'stays broken for the par time (60s) when nobody acts',
      'solved by the reference solution within the par time',
      ...GENERIC_CHEATS.map((c) => `not solved by the cheat "${c.description}"`),
    ]);
    expect(formatReport(report)).toMatch(/^PASS tiny-tag\n {2}✓ broken at start\n/);
  });

  it('rejects a wrong reference solution, saying what is still unmet and what each command answered', () => {
    const report = validateScenario(loadScenario(GOOD.replace('web=nginx:1.27"', 'web=nginx:1.28"')));
    expect(report.ok).toBe(false);
    expect(failed(report)).toEqual(['solved by the reference solution within the par time']);
    const text = formatReport(report);
    expect(text).toContain('FAIL tiny-tag');
    expect(text).toMatch(/✗ solved by the reference solution within the par time\n {6}not solved: web-ready: container web of pod web is waiting \((ErrImagePull|ImagePullBackOff)\)\n {6}\$ kubectl set image pod\/web web=nginx:1\.28 → exit 0/);
  });

  it('rejects a scenario that starts already solved', () => {
    const report = validateScenario(loadScenario(GOOD.replace('image: "nginx:1.27.99"', 'image: "nginx:1.27"')));
    expect(report.ok).toBe(false);
    expect(failed(report)).toEqual(expect.arrayContaining(['broken at start', 'stays broken for the par time (60s) when nobody acts']));
    expect(step(report, 'broken at start')!.detail).toBe('every objective already holds at start');
    expect(formatReport(report)).toContain('✗ broken at start\n      every objective already holds at start');
  });

  it('rejects a scenario that scaling to zero solves, naming the cheat and the commands it typed', () => {
    const report = validateScenario(loadScenario(SCALABLE));
    expect(report.ok).toBe(false);
    expect(failed(report)).toEqual(['not solved by the cheat "scale every Deployment, ReplicaSet and StatefulSet to zero"']);
    expect(formatReport(report)).toContain(
      '✗ not solved by the cheat "scale every Deployment, ReplicaSet and StatefulSet to zero"\n      the cheat solved it:\n      $ kubectl scale deployments --all --replicas=0 -n default',
    );
  });

  it('accepts the same scenario once a guard rail keeps the replicas', () => {
    const guarded = `${SCALABLE}guardRails:\n  - { id: keeps-replicas, description: api keeps 2 replicas, penalty: 20, check: { type: replicas-at-least, name: api, min: 2 } }\n`;
    const report = validateScenario(loadScenario(guarded));
    expect(failed(report)).toEqual([]);
    expect(step(report, 'not solved by the cheat "scale every')!.detail).toContain('guard rail keeps-replicas broken');
  });

  it('rejects a scenario that another image solves (the objective never asked for the app)', () => {
    const loose = SCALABLE.replace(
      '      behaviour: { listens: [8080] }',
      '      behaviour: { listens: [8080] }\n    - name: nginx\n      tags: { "1.27": { sizeBytes: 1000 } }\n      behaviour: { listens: [80] }',
    );
    const report = validateScenario(loadScenario(`${loose}guardRails:\n  - { id: keeps-replicas, description: api keeps 2 replicas, penalty: 20, check: { type: replicas-at-least, name: api, min: 2 } }\n`));
    expect(failed(report)).toEqual([
      `not solved by the cheat "set every Deployment's and bare pod's containers to another, known-good image (kubectl set image)"`,
      'not solved by the cheat "delete every Deployment and kubectl create deployment it again with another, known-good image"',
    ]);
    expect(step(report, 'not solved by the cheat "set every')!.detail).toContain("$ kubectl set image deployment/api -n default '*=nginx:1.27'");
  });
});

describe('generic cheats', () => {
  const NAMESPACED = GOOD.replace('metadata: { name: web }', 'metadata: { name: web, namespace: shop }').replace(
    'manifests: |\n',
    'manifests: |\n  apiVersion: v1\n  kind: Namespace\n  metadata: { name: shop }\n  ---\n',
  );

  function player(text: string): { session: ScenarioSessionImpl; p: CheatPlayer } {
    const session = ScenarioSessionImpl.start(loadScenario(text), 1);
    return { session, p: { run: (l) => session.exec(l), wait: (s) => session.tick(s * 1000), registryImages: ['nginx:1.27'] } };
  }
  const cheat = (id: string) => GENERIC_CHEATS.find((c) => c.id === id)!;

  it('delete the namespaces the workloads live in, and wait until they are gone', () => {
    const { session, p } = player(NAMESPACED);
    expect(cheat('delete-namespaces').play(p)).toEqual(['kubectl delete namespace shop']);
    expect(session.exec('kubectl get namespace shop').stderr).toBe('Error from server (NotFound): namespaces "shop" not found\n');
  });

  it('find the pods to delete in every namespace a player works in, never in kube-system', () => {
    const { p } = player(NAMESPACED);
    expect(cheat('delete-all-pods').play(p)).toEqual(['kubectl delete pods --all -n shop --grace-period=0 --force']);
  });

  it('have nothing to do where the cluster gives them nothing to work with', () => {
    const { p } = player(GOOD);
    expect(cheat('scale-to-zero').play(p)).toEqual([]);
    // the pod already runs nginx, the only image the registry serves
    expect(cheat('replace-image').play(p)).toEqual([]);
  });
});
