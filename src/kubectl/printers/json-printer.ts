import { sortKeysDeep } from './sort-keys';

/** JSON as kubectl's `-o json` writes it: sorted keys, four-space indent, trailing newline. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(sortKeysDeep(value), null, 4)}\n`;
}
