import { applyPatch, JsonPatchError, Operation } from 'fast-json-patch';
import { ApiError, unprocessable } from '../errors';

/** RFC 6902 JSON patch (fast-json-patch), failures worded like the API server's evanphx/json-patch. */
export function jsonPatch(target: unknown, ops: unknown): unknown {
  if (!Array.isArray(ops)) throw unprocessable('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  try {
    // mutateDocument false: the library applies the operations to its own (JSON) copy of the target.
    return applyPatch(target, ops as Operation[], true, false).newDocument;
  } catch (err) {
    if (err instanceof ApiError) throw err;
    if (err instanceof JsonPatchError) throw unprocessable(describe(err, ops as Operation[]));
    throw unprocessable((err as Error).message);
  }
}

function describe(err: JsonPatchError, ops: Operation[]): string {
  const op = ops[err.index ?? 0] as Operation | undefined;
  switch (err.name) {
    case 'TEST_OPERATION_FAILED':
      return `testing value ${op?.path} failed: test failed`;
    case 'OPERATION_PATH_UNRESOLVABLE':
      return op?.op === 'remove' ? `remove operation does not apply: doc is missing path: "${op.path}": missing value` : `${op?.op} operation does not apply: doc is missing path: "${op?.path}": missing value`;
    case 'OPERATION_OP_INVALID':
      return `Unexpected kind: ${op?.op}`;
    default:
      return `doc is missing path: "${op?.path}": missing value`;
  }
}
