import { executeTemplate, JsonPathError } from './jsonpath';

const LIST = {
  kind: 'List',
  items: [
    { metadata: { name: 'web', labels: { 'app.kubernetes.io/name': 'web' } }, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [{ restartCount: 0 }] } },
    { metadata: { name: 'db' }, status: { phase: 'Pending', conditions: [{ type: 'Ready', status: 'False' }], containerStatuses: [{ restartCount: 4 }] } },
  ],
};

describe('executeTemplate (client-go jsonpath)', () => {
  it.each([
    ['a field', '{.kind}', 'List'],
    ['wildcard joins with spaces', '{.items[*].metadata.name}', 'web db'],
    ['index', '{.items[0].metadata.name}', 'web'],
    ['negative index', '{.items[-1].metadata.name}', 'db'],
    ['slice', '{.items[0:1].metadata.name}', 'web'],
    ['quoted key with dots', "{.items[0].metadata.labels['app\\.kubernetes\\.io/name']}", 'web'],
    ['quoted key plain', "{.items[0].metadata.labels['app.kubernetes.io/name']}", 'web'],
    ['filter', '{.items[?(@.status.phase=="Pending")].metadata.name}', 'db'],
    ['nested filter', '{.items[0].status.conditions[?(@.type=="Ready")].status}', 'True'],
    ['numeric filter', '{.items[?(@.status.containerStatuses[0].restartCount>0)].metadata.name}', 'db'],
    ['range with literals', '{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}', 'web\tRunning\ndb\tPending\n'],
    ['recursive descent', '{..phase}', 'Running Pending'],
    ['missing keys print nothing', '{.items[*].spec.nodeName}', ''],
    ['text around actions', 'pods: {.items[*].metadata.name}!', 'pods: web db!'],
    ['maps print as JSON', '{.items[1].metadata}', '{"name":"db"}'],
    ['numbers print plainly', '{.items[1].status.containerStatuses[0].restartCount}', '4'],
  ])('%s', (_n, template, expected) => {
    expect(executeTemplate(template, LIST)).toBe(expected);
  });

  it.each([['{.items[0]'], ['{range .items[*]}{.x}'], ['{end}']])('rejects %s', (t) => {
    expect(() => executeTemplate(t, LIST)).toThrow(JsonPathError);
  });
});
