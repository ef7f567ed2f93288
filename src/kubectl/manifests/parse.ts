import { parseAllDocuments, YAMLError } from 'yaml';
import { KubeObject } from '../../cluster-engine';
import { aggregateMessage, KubectlError } from '../errors';

/** go-yaml's wording for the mistakes players make, keyed by the `yaml` package's error codes. */
function goYamlMessage(e: YAMLError, text: string): string {
  const line = e.linePos?.[0]?.line ?? 1;
  const at = (msg: string) => `yaml: line ${line}: ${msg}`;
  switch (e.code) {
    case 'TAB_AS_INDENT':
      return at('found character that cannot start any token');
    case 'BLOCK_AS_IMPLICIT_KEY':
      return e.message.startsWith('Nested mappings') ? at('mapping values are not allowed in this context') : at('did not find expected key');
    case 'MULTILINE_IMPLICIT_KEY':
      return at("could not find expected ':'");
    case 'DUPLICATE_KEY': {
      const src = text.split('\n')[line - 1] ?? '';
      const key = src.slice((e.linePos?.[0]?.col ?? 1) - 1).replace(/^-\s*/, '').split(':')[0].trim();
      return `yaml: unmarshal errors:\n  line ${line}: key "${key}" already set in map`;
    }
    case 'MISSING_CHAR':
      if (e.message.includes('quote')) return at('found unexpected end of stream');
      if (e.message.includes('without - indicator')) return at("did not find expected '-' indicator");
      return at('did not find expected key');
    case 'BAD_INDENT':
      if (e.message.startsWith('Flow sequence')) return at("did not find expected ',' or ']'");
      if (e.message.startsWith('Flow mapping')) return at("did not find expected ',' or '}'");
      return at('did not find expected key');
    default:
      return at('did not find expected key');
  }
}

/**
 * Reads a manifest as kubectl does: YAML or JSON, `---`-separated documents, `kind: List` expanded.
 * Errors carry kubectl's text: `error parsing pod.yaml: error converting YAML to JSON: yaml: line 4: …`.
 */
export function parseManifests(text: string, source: string): KubeObject[] {
  const docs = parseAllDocuments(text, { uniqueKeys: true });
  const list = Array.isArray(docs) ? docs : [docs];
  const out: KubeObject[] = [];
  for (const doc of list) {
    const err = doc.errors[0];
    if (err) throw new KubectlError(`error parsing ${source}: error converting YAML to JSON: ${goYamlMessage(err, text)}`);
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 }) as unknown;
    } catch (e) {
      // `*name` with no `&name` before it (or an alias bomb): go-yaml's words.
      if (!(e instanceof ReferenceError)) throw e;
      const alias = /: (.*)$/.exec(e.message)?.[1] ?? '';
      throw new KubectlError(`error parsing ${source}: error converting YAML to JSON: yaml: unknown anchor '${alias}' referenced`);
    }
    if (value === null || value === undefined) continue;
    out.push(...expand(value, source));
  }
  return out;
}

function expand(value: unknown, source: string): KubeObject[] {
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new KubectlError(`error validating "${source}": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false`);
  }
  const obj = value as Record<string, unknown>;
  const missing = [...(obj.apiVersion ? [] : ['apiVersion not set']), ...(obj.kind ? [] : ['kind not set'])];
  if (missing.length) {
    throw new KubectlError(`error validating "${source}": error validating data: ${aggregateMessage(missing)}; if you choose to ignore these errors, turn validation off with --validate=false`);
  }
  if (typeof obj.kind === 'string' && obj.kind.endsWith('List') && Array.isArray(obj.items)) return obj.items.flatMap((i) => expand(i, source));
  const o = obj as KubeObject;
  // A wrong-typed metadata is left for the decode check to report; only a missing one is defaulted.
  if (o.metadata === undefined || o.metadata === null) o.metadata = {} as KubeObject['metadata'];
  return [o];
}
