import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import { KubeObject } from '../cluster-engine';
import { ScenarioFormat } from './format/scenario.format';
import { CHECKS } from './checks/registry';
import { FAULTS } from './faults/registry';

/** A scenario whose file parsed and validated: the format plus its manifests as objects. */
export interface LoadedScenario {
  format: ScenarioFormat;
  objects: KubeObject[];
}

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

/** Parses and validates a scenario file (YAML text). Every problem is reported, not just the first. */
export function loadScenario(text: string, source = 'scenario'): LoadedScenario {
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
