import { Cluster, KubeObject } from '../../cluster-engine';
import { jsonpathCheck } from './jsonpath.check';
import { replicasAtLeastCheck } from './replicas-at-least.check';

const DEPLOY = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: { replicas: 2, paused: true, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } },
} as KubeObject;

const cluster = () => Cluster.create({ nodes: [{ name: 'node01' }], registry: [{ name: 'nginx', tags: { '1.27': {} } }], objects: [DEPLOY] }, 2);
const run = (c: Cluster, params: Record<string, unknown>) => {
  const parsed = jsonpathCheck.parse(params);
  if (typeof parsed === 'string') throw new Error(parsed);
  return jsonpathCheck.evaluate(c, parsed);
};

describe('jsonpath check', () => {
  it('compares what kubectl -o jsonpath would print with equals or matches', () => {
    const c = cluster();
    expect(run(c, { kind: 'deployment', name: 'web', path: '{.spec.template.spec.containers[*].image}', equals: 'nginx:1.27' })).toEqual({ met: true });
    expect(run(c, { kind: 'deploy', name: 'web', path: '{.spec.replicas}', matches: '^[2-9]$' })).toEqual({ met: true });
    expect(run(c, { kind: 'deployment', name: 'web', path: '{.spec.paused}', matches: '^(false)?$' })).toEqual({
      met: false,
      whyNot: 'deployment default/web: {.spec.paused} is "true", want something matching /^(false)?$/',
    });
  });

  it('explains itself in the author\'s words when given "means", and says when the object is missing', () => {
    const c = cluster();
    expect(run(c, { kind: 'deployment', name: 'web', path: '{.spec.paused}', equals: '', means: 'the rollout is resumed' }).whyNot).toBe(
      'not yet: the rollout is resumed (deployment default/web: {.spec.paused} is "true")',
    );
    expect(run(c, { kind: 'deployment', name: 'api', path: '{.spec.paused}', equals: '' }).whyNot).toBe('deployment default/api does not exist');
    expect(run(c, { kind: 'node', name: 'node01', path: '{.metadata.name}', equals: 'node01' })).toEqual({ met: true });
  });

  it('rejects bad parameters with a message', () => {
    expect(jsonpathCheck.parse({ kind: 'deployment', name: 'web' })).toMatch(/^jsonpath needs "path"/);
    expect(jsonpathCheck.parse({ name: 'web', path: '{.a}', equals: '' })).toBe('jsonpath needs "kind" and "name"');
    expect(jsonpathCheck.parse({ kind: 'gizmo', name: 'web', path: '{.a}', equals: '' })).toBe('jsonpath: unknown kind "gizmo"');
    expect(jsonpathCheck.parse({ kind: 'pod', name: 'web', path: '{.a}' })).toBe('jsonpath needs exactly one of "equals" and "matches"');
    // A number is compared as the text jsonpath prints.
    expect(jsonpathCheck.parse({ kind: 'pod', name: 'web', path: '{.a}', equals: 3 })).toMatchObject({ equals: '3' });
    expect(jsonpathCheck.parse({ kind: 'pod', name: 'web', path: '{.a}', matches: '(' })).toBe('jsonpath: "matches" is not a valid regular expression: (');
    expect(jsonpathCheck.parse({ kind: 'pod', name: 'web', path: '{.a', equals: '' })).toMatch(/^jsonpath: bad path \{\.a: /);
  });
});

describe('replicas-at-least check', () => {
  it('holds while the Deployment asks for enough replicas, and says how many it asks for otherwise', () => {
    const c = cluster();
    const check = (min: number) => replicasAtLeastCheck.evaluate(c, replicasAtLeastCheck.parse({ name: 'web', min }) as never);
    expect(check(2)).toEqual({ met: true });
    expect(check(3)).toEqual({ met: false, whyNot: 'deployment web asks for 2 replica(s), fewer than 3' });
    expect(replicasAtLeastCheck.parse({ name: 'web' })).toBe('replicas-at-least: "min" must be a positive integer');
  });
});
