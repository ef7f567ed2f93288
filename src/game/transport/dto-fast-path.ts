import { getMetadataStorage, ValidationTypes, type ValidationArguments } from 'class-validator';
import { TransformationType } from 'class-transformer';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

/** What this module reads of class-transformer's decorator registry (the one plainToInstance consults). */
interface TransformerMetadata {
  getStrategy(target: Function): string;
  getExposedMetadatas(target: Function): unknown[];
  getExcludedMetadatas(target: Function): unknown[];
  findTypeMetadata(target: Function, propertyName: string): unknown;
  findTransformMetadatas(target: Function, propertyName: string, transformationType: TransformationType): unknown[];
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- class-transformer ships no typings for its storage module
const { defaultMetadataStorage: transformerMetadata } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: TransformerMetadata };

type Accept = (value: unknown) => object | undefined;

/**
 * A shortcut through ValidationPipe for well-formed messages. Nest's pipe (class-transformer's plainToInstance,
 * then class-validator's executor with its per-call metadata lookups) cost ~20 µs per socket message, as much as
 * running `kubectl get pods`. For a DTO whose rules are plain synchronous class-validator checks, `accept` runs
 * those same checks (the decorators' own validate functions, same arguments) on a payload of known properties
 * holding primitives, and returns the instance the pipe would. Anything else, and every payload that fails a
 * check, returns undefined: the full pipe then runs and words the error, so answers never differ.
 */
export class DtoFastPath {
  private readonly compiled = new Map<Function, Accept | null>();

  accept(metatype: Function, value: unknown): object | undefined {
    let check = this.compiled.get(metatype);
    if (check === undefined) {
      check = compile(metatype);
      this.compiled.set(metatype, check);
    }
    return check ? check(value) : undefined;
  }

  /** For tests: whether the DTO class has a shortcut at all. */
  covers(metatype: Function): boolean {
    if (!this.compiled.has(metatype)) this.compiled.set(metatype, compile(metatype));
    return this.compiled.get(metatype) !== null;
  }
}

interface PropertyCheck {
  name: string;
  conditions: ValidationMetadata[];
  rules: Array<{ metadata: ValidationMetadata; validate: (value: unknown, args: ValidationArguments) => unknown }>;
}

/** The shortcut for one DTO class, or null when its rules or transforms need the full pipe. */
function compile(metatype: Function): Accept | null {
  const storage = getMetadataStorage();
  // The metadata class-validator's executor uses with the pipe's options (no groups, `always` off).
  const metadatas = storage.getTargetValidationMetadatas(metatype, '', false, false, undefined);
  if (metadatas.length === 0) return null; // forbidUnknownValues: the full pipe rejects it
  if (transformerMetadata.getStrategy(metatype) !== 'none') return null;
  if (transformerMetadata.getExposedMetadatas(metatype).length > 0 || transformerMetadata.getExcludedMetadatas(metatype).length > 0) return null;
  const properties: PropertyCheck[] = [];
  for (const [name, list] of Object.entries(storage.groupByPropertyName(metadatas))) {
    if (transformerMetadata.findTypeMetadata(metatype, name) !== undefined) return null;
    if (transformerMetadata.findTransformMetadatas(metatype, name, TransformationType.PLAIN_TO_CLASS).length > 0) return null;
    const property: PropertyCheck = { name, conditions: [], rules: [] };
    for (const metadata of list) {
      if (metadata.type === ValidationTypes.CONDITIONAL_VALIDATION) property.conditions.push(metadata);
      else if (metadata.type === ValidationTypes.CUSTOM_VALIDATION && !metadata.each) {
        const constraints = storage.getTargetValidatorConstraints(metadata.constraintCls);
        if (constraints.length === 0 || constraints.some((c) => c.async)) return null;
        for (const c of constraints) property.rules.push({ metadata, validate: (v, args) => c.instance.validate(v, args) });
      } else return null; // nested, isDefined, whitelist (@Allow), promise, `each`: the full pipe
    }
    properties.push(property);
  }
  const known = new Set(properties.map((p) => p.name));

  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    // A plain object (of any realm: JSON.parse's, or a test's structuredClone), not a class instance.
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== null && Object.getPrototypeOf(proto) !== null) return undefined;
    const keys = Object.keys(value);
    const source = value as Record<string, unknown>;
    for (const key of keys) {
      // An unknown property is an error (forbidNonWhitelisted); an object or array would be transformed deeply.
      if (!known.has(key)) return undefined;
      const v = source[key];
      if (v !== null && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return undefined;
    }
    // plainToInstance: a new instance with the payload's (primitive) values.
    const entity = new (metatype as new () => Record<string, unknown>)();
    for (const key of Object.keys(entity)) if (!known.has(key)) return undefined;
    for (const key of keys) entity[key] = source[key];
    for (const p of properties) {
      const v = entity[p.name];
      if (!p.conditions.every((c) => (c.constraints[0] as (o: object, v: unknown) => boolean)(entity, v))) continue;
      for (const { metadata, validate } of p.rules) {
        if (metadata.validateIf && !metadata.validateIf(entity, v)) continue;
        const args: ValidationArguments = { targetName: metatype.name, property: metadata.propertyName, object: entity, value: v, constraints: metadata.constraints };
        const ok = validate(v, args);
        if (!ok || ok instanceof Promise) return undefined;
      }
    }
    return entity;
  };
}
