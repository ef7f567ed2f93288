import 'reflect-metadata';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import './scenario.format';

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
