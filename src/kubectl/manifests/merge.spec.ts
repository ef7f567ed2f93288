import { threeWayMerge } from './merge';

describe('threeWayMerge', () => {
  it.each([
    ['config wins for scalars', { a: 1, b: 2 }, {}, { a: 3 }, { a: 3, b: 2 }],
    ['fields dropped from the last config are removed', { a: 1, b: 2 }, { a: 1, b: 2 }, { a: 1 }, { a: 1 }],
    ['server-set fields are kept', { a: 1, defaulted: 'x' }, { a: 1 }, { a: 2 }, { a: 2, defaulted: 'x' }],
    ['null deletes', { a: 1, b: 2 }, {}, { b: null }, { a: 1 }],
    [
      'containers merge by name, keeping server defaults and the injected mount',
      { containers: [{ name: 'app', image: 'v1', imagePullPolicy: 'IfNotPresent', volumeMounts: [{ mountPath: '/data', name: 'd' }, { mountPath: '/var/run/secrets', name: 'sa' }] }] },
      { containers: [{ name: 'app', image: 'v1', volumeMounts: [{ mountPath: '/data', name: 'd' }] }] },
      { containers: [{ name: 'app', image: 'v2', volumeMounts: [{ mountPath: '/data', name: 'd' }] }] },
      { containers: [{ name: 'app', image: 'v2', imagePullPolicy: 'IfNotPresent', volumeMounts: [{ mountPath: '/data', name: 'd' }, { mountPath: '/var/run/secrets', name: 'sa' }] }] },
    ],
    ['a container removed from the file goes', { containers: [{ name: 'a' }, { name: 'b' }] }, { containers: [{ name: 'a' }, { name: 'b' }] }, { containers: [{ name: 'a' }] }, { containers: [{ name: 'a' }] }],
    ['lists without a merge key are replaced', { args: ['a', 'b'] }, {}, { args: ['c'] }, { args: ['c'] }],
  ])('%s', (_n, live, last, config, expected) => {
    expect(threeWayMerge(live, last, config)).toEqual(expected);
  });
});
