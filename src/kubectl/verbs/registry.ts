import { getVerb } from './get.verb';
import { Verb } from './verb';

/** Every kubectl verb this terminal implements. Adding one is one file and one line here. */
export const VERBS: readonly Verb[] = [getVerb];

const byName = new Map<string, Verb>();
for (const v of VERBS) for (const n of [v.name, ...(v.aliases ?? [])]) byName.set(n, v);

export function findVerb(name: string): Verb | undefined {
  return byName.get(name);
}
