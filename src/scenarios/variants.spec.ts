import { loadScenario, ScenarioFormatError } from './load';
import { checkScenarioText } from './authoring-check';
import { ScenarioSessionImpl } from './scenario-session';
import { validateScenario, formatReport } from './validate';
import { variantAt, variantCount, variantForSeed, variantsToProve } from './variants';

/** The fix is to set the tag the parameter draws; `good` lists the tags the registry really has. */
function scenarioText(choices: string[]): string {
  return `
id: tag-variants
title: Tag variants
summary: The web pod pulls a tag that does not exist.
difficulty: beginner
track: pods-never-start
tags: []
points: 10
parSeconds: 120
stabilisationSeconds: 10
parameters:
  - { name: tag, choices: [${choices.map((c) => `"${c}"`).join(', ')}] }
cluster:
  nodes: [{ name: controlplane, role: control-plane }, { name: node01 }]
  registry:
    - name: nginx
      tags: { "1.26": { sizeBytes: 1000 }, "1.27": { sizeBytes: 1000 } }
  warmupSeconds: 20
manifests: |
  apiVersion: v1
  kind: Pod
  metadata: { name: web }
  spec: { containers: [{ name: web, image: "nginx:{{ tag }}.99" }] }
objectives:
  - { id: web-ready, description: web is ready, check: { type: pod-ready, name: web } }
hints:
  - { cost: 5, text: "nginx:{{tag}}.99 does not exist" }
solution:
  - run: kubectl set image pod/web web=nginx:{{ tag }}
    waitSeconds: 20
explanation: The tag {{ tag }}.99 did not exist.
`;
}

function problems(text: string): string[] {
  try {
    loadScenario(text, 'test.yaml');
  } catch (e) {
    if (e instanceof ScenarioFormatError) return e.problems;
    throw e;
  }
  return [];
}

describe('scenario variants', () => {
  const scenario = loadScenario(scenarioText(['1.26', '1.27']));

  it('draws the same variant for the same seed, and different variants across seeds', () => {
    const params = [{ name: 'tag', choices: ['a', 'b', 'c'] }, { name: 'port', choices: ['80', '8080'] }];
    expect(variantCount(params)).toBe(6);
    for (const seed of [1, 7, 123456]) expect(variantForSeed(params, seed)).toEqual(variantForSeed(params, seed));
    const drawn = new Set(Array.from({ length: 40 }, (_, seed) => variantForSeed(params, seed).index));
    expect(drawn.size).toBe(6);
    expect(variantAt(params, 5).values).toEqual({ tag: 'c', port: '8080' });
  });

  it('gives each attempt its seed\'s variant: manifests, hints and solution change together, and the snapshot records it', () => {
    const bySeed = new Map<string, number>();
    for (let seed = 1; seed <= 20 && bySeed.size < 2; seed++) bySeed.set(ScenarioSessionImpl.start(scenario, seed).variant!.tag, seed);
    expect([...bySeed.keys()].sort()).toEqual(['1.26', '1.27']);
    for (const [tag, seed] of bySeed) {
      const session = ScenarioSessionImpl.start(scenario, seed);
      expect(session.exec('kubectl get pod web -o jsonpath={.spec.containers[0].image}').stdout).toBe(`nginx:${tag}.99`);
      expect(session.takeHint(0).text).toBe(`nginx:${tag}.99 does not exist`);
      expect(session.debrief()).toBe(`The tag ${tag}.99 did not exist.`);
      const snap = session.snapshot();
      expect(snap.variant).toEqual({ tag });
      expect(ScenarioSessionImpl.restore(scenario, snap).variant).toEqual({ tag });
    }
  });

  it('rejects an undeclared placeholder, an unused parameter and a placeholder in the catalogue fields, clearly', () => {
    const text = scenarioText(['1.26', '1.27']);
    expect(problems(text.replace('explanation: The tag {{ tag }}', 'explanation: The tag {{ tga }}'))).toContain('parameters: placeholder {{ tga }} is used but not declared (declared: tag)');
    expect(problems(text.replace('parameters:\n', 'parameters:\n  - { name: port, choices: ["80", "8080"] }\n'))).toContain('parameters[0]: "port" is declared but never used as {{ port }}');
    expect(problems(text.replace('title: Tag variants', 'title: Tag {{ tag }}'))).toEqual([expect.stringMatching(/^title: placeholders are not allowed in the catalogue fields/)]);
    expect(problems(text.replace('choices: ["1.26", "1.27"]', 'choices: ["1.26"]'))).toEqual(expect.arrayContaining([expect.stringMatching(/choices must contain at least 2 elements/)]));
  });

  it('reports an undeclared placeholder to an uploading instructor at the parameters line', () => {
    const text = scenarioText(['1.26', '1.27']).replace('explanation: The tag {{ tag }}', 'explanation: The tag {{ tga }}');
    expect(checkScenarioText(text).errors).toEqual([
      { line: text.split('\n').findIndex((l) => l.startsWith('parameters:')) + 1, path: 'parameters', message: 'placeholder {{ tga }} is used but not declared (declared: tag)' },
    ]);
  });

  it('checks every variant\'s format at load and names the variant that fails', () => {
    const bad = scenarioText(['1.26', '1.27']).replace('points: 10', 'points: 10\nstabilisationSeconds: {{ tag }}').replace('stabilisationSeconds: 10\n', '');
    expect(() => loadScenario(bad, 'bad.yaml')).toThrow(/bad\.yaml \(variant tag=1\.26\): invalid scenario/);
    expect(problems(bad)).toEqual([expect.stringMatching(/^stabilisationSeconds: .* \(in variant tag=1\.26\)$/)]);
  });

  it('proves every variant, and fails the scenario naming the one variant whose solution does not work', () => {
    const good = validateScenario(scenario, 1);
    expect(good.ok).toBe(true);
    expect(good.variants).toEqual([
      { index: 0, label: 'tag=1.26', ok: true },
      { index: 1, label: 'tag=1.27', ok: true },
    ]);
    const broken = validateScenario(loadScenario(scenarioText(['1.26', '1.27', '1.28'])), 1);
    expect(broken.ok).toBe(false);
    expect(broken.variants!.map((v) => [v.label, v.ok])).toEqual([['tag=1.26', true], ['tag=1.27', true], ['tag=1.28', false]]);
    expect(formatReport(broken)).toMatch(/✗ \[tag=1\.28\] solved by the reference solution within the par time/);
  });

  it('samples a capped number of distinct variants, deterministically', () => {
    const params = [{ name: 'a', choices: ['1', '2', '3', '4'] }, { name: 'b', choices: ['1', '2', '3', '4'] }];
    const picked = variantsToProve(params, 5, 42);
    expect(new Set(picked).size).toBe(5);
    expect(picked).toContain(0);
    expect(variantsToProve(params, 5, 42)).toEqual(picked);
  });
});
