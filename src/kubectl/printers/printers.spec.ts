import { Table } from '../../cluster-engine';
import { toJson } from './json-printer';
import { renderTable } from './table-printer';
import { toYaml } from './yaml-printer';

const meta = (name: string, labels?: Record<string, string>) => ({ kind: 'PartialObjectMetadata' as const, apiVersion: 'meta.k8s.io/v1' as const, metadata: { name, namespace: 'default', labels } });

const TABLE: Table = {
  kind: 'Table',
  apiVersion: 'meta.k8s.io/v1',
  metadata: {},
  columnDefinitions: [
    { name: 'Name', type: 'string', format: 'name', description: '', priority: 0 },
    { name: 'Ready', type: 'string', format: '', description: '', priority: 0 },
    { name: 'Status', type: 'string', format: '', description: '', priority: 0 },
    { name: 'Nominated Node', type: 'string', format: '', description: '', priority: 1 },
  ],
  rows: [
    { cells: ['web', '1/1', 'Running', '<none>'], object: meta('web', { app: 'web', tier: 'fe' }) },
    { cells: ['crashy-7d4f', '0/1', 'line one\nline two', '<none>'], object: meta('crashy-7d4f') },
  ],
};

describe('renderTable', () => {
  it.each<[string, Parameters<typeof renderTable>[1], string]>([
    ['default columns, newline cut with ...', {}, 'NAME          READY   STATUS\nweb           1/1     Running\ncrashy-7d4f   0/1     line one...\n'],
    ['wide adds priority-1 columns with upper-cased headers', { wide: true }, 'NAME          READY   STATUS        NOMINATED NODE\nweb           1/1     Running       <none>\ncrashy-7d4f   0/1     line one...   <none>\n'],
    ['no headers', { noHeaders: true }, 'web           1/1   Running\ncrashy-7d4f   0/1   line one...\n'],
    ['namespace first', { withNamespace: true }, 'NAMESPACE   NAME          READY   STATUS\ndefault     web           1/1     Running\ndefault     crashy-7d4f   0/1     line one...\n'],
    ['kind prefix on names', { kindPrefix: 'pod' }, 'NAME              READY   STATUS\npod/web           1/1     Running\npod/crashy-7d4f   0/1     line one...\n'],
    ['show labels', { showLabels: true }, 'NAME          READY   STATUS        LABELS\nweb           1/1     Running       app=web,tier=fe\ncrashy-7d4f   0/1     line one...   <none>\n'],
    ['label columns', { labelColumns: ['app'] }, 'NAME          READY   STATUS        APP\nweb           1/1     Running       web\ncrashy-7d4f   0/1     line one...   \n'],
  ])('%s', (_n, opts, expected) => {
    expect(renderTable(TABLE, opts)).toBe(expected);
  });

  it('prints nothing, not even headers, for zero rows', () => {
    expect(renderTable({ ...TABLE, rows: [] })).toBe('');
  });
});

describe('toYaml / toJson', () => {
  const obj = {
    metadata: { resourceVersion: '42', name: 'web', creationTimestamp: '2025-01-15T09:00:00Z', labels: { enabled: 'true', empty: '' } },
    kind: 'Pod',
    apiVersion: 'v1',
    spec: { containers: [{ name: 'app', command: ['sh', '-c', 'echo hi: there'], ports: [] }], nodeSelector: {} },
    status: { lastProbeTime: null, message: 'line1\nline2\n', count: 3 },
  };

  it('sorts keys, quotes type-ambiguous strings and leaves sequences unindented like kubectl', () => {
    expect(toYaml(obj)).toBe(
      [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  creationTimestamp: "2025-01-15T09:00:00Z"',
        '  labels:',
        '    empty: ""',
        '    enabled: "true"',
        '  name: web',
        '  resourceVersion: "42"',
        'spec:',
        '  containers:',
        '  - command:',
        '    - sh',
        '    - -c',
        "    - 'echo hi: there'",
        '    name: app',
        '    ports: []',
        '  nodeSelector: {}',
        'status:',
        '  count: 3',
        '  lastProbeTime: null',
        '  message: |',
        '    line1',
        '    line2',
        '',
      ].join('\n'),
    );
  });

  it('writes JSON with sorted keys and four-space indent', () => {
    expect(toJson({ kind: 'Pod', apiVersion: 'v1', metadata: { name: 'x' } })).toBe('{\n    "apiVersion": "v1",\n    "kind": "Pod",\n    "metadata": {\n        "name": "x"\n    }\n}\n');
  });
});
