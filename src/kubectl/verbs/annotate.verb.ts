import { MAP_FLAGS, updateMaps } from './metadata-update';
import { Verb } from './verb';

export const annotateVerb: Verb = {
  name: 'annotate',
  group: 'Basic Commands (Intermediate)',
  short: 'Update the annotations on a resource',
  usage: 'kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  flags: MAP_FLAGS,
  examples: ['kubectl annotate pods web description="my frontend"'],
  run: (ctx) => updateMaps(ctx, 'annotations', 'annotated', (k, old) => `--overwrite is false but found the following declared annotation(s): '${k}' already has a value (${old})`),
};
