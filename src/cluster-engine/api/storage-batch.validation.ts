import { FieldError } from './errors';
import { unsupported } from './field-errors';
import { Job, KubeObject, PersistentVolume, PersistentVolumeClaim, PriorityClass } from './types';
import { isValidQuantity } from './quantity';

const ACCESS_MODES = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'];

function accessModes(modes: unknown, path: string): FieldError[] {
  if (!Array.isArray(modes) || modes.length === 0) return [{ field: path, detail: 'Required value: at least 1 access mode is required', type: 'FieldValueRequired' }];
  return modes.filter((m) => !ACCESS_MODES.includes(m)).map((m) => unsupported(path, m, ACCESS_MODES));
}

/** `ValidatePersistentVolumeClaim` (the parts a learner trips over). */
export function validatePersistentVolumeClaim(obj: KubeObject): FieldError[] {
  const spec = (obj as PersistentVolumeClaim).spec ?? {};
  const errors = accessModes(spec.accessModes, 'spec.accessModes');
  const storage = spec.resources?.requests?.storage;
  if (storage === undefined) errors.push({ field: 'spec.resources[storage]', detail: 'Required value', type: 'FieldValueRequired' });
  else if (!isValidQuantity(storage)) errors.push({ field: 'spec.resources.requests[storage]', detail: `Invalid value: ${JSON.stringify(storage)}: must be a valid quantity`, type: 'FieldValueInvalid' });
  return errors;
}

export function validatePersistentVolume(obj: KubeObject): FieldError[] {
  const spec = (obj as PersistentVolume).spec ?? {};
  const errors = accessModes(spec.accessModes, 'spec.accessModes');
  if (spec.capacity?.storage === undefined) errors.push({ field: 'spec.capacity', detail: 'Required value', type: 'FieldValueRequired' });
  return errors;
}

/** Job pods may not restart in place forever: restartPolicy must be OnFailure or Never. */
export function validateJob(obj: KubeObject): FieldError[] {
  const spec = (obj as Job).spec;
  const errors: FieldError[] = [];
  const policy = spec?.template?.spec?.restartPolicy;
  if (policy === undefined) errors.push({ field: 'spec.template.spec.restartPolicy', detail: 'Required value: valid values: "OnFailure", "Never"', type: 'FieldValueRequired' });
  else if (policy !== 'OnFailure' && policy !== 'Never') errors.push(unsupported('spec.template.spec.restartPolicy', policy, ['OnFailure', 'Never']));
  const containers = spec?.template?.spec?.containers;
  if (!Array.isArray(containers) || containers.length === 0) errors.push({ field: 'spec.template.spec.containers', detail: 'Required value', type: 'FieldValueRequired' });
  for (const f of ['completions', 'parallelism', 'backoffLimit'] as const) {
    const v = spec?.[f];
    if (v !== undefined && (typeof v !== 'number' || v < 0)) {
      errors.push({ field: `spec.${f}`, detail: `Invalid value: ${JSON.stringify(v)}: must be greater than or equal to 0`, type: 'FieldValueInvalid' });
    }
  }
  return errors;
}

export function validatePriorityClass(obj: KubeObject): FieldError[] {
  const pc = obj as PriorityClass;
  if (typeof pc.value !== 'number') return [{ field: 'value', detail: 'Required value', type: 'FieldValueRequired' }];
  if (pc.value > 1_000_000_000 && !pc.metadata.name?.startsWith('system-')) {
    return [{ field: 'value', detail: `Invalid value: ${pc.value}: maximum allowed value of a user defined priority is 1000000000`, type: 'FieldValueInvalid' }];
  }
  return [];
}
