import { resolveRef, Schema } from './openapi';
import { indent, wrap } from './word-wrap';

/** A port of kubectl's explain v2 `plaintext.tmpl` (pkg/explain/v2/templates): same sections, wrapping and types. */

type History = ReadonlySet<string>;

const isMap = (ap: Schema['additionalProperties']): ap is Schema => typeof ap === 'object' && ap !== null;

export function typeGuess(schema: Schema): string {
  if (schema.items) return `[]${typeGuess(schema.items)}`;
  if (isMap(schema.additionalProperties)) return `map[string]${typeGuess(schema.additionalProperties)}`;
  if (schema.allOf && !schema.properties && schema.allOf.length === 1) return typeGuess(schema.allOf[0]);
  if (schema.$ref) {
    const target = resolveRef(schema.$ref);
    if (!target || !target.type || target.type === 'object') return schema.$ref.split('/').pop()!.split('.').pop() || 'Object';
    return target.type;
  }
  return schema.type === 'object' ? 'Object' : schema.type || 'Object';
}

function enumText(schema: Schema, long: boolean, limit: number, indentAmount = 0): string {
  if (!schema.enum?.length) return '';
  let out = long ? 'ENUM:' : `\n${' '.repeat(indentAmount)}enum: `;
  for (const [i, e] of schema.enum.entries()) {
    if (limit > -1 && i >= limit) {
      out += ', ....';
      break;
    }
    if (i > 0 && !long) out += ', ';
    else if (long) out += '\n    ';
    out += e === '' ? '""' : String(e);
  }
  return out;
}

function description(schema: Schema): string {
  const s = resolveRef(schema.$ref) ?? schema;
  let out = s.description ? `${s.description}\n` : '';
  for (const a of s.allOf ?? []) out += description(a);
  if (s.items) out += description(s.items);
  if (isMap(s.additionalProperties)) out += description(s.additionalProperties);
  return out;
}

function externalDocs(schema: Schema, indentAmount = 0, width = 76): string {
  const docs = schema.externalDocs;
  if (!docs) return '';
  let out = `${indent(indentAmount, 'EXTERNAL DOCS:')}\n`;
  if (docs.description) out += `${indent(indentAmount + 4, wrap(width, docs.description))}\n`;
  if (docs.url) out += `${indent(indentAmount + 4, `URL: ${docs.url}`)}\n`;
  return out;
}

function fieldDetail(name: string, parent: Schema, short: boolean, level: number): string {
  const amount = level * 2;
  const field = parent.properties![name];
  let out = `${indent(amount, name)}\t<${typeGuess(field)}>`;
  if (parent.required?.includes(name)) out += ' -required-';
  out += `${enumText(field, false, 4, amount)}\n`;
  if (!short) {
    out += `${indent(amount + 2, wrap(78 - amount, field.description || '<no description>'))}\n`;
    if (field.externalDocs) out += `\n${externalDocs(field, amount + 2, 76 - amount)}`;
    out += '\n';
  }
  return out;
}

function fieldList(schema: Schema, level: number, history: History, recursive: boolean): string {
  const ref = schema.$ref ?? '';
  if (ref && history.has(ref)) return '';
  const next = new Set(history).add(ref);
  const resolved = resolveRef(ref) ?? schema;
  let out = '';
  for (const name of Object.keys(resolved.properties ?? {}).sort()) {
    out += fieldDetail(name, resolved, recursive, level);
    if (recursive) out += fieldList(resolved.properties![name], level + 1, next, recursive);
  }
  for (const a of resolved.allOf ?? []) out += fieldList(a, level, next, recursive);
  if (resolved.items) out += fieldList(resolved.items, level, next, recursive);
  if (isMap(resolved.additionalProperties)) out += fieldList(resolved.additionalProperties, level, next, recursive);
  return out;
}

/** The template's `output`: follows `path` through the schema; empty when a field does not exist. */
function output(schema: Schema, path: string[], history: History, recursive: boolean): string {
  const ref = schema.$ref ?? '';
  const next = new Set(history).add(ref);
  const resolved = resolveRef(ref) ?? schema;
  if (path.length === 0) {
    let out = `DESCRIPTION:\n${indent(4, wrap(76, description(resolved) || '<empty>'))}\n`;
    const docs = externalDocs(resolved);
    if (docs) out += `\n${docs}`;
    const fields = fieldList(resolved, 1, new Set(), recursive);
    if (fields) out += `FIELDS:\n${fields}`;
    return out;
  }
  if (ref && history.has(ref)) return '';
  const sub = resolved.properties?.[path[0]];
  if (sub) {
    const head = path.length === 1 ? `FIELD: ${path[0]} <${typeGuess(sub)}>\n${enumText(sub, true, -1)}\n\n` : '';
    return head + output(sub, path.slice(1), new Set(), recursive);
  }
  if (resolved.items) return output(resolved.items, path, next, recursive);
  if (isMap(resolved.additionalProperties)) return output(resolved.additionalProperties, path, next, recursive);
  for (const a of resolved.allOf ?? []) {
    const r = output(a, path, next, recursive);
    if (r) return r;
  }
  return '';
}

export interface ExplainTarget {
  group: string;
  version: string;
  kind: string;
  schema: Schema;
}

/** The whole `kubectl explain` text, or undefined when the field path does not exist. */
export function explain(target: ExplainTarget, path: string[], recursive: boolean): string | undefined {
  const body = output(target.schema, path, new Set(), recursive);
  if (!body) return undefined;
  const head = `${target.group ? `GROUP:      ${target.group}\n` : ''}KIND:       ${target.kind}\nVERSION:    ${target.version}\n\n`;
  return `${head}${body}\n`;
}
