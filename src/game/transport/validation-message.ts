import type { ValidationError } from 'class-validator';

/** "name must be longer than or equal to 3 characters; token must be a string" — nested fields as a.b. */
export function describeValidationErrors(errors: ValidationError[], parent = ''): string {
  const messages: string[] = [];
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) {
      messages.push(parent ? message.replace(error.property, path) : message);
    }
    if (error.children?.length) messages.push(describeValidationErrors(error.children, path));
  }
  return messages.filter((m) => m.length > 0).join('; ');
}
