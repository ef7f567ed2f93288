import { apiResourcesVerb } from './api-resources.verb';
import { applyVerb } from './apply.verb';
import { configVerb } from './config.verb';
import { cordonVerb } from './cordon.verb';
import { createVerb } from './create.verb';
import { deleteVerb } from './delete.verb';
import { describeVerb } from './describe.verb';
import { getVerb } from './get.verb';
import { logsVerb } from './logs.verb';
import { uncordonVerb } from './uncordon.verb';
import { Verb } from './verb';
import { versionVerb } from './version.verb';

/** Every kubectl verb this terminal implements. Adding one is one file and one line here. */
export const VERBS: readonly Verb[] = [createVerb, getVerb, deleteVerb, applyVerb, describeVerb, logsVerb, cordonVerb, uncordonVerb, configVerb, apiResourcesVerb, versionVerb];

const byName = new Map<string, Verb>();
for (const v of VERBS) for (const n of [v.name, ...(v.aliases ?? [])]) byName.set(n, v);

export function findVerb(name: string): Verb | undefined {
  return byName.get(name);
}
