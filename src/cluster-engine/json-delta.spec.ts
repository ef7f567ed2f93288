import { applyJsonDelta, jsonDelta } from './json-delta';

/** The delta survives JSON, and applying it gives `value` back with its key order. */
function roundTrip(base: unknown, value: unknown): unknown {
  const delta = JSON.parse(JSON.stringify(jsonDelta(base, value) ?? null)) ?? undefined;
  const back = applyJsonDelta(base, delta);
  expect(JSON.stringify(back)).toBe(JSON.stringify(value));
  return delta;
}

describe('JSON deltas (a state stored as its difference from a shared base)', () => {
  const base = { node: 'n1', pods: { u1: { name: 'a', nextSyncMs: 1, containers: { app: { logs: [{ ms: 1, line: 'x' }], env: { A: '1' } } } }, u2: { name: 'b', nextSyncMs: 1 } }, files: { '/a': '1', '/b': '2' } };

  it('is nothing for the same JSON, whatever holds undefined', () => {
    expect(jsonDelta(base, JSON.parse(JSON.stringify(base)))).toBeUndefined();
    expect(jsonDelta({ a: 1 }, { a: 1, b: undefined })).toBeUndefined();
  });

  it('names only the changed leaves, new and gone keys, and replaces arrays whole', () => {
    const value = JSON.parse(JSON.stringify(base));
    value.pods.u1.nextSyncMs = 61;
    value.pods.u1.containers.app.logs.push({ ms: 2, line: 'y' });
    delete value.pods.u2;
    value.pods.u3 = { name: 'c' };
    expect(roundTrip(base, value)).toEqual({
      p: { pods: { p: { u1: { p: { nextSyncMs: { s: 61 }, containers: { p: { app: { p: { logs: { s: [{ ms: 1, line: 'x' }, { ms: 2, line: 'y' }] } } } } } } }, u3: { s: { name: 'c' } } }, d: ['u2'] } },
    });
  });

  it('keeps key order exactly: a key removed and written again comes last, as in the live object', () => {
    const value = JSON.parse(JSON.stringify(base));
    delete value.files['/a'];
    value.files['/a'] = '1';
    expect(roundTrip(base, value)).toEqual({ p: { files: { o: ['/b', '/a'] } } });
    expect(Object.keys((applyJsonDelta(base, jsonDelta(base, value)) as typeof base).files)).toEqual(['/b', '/a']);
  });

  it('shares what did not change with the base, and handles __proto__ as a plain key', () => {
    const value = { ...base, node: 'n2' };
    const back = applyJsonDelta(base, jsonDelta(base, value)) as typeof base;
    expect(back.pods).toBe(base.pods);
    const odd = JSON.parse('{"files":{"__proto__":"x"}}');
    roundTrip({ files: {} }, odd);
    expect(Object.getPrototypeOf((applyJsonDelta({ files: {} }, jsonDelta({ files: {} }, odd)) as typeof odd).files)).toBe(Object.prototype);
  });

  it('changes an array of the same length item by item, and replaces one of another length', () => {
    const conditions = { conditions: [{ type: 'Ready', status: 'True', t: 1 }, { type: 'Initialized', status: 'True', t: 1 }] };
    const later = { conditions: [{ type: 'Ready', status: 'False', t: 2 }, { type: 'Initialized', status: 'True', t: 1 }] };
    expect(roundTrip(conditions, later)).toEqual({ p: { conditions: { i: { 0: { p: { status: { s: 'False' }, t: { s: 2 } } } } } } });
    expect(roundTrip(conditions, { conditions: [later.conditions[0]] })).toEqual({ p: { conditions: { s: [later.conditions[0]] } } });
    expect(roundTrip([1, 'a', null], [1, 'b', null])).toEqual({ i: { 1: { s: 'b' } } });
  });
});
