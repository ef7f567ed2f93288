import { getMetadataStorage } from 'class-validator';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, parseDocument, type Document, type Node } from 'yaml';
import { ScenarioFormat } from './format/scenario.format';
import { loadScenario, ScenarioFormatError } from './load';
import { validateScenario, type ValidationStep } from './validate';

/** One problem of an uploaded scenario file, located in the YAML when it can be. */
export interface AuthoringProblem {
  /** 1-based line in the uploaded text */
  line?: number;
  /** the field, e.g. `cluster.nodes.0.name` */
  path?: string;
  message: string;
}

/** What an instructor gets back for an upload: format problems (all of them), else the simulation's steps. */
export interface AuthoringCheck {
  ok: boolean;
  /** the file's `id`, when it has a usable one (even if the file is otherwise invalid) */
  scenarioId?: string;
  /** the file's `title`, when it has one */
  title?: string;
  steps: ValidationStep[];
  errors: AuthoringProblem[];
}

const ID_PATTERN = /^[a-z0-9-]{3,64}$/;

/**
 * Checks a scenario file as an instructor uploaded it: malformed YAML and invalid fields come back
 * with their line numbers; a well-formed file is then validated by simulation (validateScenario).
 * Pure and synchronous: the game layer runs it in a worker thread under a time budget.
 */
export function checkScenarioText(text: string, source = 'upload'): AuthoringCheck {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  const head = identify(doc);
  if (doc.errors.length > 0) {
    const errors = doc.errors.map((e) => ({ line: e.linePos?.[0].line, message: `YAML: ${firstLine(e.message)}` }));
    return { ok: false, ...head, steps: [], errors };
  }
  const locate = locator(doc, lines);
  const unknown = unknownTopLevelFields(doc).map((key) => locate(key, `unknown field "${key}" (known: ${knownFields().join(', ')})`));
  let loaded;
  try {
    loaded = loadScenario(text, source);
  } catch (e) {
    if (!(e instanceof ScenarioFormatError)) throw e;
    const problems = e.problems.map((p) => {
      const colon = p.indexOf(': ');
      return colon > 0 ? locate(p.slice(0, colon), p.slice(colon + 2)) : { line: 1, message: p };
    });
    return { ok: false, ...head, steps: [], errors: [...problems, ...unknown] };
  }
  if (unknown.length) return { ok: false, ...head, steps: [], errors: unknown };
  try {
    const report = validateScenario(loaded);
    return { ok: report.ok, ...head, steps: report.steps, errors: [] };
  } catch (e) {
    // A file the format accepts but the simulation cannot run is the author's problem to see, not a crash.
    const detail = `the simulation stopped with an error: ${e instanceof Error ? e.message : String(e)}`;
    return { ok: false, ...head, steps: [{ name: 'simulation', ok: false, detail }], errors: [] };
  }
}

function identify(doc: Document): { scenarioId?: string; title?: string } {
  if (!isMap(doc.contents)) return {};
  const id = doc.get('id');
  const title = doc.get('title');
  return {
    ...(typeof id === 'string' && ID_PATTERN.test(id) ? { scenarioId: id } : {}),
    ...(typeof title === 'string' && title.trim() ? { title: title.trim() } : {}),
  };
}

/** yaml's pretty message is "<what> at line 3, column 7:" plus a source excerpt; the line is reported apart. */
function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').trim();
}

function knownFields(): string[] {
  const names = getMetadataStorage()
    .getTargetValidationMetadatas(ScenarioFormat, '', true, false)
    .map((m) => m.propertyName);
  return [...new Set(names)];
}

/** Top-level keys the format does not know: a typo (`parSecond`) would otherwise be silently ignored. */
function unknownTopLevelFields(doc: Document): string[] {
  if (!isMap(doc.contents)) return [];
  const known = new Set(knownFields());
  return doc.contents.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : '')).filter((key) => key && !known.has(key));
}

/**
 * Turns a loader path into a line: `cluster.nodes.0.name`, `objectives.check[0]` (the index belongs to
 * `objectives`), `hints[1].states.when[0]`, `manifests[2]` (the third document of the manifests block).
 */
function locator(doc: Document, lines: LineCounter): (path: string, message: string) => AuthoringProblem {
  const lineAt = (offset: number): number => lines.linePos(offset).line;
  return (path, message) => {
    const keys: Array<string | number> = [];
    for (const segment of path.split('.')) {
      const m = /^(.*?)\[(\d+)\]$/.exec(segment);
      const name = m ? m[1] : segment;
      const index = m ? Number(m[2]) : undefined;
      if (index !== undefined && isSeq(doc.getIn(keys, true))) keys.push(index, name);
      else {
        keys.push(/^\d+$/.test(name) ? Number(name) : name);
        if (index !== undefined) keys.push(index);
      }
    }
    if (keys[0] === 'manifests' && typeof keys[1] === 'number') {
      const line = manifestLine(doc, lines, keys[1]);
      return { ...(line ? { line } : {}), path, message };
    }
    // The deepest node that exists: a missing field is reported where its parent is.
    for (let depth = keys.length; depth > 0; depth--) {
      const line = keyLine(doc, keys.slice(0, depth), lineAt);
      if (line) return { line, path, message };
    }
    return { path, message };
  };
}

/** The line of a mapping key (or a sequence item) at `keys`. */
function keyLine(doc: Document, keys: Array<string | number>, lineAt: (offset: number) => number): number | undefined {
  const parent = keys.length === 1 ? doc.contents : doc.getIn(keys.slice(0, -1), true);
  const last = keys[keys.length - 1];
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(last));
    const range = pair && (pair.key as Node | null)?.range;
    return range ? lineAt(range[0]) : undefined;
  }
  if (isSeq(parent) && typeof last === 'number') {
    const item = parent.items[last] as Node | undefined;
    return item?.range ? lineAt(item.range[0]) : undefined;
  }
  return undefined;
}

/** Line of the `index`-th document inside a `manifests: |` block (the block's text starts on the next line). */
function manifestLine(doc: Document, lines: LineCounter, index: number): number | undefined {
  const node = doc.get('manifests', true);
  const fallback = keyLine(doc, ['manifests'], (o) => lines.linePos(o).line);
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range || node.type !== 'BLOCK_LITERAL') return fallback;
  const inner = new LineCounter();
  const docs = parseAllDocuments(node.value, { lineCounter: inner });
  const target = Array.isArray(docs) ? docs[index] : undefined;
  if (!target) return fallback;
  const errorLine = target.errors[0]?.linePos?.[0].line;
  const innerLine = errorLine ?? inner.linePos(firstContentOffset(node.value, target.range[0])).line;
  return lines.linePos(node.range[0]).line + innerLine;
}

/** Skips blank lines and `---` separators so the line points at the document's first field. */
function firstContentOffset(text: string, from: number): number {
  const re = /[^\s-]/g;
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? m.index : from;
}
