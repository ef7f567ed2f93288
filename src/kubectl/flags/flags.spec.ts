import { FlagError, Flags, FlagSpec, parseFlags } from './flags';

const SPECS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string', description: '' },
  { name: 'all-namespaces', short: 'A', type: 'bool', description: '' },
  { name: 'watch', short: 'w', type: 'bool', description: '' },
  { name: 'output', short: 'o', type: 'string', default: '', description: '' },
  { name: 'tail', type: 'int', default: -1, description: '' },
  { name: 'filename', short: 'f', type: 'stringArray', description: '' },
];

const parse = (argv: string[]) => new Flags(parseFlags(argv, SPECS));

describe('parseFlags (pflag semantics)', () => {
  it.each<[string, string[], Record<string, unknown>, string[]]>([
    ['long with =', ['--namespace=kube-system', 'pods'], { namespace: 'kube-system' }, ['pods']],
    ['long with separate value', ['pods', '--namespace', 'x'], { namespace: 'x' }, ['pods']],
    ['short separate', ['-n', 'x', 'pods'], { namespace: 'x' }, ['pods']],
    ['short attached', ['-nx'], { namespace: 'x' }, []],
    ['short with =', ['-o=wide'], { output: 'wide' }, []],
    ['attached output', ['-owide'], { output: 'wide' }, []],
    ['combined bools', ['-Aw'], { 'all-namespaces': true, watch: true }, []],
    ['bool then string in one', ['-An', 'x'], { 'all-namespaces': true, namespace: 'x' }, []],
    ['explicit false', ['--all-namespaces=false'], { 'all-namespaces': false }, []],
    ['int', ['--tail=5'], { tail: 5 }, []],
    ['negative int as separate value', ['--tail', '-1'], { tail: -1 }, []],
    ['stdin dash is a value', ['-f', '-'], { filename: ['-'] }, []],
    ['repeated array flag', ['-f', 'a.yaml', '-f', 'b.yaml'], { filename: ['a.yaml', 'b.yaml'] }, []],
    ['double dash ends flags', ['--', '-n', 'x'], {}, ['-n', 'x']],
  ])('%s', (_n, argv, expected, args) => {
    const f = parse(argv);
    for (const [k, v] of Object.entries(expected)) {
      const got = typeof v === 'boolean' ? f.bool(k) : typeof v === 'number' ? f.int(k) : Array.isArray(v) ? f.strings(k) : f.string(k);
      expect(got).toEqual(v);
    }
    expect(f.args).toEqual(args);
  });

  it.each([
    [['--foo'], 'unknown flag: --foo'],
    [['-z'], "unknown shorthand flag: 'z' in -z"],
    [['-Az'], "unknown shorthand flag: 'z' in -Az"],
    [['--namespace'], 'flag needs an argument: --namespace'],
    [['-n'], "flag needs an argument: 'n' in -n"],
    [['--tail=abc'], 'invalid argument "abc" for "--tail" flag: strconv.ParseInt: parsing "abc": invalid syntax'],
    [['--all-namespaces=maybe'], 'invalid argument "maybe" for "-A, --all-namespaces" flag: strconv.ParseBool: parsing "maybe": invalid syntax'],
  ])('%j fails with %s', (argv, message) => {
    expect(() => parse(argv)).toThrow(new FlagError(message));
  });

  it('tracks which flags were set', () => {
    const f = parse(['-o', 'yaml']);
    expect(f.changed('output')).toBe(true);
    expect(f.changed('tail')).toBe(false);
    expect(f.int('tail')).toBe(-1);
  });
});

describe('parseFlags NoOptDefVal', () => {
  it('uses the no-option default instead of consuming the next word', () => {
    const specs: FlagSpec[] = [{ name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged', description: '' }];
    const f = new Flags(parseFlags(['--dry-run', 'pod.yaml'], specs));
    expect([f.string('dry-run'), f.args]).toEqual(['unchanged', ['pod.yaml']]);
    expect(new Flags(parseFlags(['--dry-run=client'], specs)).string('dry-run')).toBe('client');
  });
});
