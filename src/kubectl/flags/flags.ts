/**
 * Flags parsed the way cobra/pflag parse them: `--name=v`, `--name v`, `-n v`, `-nv`, `-n=v`, combined
 * boolean shorthands (`-Aw`), flags anywhere among the arguments, and `--` ending the flags.
 */
export type FlagType = 'string' | 'bool' | 'int' | 'stringArray';

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  default?: string | boolean | number;
  description: string;
  /** pflag's NoOptDefVal: `--dry-run` alone means `--dry-run=unchanged` instead of taking the next word. */
  noOptDefault?: string;
}

export type FlagValue = string | boolean | number | string[];

export interface ParsedFlags {
  values: Map<string, FlagValue>;
  /** Flags the user actually set (pflag's `Changed`). */
  changed: Set<string>;
  args: string[];
}

/** A usage error, printed as `error: <message>` and followed by the verb's `See '…' for usage.` line. */
export class FlagError extends Error {}

function display(spec: FlagSpec): string {
  return spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
}

function convert(spec: FlagSpec, raw: string): FlagValue {
  if (spec.type === 'bool') {
    const v = raw.toLowerCase();
    if (['1', 't', 'true'].includes(v)) return true;
    if (['0', 'f', 'false'].includes(v)) return false;
    throw new FlagError(`invalid argument "${raw}" for "${display(spec)}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`);
  }
  if (spec.type === 'int') {
    if (!/^[+-]?\d+$/.test(raw)) throw new FlagError(`invalid argument "${raw}" for "${display(spec)}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`);
    return Number(raw);
  }
  return raw;
}

interface SpecIndex {
  byName: Map<string, FlagSpec>;
  byShort: Map<string, FlagSpec>;
  defaults: Array<[string, FlagValue]>;
}

/** The lookup tables of a spec list, built once per list (verbs' flag lists are constants; never change one after use). */
const indexes = new WeakMap<readonly FlagSpec[], SpecIndex>();

function indexOf(specs: readonly FlagSpec[]): SpecIndex {
  let index = indexes.get(specs);
  if (!index) {
    // A command's own flag shadows a global one of the same name (cobra: local flags before persistent ones).
    const byName = new Map<string, FlagSpec>();
    for (const s of specs) if (!byName.has(s.name)) byName.set(s.name, s);
    const byShort = new Map<string, FlagSpec>();
    for (const s of specs) if (s.short && !byShort.has(s.short)) byShort.set(s.short, s);
    const defaults: Array<[string, FlagValue]> = [];
    for (const s of byName.values()) if (s.default !== undefined) defaults.push([s.name, s.default]);
    index = { byName, byShort, defaults };
    indexes.set(specs, index);
  }
  return index;
}

export function parseFlags(argv: string[], specs: readonly FlagSpec[]): ParsedFlags {
  const { byName, byShort, defaults } = indexOf(specs);
  const values = new Map<string, FlagValue>(defaults);
  const changed = new Set<string>();
  const args: string[] = [];

  const set = (spec: FlagSpec, raw: string) => {
    const v = convert(spec, raw);
    if (spec.type === 'stringArray') {
      const prev = changed.has(spec.name) ? (values.get(spec.name) as string[]) : [];
      values.set(spec.name, [...prev, raw]);
    } else values.set(spec.name, v);
    changed.add(spec.name);
  };

  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const spec = byName.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) set(spec, a.slice(eq + 1));
      else if (spec.type === 'bool') set(spec, 'true');
      else if (spec.noOptDefault !== undefined) set(spec, spec.noOptDefault);
      else if (i + 1 < argv.length) set(spec, argv[++i]);
      else throw new FlagError(`flag needs an argument: --${name}`);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      let j = 1;
      while (j < a.length) {
        const ch = a[j];
        const spec = byShort.get(ch);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${ch}' in ${a}`);
        const rest = a.slice(j + 1);
        if (spec.type === 'bool') {
          if (rest.startsWith('=')) {
            set(spec, rest.slice(1));
            break;
          }
          set(spec, 'true');
          j++;
          continue;
        }
        if (rest.length > 0) set(spec, rest.startsWith('=') ? rest.slice(1) : rest);
        else if (i + 1 < argv.length) set(spec, argv[++i]);
        else throw new FlagError(`flag needs an argument: '${ch}' in -${ch}`);
        break;
      }
      continue;
    }
    args.push(a);
  }
  return { values, changed, args };
}

/** Typed accessors over a parse result. */
export class Flags {
  constructor(private readonly parsed: ParsedFlags) {}
  get args(): string[] {
    return this.parsed.args;
  }
  string(name: string): string {
    return String(this.parsed.values.get(name) ?? '');
  }
  bool(name: string): boolean {
    return this.parsed.values.get(name) === true;
  }
  int(name: string): number {
    return Number(this.parsed.values.get(name) ?? 0);
  }
  strings(name: string): string[] {
    const v = this.parsed.values.get(name);
    return Array.isArray(v) ? v : [];
  }
  changed(name: string): boolean {
    return this.parsed.changed.has(name);
  }
}
