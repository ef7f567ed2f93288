import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import { KubeObject } from '../cluster-engine';
import { ScenarioFormat } from './format/scenario.format';
import { CHECKS } from './checks/registry';
import { FAULTS } from './faults/registry';
import { describeVariant, Parameter, placeholdersIn, substitute, Variant, variantAt, variantCount, variantForSeed } from './variants';

/** A scenario whose file parsed and validated: the format plus its manifests as objects. */
export interface LoadedScenario {
  format: ScenarioFormat;
  objects: KubeObject[];
  /** A scenario with `parameters`: the text its variants are drawn from. The catalogue entry shows its first variant. */
  template?: ScenarioTemplate;
  /** The variant this instance is (set on a drawn variant). */
  variant?: Variant;
}

export interface ScenarioTemplate {
  text: string;
  source: string;
  parameters: Parameter[];
  /** drawn variants by index, parsed once */
  cache: Map<number, LoadedScenario>;
}

/** Fields the catalogue lists before any seed is drawn: they must be the same in every variant. */
const CATALOGUE_FIELDS = ['id', 'title', 'summary', 'difficulty', 'track', 'tags', 'points', 'parSeconds', 'parameters'];
/** Variants whose format is checked at load time (the validator proves their behaviour, see validate.ts). */
const MAX_VARIANTS_CHECKED_AT_LOAD = 64;

export class ScenarioFormatError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source}: invalid scenario:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

function flatten(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) => `${path}: ${m}`);
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

/**
 * Parses and validates a scenario file (YAML text). Every problem is reported, not just the first.
 * With `parameters`, every `{{ name }}` must be declared and every parameter used; each variant's format is checked.
 */
export function loadScenario(text: string, source = 'scenario'): LoadedScenario {
  const used = placeholdersIn(text);
  let raw: Record<string, unknown> | undefined;
  try {
    // Placeholders are read as plain words here: only the declarations and the catalogue fields are needed.
    const neutral = parseYaml(substitute(text, Object.fromEntries(used.map((n) => [n, `__param_${n}__`]))));
    if (neutral && typeof neutral === 'object' && !Array.isArray(neutral)) raw = neutral as Record<string, unknown>;
  } catch (e) {
    if (used.length) throw new ScenarioFormatError(source, [`YAML: ${(e as Error).message}`]);
  }
  const declared = Array.isArray(raw?.parameters) ? (raw.parameters as Array<{ name?: unknown; choices?: unknown }>) : [];
  const names = declared.map((p) => String(p?.name));
  if (!used.length && !declared.length) return loadConcrete(text, source);

  const problems: string[] = [];
  for (const n of used) if (!names.includes(n)) problems.push(`parameters: placeholder {{ ${n} }} is used but not declared (declared: ${names.join(', ') || 'none'})`);
  declared.forEach((p, i) => {
    if (!used.includes(String(p?.name))) problems.push(`parameters[${i}]: "${String(p?.name)}" is declared but never used as {{ ${String(p?.name)} }}`);
    if (names.indexOf(String(p?.name)) !== i) problems.push(`parameters[${i}]: "${String(p?.name)}" is declared twice`);
  });
  for (const field of CATALOGUE_FIELDS) {
    if (raw && JSON.stringify(raw[field] ?? null).includes('__param_')) problems.push(`${field}: placeholders are not allowed in the catalogue fields (${CATALOGUE_FIELDS.join(', ')})`);
  }
  const parameters: Parameter[] = declared
    .filter((p) => typeof p?.name === 'string' && Array.isArray(p.choices) && p.choices.length > 0)
    .map((p) => ({ name: p.name as string, choices: (p.choices as unknown[]).map(String) }));
  if (problems.length) throw new ScenarioFormatError(source, problems);

  const template: ScenarioTemplate = { text, source, parameters, cache: new Map() };
  const first = instantiate(template, 0);
  // Every variant's format must hold too; the one that fails is named.
  for (let i = 1; i < Math.min(variantCount(parameters), MAX_VARIANTS_CHECKED_AT_LOAD); i++) instantiate(template, i);
  return { ...first, template };
}

