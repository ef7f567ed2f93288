import { MAP_FLAGS, updateMaps } from './metadata-update';
import { Verb } from './verb';

export const labelVerb: Verb = {
  name: 'label',
  group: 'Basic Commands (Intermediate)',
  short: 'Update the labels on a resource',
  usage: 'kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  flags: MAP_FLAGS,
  examples: ['kubectl label pods web tier=frontend', 'kubectl label nodes worker-1 disk=ssd', 'kubectl label pods web tier-'],
  run: (ctx) => updateMaps(ctx, 'labels', 'labeled', (k, old) => `'${k}' already has a value (${old}), and --overwrite is false`),
};
