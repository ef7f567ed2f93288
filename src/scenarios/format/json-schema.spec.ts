import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenarioJsonSchema } from './json-schema';

describe('scenario JSON Schema', () => {
  const schema = scenarioJsonSchema() as { definitions: Record<string, { properties: Record<string, unknown>; required?: string[] }> };

  it('describes the format from its validation classes', () => {
    const root = schema.definitions.ScenarioFormat;
    expect(root.required).toEqual(expect.arrayContaining(['id', 'title', 'difficulty', 'points', 'parSeconds', 'cluster', 'manifests', 'objectives', 'solution', 'explanation']));
    expect(root.properties.difficulty).toMatchObject({ enum: ['beginner', 'intermediate', 'advanced'] });
    expect(root.properties.objectives).toMatchObject({ type: 'array', items: { $ref: '#/definitions/ObjectiveFormat' } });
  });

  it('is the one committed in docs/ (regenerate with: npm run -s scenario -- schema > docs/scenario.schema.json)', () => {
    const committed = JSON.parse(readFileSync(join(__dirname, '../../../docs/scenario.schema.json'), 'utf8'));
    expect(committed).toEqual(schema);
  });
});
