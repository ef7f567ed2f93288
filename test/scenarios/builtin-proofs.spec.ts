import { proveBuiltIns } from '../support/prove-builtins';

// The other half of the built-in pack's proofs (see builtin.spec.ts).
proveBuiltIns(1, 2);
