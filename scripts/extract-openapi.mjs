#!/usr/bin/env node
/**
 * Writes src/kubectl/explain/openapi-1.32.json: the part of the Kubernetes 1.32 OpenAPI v3 documents that
 * `kubectl explain` needs for the kinds the engine serves (descriptions, types, required fields, enums and
 * refs of every schema reachable from those kinds). The full documents (6 MB) are not in the repository.
 *
 *   node scripts/extract-openapi.mjs [/work/shared/k8s/openapi-v3-1.32]
 *
 * The kinds are read from src/cluster-engine/api/kinds.ts; run this again after adding one.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = process.argv[2] ?? '/work/shared/k8s/openapi-v3-1.32';
const out = join(root, 'src/kubectl/explain/openapi-1.32.json');

const kindsTs = readFileSync(join(root, 'src/cluster-engine/api/kinds.ts'), 'utf8');
const wanted = [...kindsTs.matchAll(/kind: '(\w+)'[^}]*?apiVersion: '([^']+)'/g)].map(([, kind, apiVersion]) => ({ kind, apiVersion }));

function documents(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? documents(path) : name.endsWith('.json') ? [path] : [];
  });
}

const KEEP = ['description', 'type', 'properties', 'required', 'items', 'additionalProperties', 'allOf', '$ref', 'enum', 'externalDocs'];
const PREFIX = '#/components/schemas/';

/** The fields explain reads, recursively; refs shortened to the schema name. */
function compact(schema) {
  if (typeof schema !== 'object' || schema === null) return schema;
  const outSchema = {};
  for (const key of KEEP) {
    if (!(key in schema)) continue;
    const v = schema[key];
    if (key === '$ref') outSchema.$ref = v.startsWith(PREFIX) ? v.slice(PREFIX.length) : v;
    else if (key === 'properties') outSchema.properties = Object.fromEntries(Object.entries(v).map(([k, s]) => [k, compact(s)]));
    else if (key === 'allOf') outSchema.allOf = v.map(compact);
    else if (key === 'items' || key === 'additionalProperties') outSchema[key] = compact(v);
    else outSchema[key] = v;
  }
  return outSchema;
}

function refsOf(schema, found = new Set()) {
  if (typeof schema !== 'object' || schema === null) return found;
  if (typeof schema.$ref === 'string') found.add(schema.$ref);
  for (const v of Object.values(schema)) if (typeof v === 'object') refsOf(v, found);
  return found;
}

const gvks = {};
const schemas = {};
for (const path of documents(source)) {
  const doc = JSON.parse(readFileSync(path, 'utf8'));
  const all = doc.components?.schemas ?? {};
  const queue = [];
  for (const [name, schema] of Object.entries(all)) {
    for (const gvk of schema['x-kubernetes-group-version-kind'] ?? []) {
      const apiVersion = gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
      if (!wanted.some((w) => w.kind === gvk.kind && w.apiVersion === apiVersion)) continue;
      gvks[`${apiVersion}/${gvk.kind}`] = name;
      queue.push(name);
    }
  }
  while (queue.length) {
    const name = queue.pop();
    if (schemas[name] || !all[name]) continue;
    schemas[name] = compact(all[name]);
    for (const ref of refsOf(schemas[name])) if (!schemas[ref]) queue.push(ref);
  }
}

const missing = wanted.filter((w) => !gvks[`${w.apiVersion}/${w.kind}`]);
if (missing.length) console.warn(`no OpenAPI schema for: ${missing.map((m) => `${m.apiVersion} ${m.kind}`).join(', ')}`);
const sorted = Object.fromEntries(Object.keys(schemas).sort().map((k) => [k, schemas[k]]));
writeFileSync(out, `${JSON.stringify({ source: 'Kubernetes 1.32 OpenAPI v3 (kubectl-validate)', gvks: Object.fromEntries(Object.entries(gvks).sort()), schemas: sorted })}\n`);
console.log(`wrote ${out}: ${Object.keys(gvks).length} kinds, ${Object.keys(sorted).length} schemas`);
