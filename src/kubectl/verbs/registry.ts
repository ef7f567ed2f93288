import { annotateVerb } from './annotate.verb';
import { authVerb } from './auth.verb';
import { apiResourcesVerb } from './api-resources.verb';
import { applyVerb } from './apply.verb';
import { configVerb } from './config.verb';
import { cordonVerb } from './cordon.verb';
import { createVerb } from './create.verb';
import { deleteVerb } from './delete.verb';
import { describeVerb } from './describe.verb';
import { drainVerb } from './drain.verb';
import { editVerb } from './edit.verb';
import { eventsVerb } from './events.verb';
import { execVerb } from './exec.verb';
import { explainVerb } from './explain.verb';
import { exposeVerb } from './expose.verb';
import { getVerb } from './get.verb';
import { rolloutVerb } from './rollout.verb';
import { scaleVerb } from './scale.verb';
import { setVerb } from './set.verb';
import { labelVerb } from './label.verb';
import { logsVerb } from './logs.verb';
import { patchVerb } from './patch.verb';
import { replaceVerb } from './replace.verb';
import { runVerb } from './run.verb';
import { taintVerb } from './taint.verb';
import { topVerb } from './top.verb';
import { uncordonVerb } from './uncordon.verb';
import { Verb } from './verb';
import { versionVerb } from './version.verb';

/** Every kubectl verb this terminal implements. Adding one is one file and one line here. */
export const VERBS: readonly Verb[] = [
  createVerb,
  runVerb,
  getVerb,
  deleteVerb,
  cordonVerb,
  uncordonVerb,
  drainVerb,
  taintVerb,
  describeVerb,
  logsVerb,
  eventsVerb,
  execVerb,
  exposeVerb,
  applyVerb,
  scaleVerb,
  rolloutVerb,
  setVerb,
  patchVerb,
  editVerb,
  topVerb,
  explainVerb,
  authVerb,
  replaceVerb,
  labelVerb,
  annotateVerb,
  configVerb,
  apiResourcesVerb,
  versionVerb,
];

const byName = new Map<string, Verb>();
for (const v of VERBS) for (const n of [v.name, ...(v.aliases ?? [])]) byName.set(n, v);

export function findVerb(name: string): Verb | undefined {
  return byName.get(name);
}