/** The scenario an attempt with this seed plays: its drawn variant, or the scenario itself when it has no parameters. */
export function resolveVariant(scenario: LoadedScenario, seed: number): LoadedScenario {
  return scenario.template ? instantiate(scenario.template, variantForSeed(scenario.template.parameters, seed).index) : scenario;
}

/** The variant at `index` of a template, parsed and validated (cached). */
export function instantiate(template: ScenarioTemplate, index: number): LoadedScenario {
  const cached = template.cache.get(index);
  if (cached) return cached;
  const variant = variantAt(template.parameters, index);
  const label = `${template.source} (variant ${describeVariant(variant)})`;
  let concrete: LoadedScenario;
  try {
    concrete = loadConcrete(substitute(template.text, variant.values), label);
  } catch (e) {
    // Each problem keeps its field path first (authoring tools locate it) and names the variant last.
    if (e instanceof ScenarioFormatError) throw new ScenarioFormatError(label, e.problems.map((p) => `${p} (in variant ${describeVariant(variant)})`));
    throw e;
  }
  const loaded = { ...concrete, variant };
  template.cache.set(index, loaded);
  return loaded;
}

function loadConcrete(text: string, source: string): LoadedScenario {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw new ScenarioFormatError(source, [`YAML: ${(e as Error).message}`]);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ScenarioFormatError(source, ['the file must be a YAML mapping']);
  const format = plainToInstance(ScenarioFormat, raw);
  const problems = flatten(validateSync(format, { forbidUnknownValues: false }));
  const pluginProblem = (kind: string, list: Array<{ type: string }> | undefined, registry: ReadonlyMap<string, { parse(p: Record<string, unknown>): unknown }>) =>
    (list ?? []).forEach((ref, i) => {
      const plugin = registry.get(ref?.type);
      if (!plugin) problems.push(`${kind}[${i}]: unknown type "${ref?.type}" (known: ${[...registry.keys()].join(', ')})`);
      else {
        const parsed = plugin.parse(ref as unknown as Record<string, unknown>);
        if (typeof parsed === 'string') problems.push(`${kind}[${i}]: ${parsed}`);
      }
    });
  pluginProblem('objectives.check', format.objectives?.map((o) => o.check), CHECKS);
  pluginProblem('guardRails.check', format.guardRails?.map((o) => o.check), CHECKS);
  pluginProblem('faults', format.faults, FAULTS);
  (format.hints ?? []).forEach((h, i) => pluginProblem(`hints[${i}].states.when`, h.states?.map((st) => st.when), CHECKS));
  const d = format.diagnosis;
  if (d && Array.isArray(d.causes) && !d.causes.includes(d.cause)) problems.push(`diagnosis.cause: "${d.cause}" must be one of diagnosis.causes`);
  (format.quiz ?? []).forEach((q, i) => {
    if (Array.isArray(q.answers) && Array.isArray(q.choices) && q.answers.some((a) => a >= q.choices.length)) problems.push(`quiz[${i}].answers: every answer must index one of the ${q.choices.length} choices`);
  });
  const objects: KubeObject[] = [];
  if (typeof format.manifests === 'string') {
    parseAllDocuments(format.manifests).forEach((doc, i) => {
      if (doc.errors.length) problems.push(`manifests[${i}]: ${doc.errors[0].message}`);
      const obj = doc.toJS() as KubeObject | null;
      if (!obj) return;
      if (typeof obj !== 'object' || !obj.kind || !obj.metadata?.name) problems.push(`manifests[${i}]: every manifest needs kind and metadata.name`);
      else objects.push(obj);
    });
  }
  if (problems.length) throw new ScenarioFormatError(source, problems);
  return { format, objects };
}
