import 'reflect-metadata';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import './scenario.format';

// class-transformer keeps its metadata store in a module without typings of its own; its .d.ts lives apart.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');

/**
 * The JSON Schema of the scenario format, generated from the class-validator classes that validate it,
 * so editors can complete and check `*.scenario.yaml` files. `docs/scenario.schema.json` is this output.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const definitions = validationMetadatasToSchemas({ classTransformerMetadataStorage: defaultMetadataStorage, refPointerPrefix: '#/definitions/' });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://crashloop.dev/schemas/scenario.schema.json',
    title: 'CrashLoop scenario',
    $ref: '#/definitions/ScenarioFormat',
    definitions,
  };
}
