import { loadScenario, ScenarioFormatError } from './load';

const minimal = `
id: tiny
title: Tiny
summary: A tiny scenario
difficulty: beginner
track: pods-never-start
tags: []
points: 10
parSeconds: 60
cluster:
  nodes: [{ name: node01 }]
manifests: |
  apiVersion: v1
  kind: Pod
  metadata: { name: web }
  spec: { containers: [{ name: web, image: nginx:1.27 }] }
objectives:
  - { id: web-ready, description: web is ready, check: { type: pod-ready, name: web } }
solution: [kubectl get pods]
explanation: Nothing to explain.
`;

function problems(text: string): string[] {
  try {
    loadScenario(text, 'test.yaml');
  } catch (e) {
    if (e instanceof ScenarioFormatError) return e.problems;
    throw e;
  }
  return [];
}

describe('scenario loader', () => {
  it('loads a valid scenario and its manifests', () => {
    const s = loadScenario(minimal);
    expect(s.format.id).toBe('tiny');
    expect(s.objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['Pod/web']);
  });

  it('reports malformed YAML with its position', () => {
    expect(problems('id: [unclosed')[0]).toMatch(/^YAML: /);
  });

  it('reports every invalid field, unknown plug-ins and bad plug-in parameters', () => {
    const bad = minimal
      .replace('difficulty: beginner', 'difficulty: impossible')
      .replace('points: 10', 'points: "ten"')
      .replace('type: pod-ready, name: web', 'type: pod-ready')
      .replace('nodes: [{ name: node01 }]', 'nodes: [{ name: Node_01 }]');
    const found = problems(bad + '\nfaults: [{ type: set-fire-to-rack }]\n');
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^difficulty: difficulty must be one of the following values/),
        expect.stringMatching(/^points: points must be an integer number/),
        expect.stringMatching(/^cluster\.nodes\.0\.name: /),
        'objectives.check[0]: pod-ready needs "name"',
        expect.stringMatching(/^faults\[0\]: unknown type "set-fire-to-rack" \(known: stop-kubelet, restart-kubelet, edit-node-file, apply-manifest[^)]*\)$/),
      ]),
    );
  });

  it('rejects an unknown track, naming the known ones', () => {
    expect(problems(minimal.replace('track: pods-never-start', 'track: fundamentals'))).toEqual([
      'track: track must be one of: pods-never-start, crashing-containers, networking, nodes, control-plane, rollouts, storage, policy-quota, cka',
    ]);
    expect(loadScenario(minimal).format.track).toBe('pods-never-start');
  });

  it('rejects manifests without kind or name', () => {
    const bad = minimal.replace('kind: Pod\n', '');
    expect(problems(bad)).toContain('manifests[0]: every manifest needs kind and metadata.name');
  });
});
