import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { pod, testShell } from '../testing/fixture';
import { VERBS } from './registry';

const specs = readdirSync(__dirname)
  .filter((f) => f.endsWith('.spec.ts') && f !== 'registry.spec.ts')
  .map((f) => readFileSync(join(__dirname, f), 'utf8'))
  .join('\n');

describe('verb registry', () => {
  it('has unique names and aliases', () => {
    const names = VERBS.flatMap((v) => [v.name, ...(v.aliases ?? [])]);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(VERBS.map((v) => [v.name]))('%s is exercised by a spec', (name) => {
    expect(specs).toContain(`kubectl ${name}`);
  });

  it.each(VERBS.flatMap((v) => v.examples.map((e) => [v.name, e])))('%s example runs cleanly: %s', (_verb, example) => {
    const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } } };
    const t = testShell([pod('web', 'nginx:1.27', { metadata: { labels: { app: 'web' } } }), deployment]);
    t.cluster.tick(30_000);
    t.vfs.write('/root/pod.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n');
    const r = t.run(example);
    // Warnings may go to stderr (force delete, apply onto a created object); errors may not.
    expect({ errors: r.stderr.split('\n').filter((l) => /^(error|Error from server)/.test(l)), exitCode: r.exitCode }).toEqual({ errors: [], exitCode: 0 });
  });
});
