import { KubeObject } from '../../cluster-engine';
import { pod, runUntil, testCluster } from '../../cluster-engine/test-support/fixtures';
import { Cluster } from '../../cluster-engine';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKS } from './registry';

function check(cluster: Cluster, params: Record<string, unknown>) {
  const plugin = CHECKS.get(params.type as string)!;
  const parsed = plugin.parse(params);
  if (typeof parsed === 'string') throw new Error(parsed);
  return plugin.evaluate(cluster, parsed as never);
}

function parseError(params: Record<string, unknown>): string {
  return CHECKS.get(params.type as string)!.parse(params) as string;
}

const claim = (name: string, storageClassName?: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace: 'default' },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...(storageClassName ? { storageClassName } : {}) },
});

const deployment = (limits: Record<string, string>): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27', resources: { limits } }] } } },
});

describe('scenario checks', () => {
  it('registers each check under its own type, and documents every one in docs/scenario-format.md', () => {
    const types = [...CHECKS.values()].map((c) => c.type);
    expect(new Set(types).size).toBe(types.length);
    expect([...CHECKS.keys()]).toEqual(types);
    const docs = readFileSync(join(__dirname, '../../../docs/scenario-format.md'), 'utf8');
    for (const t of types) expect([t, docs.includes(`| \`${t}\` |`)]).toEqual([t, true]);
  });

  it('pvc-bound holds once the claim is Bound, and says why not before', () => {
    const c = testCluster([claim('data'), claim('lost', 'no-such-class'), pod('db', { volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] })]);
    expect(check(c, { type: 'pvc-bound', name: 'lost' })).toEqual({ met: false, whyNot: 'persistentvolumeclaim lost is Pending, not Bound' });
    expect(check(c, { type: 'pvc-bound', name: 'nope' })).toEqual({ met: false, whyNot: 'persistentvolumeclaim default/nope does not exist' });
    runUntil(c, () => check(c, { type: 'pvc-bound', name: 'data' }).met, 60);
  });

  it('job-complete holds when the Job is Complete', () => {
    const c = testCluster(
      [{ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'once', namespace: 'default' }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'x', image: 'task:1' }] } } } } as KubeObject],
      { registry: [{ name: 'task', tags: { '1': {} }, behaviour: { exit: { afterSeconds: 2, code: 0 } } }] },
    );
    expect(check(c, { type: 'job-complete', name: 'once' }).whyNot).toMatch(/^job once is not complete: 0 succeeded/);
    runUntil(c, () => check(c, { type: 'job-complete', name: 'once' }).met, 120);
  });

  it('object-exists and object-absent take any kubectl spelling of the kind', () => {
    const c = testCluster([claim('data')]);
    expect(check(c, { type: 'object-exists', kind: 'pvc', name: 'data' })).toEqual({ met: true });
    expect(check(c, { type: 'object-absent', kind: 'persistentvolumeclaims', name: 'data' })).toEqual({ met: false, whyNot: 'persistentvolumeclaim default/data still exists' });
    expect(check(c, { type: 'object-exists', kind: 'Node', name: 'node09' })).toEqual({ met: false, whyNot: 'node node09 does not exist' });
    expect(parseError({ type: 'object-exists', kind: 'gizmo', name: 'x' })).toBe('object-exists: unknown kind "gizmo"');
  });

  it('jsonpath compares kubectl jsonpath output with equals or matches, and names what it saw', () => {
    const c = testCluster([pod('web', { nodeSelector: { disk: 'ssd' } })]);
    expect(check(c, { type: 'jsonpath', kind: 'pod', name: 'web', path: '{.spec.nodeSelector.disk}', equals: 'ssd' })).toEqual({ met: true });
    expect(check(c, { type: 'jsonpath', kind: 'po', name: 'web', path: '{.spec.containers[*].image}', matches: '^nginx:1\\.2' })).toEqual({ met: true });
    expect(check(c, { type: 'jsonpath', kind: 'pod', name: 'web', path: '{.spec.nodeSelector.disk}', equals: 'hdd' })).toEqual({
      met: false,
      whyNot: 'pod default/web: {.spec.nodeSelector.disk} is "ssd", want "hdd"',
    });
    expect(check(c, { type: 'jsonpath', kind: 'pod', name: 'web', path: '{.spec.nodeSelector.disk}', equals: 'hdd', means: 'the pod asks for an HDD node' }).whyNot).toBe(
      'not yet: the pod asks for an HDD node (pod default/web: {.spec.nodeSelector.disk} is "ssd")',
    );
    expect(parseError({ type: 'jsonpath', kind: 'pod', name: 'web', path: '{.spec' , equals: 'x' })).toMatch(/^jsonpath: bad path \{\.spec: /);
    expect(parseError({ type: 'jsonpath', kind: 'pod', name: 'web', path: '{.spec}' })).toBe('jsonpath needs exactly one of "equals" and "matches"');
  });

  it('workload-resource-at-least guards a Deployment template\'s limits', () => {
    const c = testCluster([deployment({ memory: '128Mi' })]);
    expect(check(c, { type: 'workload-resource-at-least', name: 'web', min: '100Mi' })).toEqual({ met: true });
    expect(check(c, { type: 'workload-resource-at-least', name: 'web', min: '256Mi' })).toEqual({ met: false, whyNot: 'container web of deployment web has limits.memory 128Mi, below 256Mi' });
    // requests default to the limits when only limits are set
    expect(check(c, { type: 'workload-resource-at-least', name: 'web', field: 'requests', min: '256Mi' }).whyNot).toBe('container web of deployment web has requests.memory 128Mi, below 256Mi');
    expect(check(c, { type: 'workload-resource-at-least', name: 'gone', min: '1Gi' })).toEqual({ met: true });
    expect(parseError({ type: 'workload-resource-at-least', name: 'web', min: '1', kind: 'Pod' })).toMatch(/"kind" must be one of Deployment/);
  });
});
