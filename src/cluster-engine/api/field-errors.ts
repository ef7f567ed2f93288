import { FieldError } from './errors';

/** `field.Required`: `Required value`, with the validator's detail when it gives one. */
export function required(field: string, detail = ''): FieldError {
  return { field, detail: detail ? `Required value: ${detail}` : 'Required value', type: 'FieldValueRequired' };
}

/** `field.NotSupported`: `Unsupported value: "x": supported values: "a", "b"`. */
export function unsupported(field: string, value: unknown, supported: readonly string[]): FieldError {
  return { field, detail: `Unsupported value: ${JSON.stringify(value)}: supported values: ${supported.map((s) => `"${s}"`).join(', ')}`, type: 'FieldValueNotSupported' };
}
