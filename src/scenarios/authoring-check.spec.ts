import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkScenarioText } from './authoring-check';

const valid = readFileSync(join(__dirname, '../../test/fixtures/authoring/valid.scenario.yaml'), 'utf8');
const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('checkScenarioText (what an instructor gets back for an upload)', () => {
  it('runs the validator on a well-formed file: every step passes for a sound scenario', () => {
    const check = checkScenarioText(valid);
    expect(check).toMatchObject({ ok: true, scenarioId: 'authored-wrong-tag', title: 'The tag that never was', errors: [] });
    expect(check.steps.map((s) => s.name)).toEqual(expect.arrayContaining(['broken at start', 'solved by the reference solution within the par time']));
    expect(check.steps.every((s) => s.ok)).toBe(true);
  });

  it('names the failing step when the reference solution does not fix the cluster', () => {
    const check = checkScenarioText(valid.replace('web=nginx:1.27\n', 'web=nginx:1.26\n'));
    expect(check.ok).toBe(false);
    expect(check.scenarioId).toBe('authored-wrong-tag');
    const failed = check.steps.filter((s) => !s.ok);
    expect(failed.map((s) => s.name)).toEqual(['solved by the reference solution within the par time']);
    expect(failed[0].detail).toContain('kubectl set image pod/web web=nginx:1.26');
  });

  it('reports every YAML syntax error with its line, without simulating', () => {
    const text = 'id: broken-yaml\ntitle: [unclosed\nsummary: "no end\n';
    const check = checkScenarioText(text);
    expect(check.ok).toBe(false);
    expect(check.steps).toEqual([]);
    expect(check.scenarioId).toBe('broken-yaml');
    expect(check.errors.length).toBeGreaterThanOrEqual(2);
    expect(check.errors.every((e) => e.message.startsWith('YAML: ') && typeof e.line === 'number')).toBe(true);
    expect(checkScenarioText('id: twice-keyed\nid: again\n').errors).toEqual([{ line: 2, message: 'YAML: Map keys must be unique' }]);
  });

  it('locates every invalid field, unknown plug-in, unknown field and bad manifest by line and path', () => {
    const text = valid
      .replace('difficulty: beginner', 'difficulty: impossible')
      .replace('points: 50', 'points: "fifty"\nparSecond: 5')
      .replace('- { name: node01 }', '- { name: Node_01 }')
      .replace('check: { type: pod-ready, name: web }', 'check: { type: pod-ready }')
      .replace('  kind: Pod\n', '');
    const check = checkScenarioText(text);
    expect(check.ok).toBe(false);
    expect(check.steps).toEqual([]);
    expect(check.errors).toEqual(
      expect.arrayContaining([
        { line: lineOf(text, 'difficulty:'), path: 'difficulty', message: expect.stringContaining('must be one of the following values') },
        { line: lineOf(text, 'points:'), path: 'points', message: 'points must be an integer number' },
        { line: lineOf(text, '- { name: Node_01 }'), path: 'cluster.nodes.0.name', message: expect.stringContaining('name must match') },
        { line: lineOf(text, 'check: { type: pod-ready }'), path: 'objectives.check[0]', message: 'pod-ready needs "name"' },
        { line: lineOf(text, '  apiVersion: v1'), path: 'manifests[0]', message: 'every manifest needs kind and metadata.name' },
        { line: lineOf(text, 'parSecond:'), path: 'parSecond', message: expect.stringMatching(/^unknown field "parSecond" \(known: id, title, /) },
      ]),
    );
  });

  it('gives no scenario id for a file without a usable one', () => {
    expect(checkScenarioText(valid.replace('id: authored-wrong-tag', 'id: Not An Id')).scenarioId).toBeUndefined();
    expect(checkScenarioText('- just\n- a list\n')).toMatchObject({ ok: false, errors: [{ line: 1, message: 'the file must be a YAML mapping' }] });
  });
});
