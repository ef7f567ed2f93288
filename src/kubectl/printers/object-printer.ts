import { KubeObject, kindInfo, isKnownKind } from '../../cluster-engine';
import { kindPrefix } from '../resources/resource-args';
import { evaluate, executeTemplate, formatValue, JsonPathError, relaxedPath } from './jsonpath';
import { toJson } from './json-printer';
import { OutputFormat } from './output-format';
import { formatTabbed, TABLE_TABWRITER } from './tabwriter';
import { toYaml } from './yaml-printer';
import { KubectlError } from '../errors';

/** The `List` kubectl wraps several objects in for `-o yaml|json|jsonpath`. */
export function asList(objects: KubeObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
}

export function objectName(obj: KubeObject): string {
  const prefix = isKnownKind(obj.kind) ? kindPrefix(kindInfo(obj.kind)) : obj.kind.toLowerCase();
  return `${prefix}/${obj.metadata.name}`;
}

/** Prints objects for every non-table format; `single` prints the object itself instead of a List. */
export function printObjects(format: Exclude<OutputFormat, { kind: 'table' }>, all: KubeObject[], single: boolean): string {
  // kubectl hides managedFields unless --show-managed-fields.
  const objects = all.map((o) => (o.metadata?.managedFields ? { ...o, metadata: { ...o.metadata, managedFields: undefined } } : o));
  const data = single && objects.length === 1 ? objects[0] : asList(objects);
  switch (format.kind) {
    case 'yaml':
      return toYaml(data);
    case 'json':
      return toJson(data);
    case 'name':
      return objects.map((o) => `${objectName(o)}\n`).join('');
    case 'jsonpath':
      try {
        return executeTemplate(format.template, JSON.parse(JSON.stringify(data)));
      } catch (e) {
        if (e instanceof JsonPathError) throw new KubectlError(`error parsing jsonpath ${format.template}, ${e.message}`);
        throw e;
      }
    case 'custom-columns': {
      const paths = format.columns.map((c) => {
        try {
          return relaxedPath(c.path);
        } catch (e) {
          if (e instanceof JsonPathError) throw new KubectlError(`error parsing jsonpath ${c.path}, ${e.message}`);
          throw e;
        }
      });
      const lines = [format.columns.map((c) => c.header).join('\t')];
      for (const o of objects) {
        lines.push(
          paths
            .map((p) => {
              const vals = evaluate(p, o).filter((v) => v !== undefined && v !== null);
              return vals.length ? vals.map(formatValue).join(',') : '<none>';
            })
            .join('\t'),
        );
      }
      return formatTabbed(`${lines.join('\n')}\n`, TABLE_TABWRITER);
    }
  }
}

/** `--sort-by=.metadata.creationTimestamp`: numbers numerically, everything else as strings; stable. */
export function sortObjects(objects: KubeObject[], expr: string): KubeObject[] {
  let path;
  try {
    path = relaxedPath(expr);
  } catch (e) {
    if (e instanceof JsonPathError) throw new KubectlError(`error parsing jsonpath {${expr}}, ${e.message}`);
    throw e;
  }
  const keyed = objects.map((o) => ({ o, v: evaluate(path, o)[0] }));
  if (objects.length > 0 && keyed.every((k) => k.v === undefined)) {
    throw new KubectlError(`couldn't find any field with path "{${expr.replace(/^\{|\}$/g, '')}}" in the list of objects`);
  }
  return keyed
    .sort((a, b) => {
      // A missing or null field sorts first, as kubectl's RuntimeSort treats it.
      const [am, bm] = [a.v === undefined || a.v === null, b.v === undefined || b.v === null];
      if (am || bm) return am ? (bm ? 0 : -1) : 1;
      if (typeof a.v === 'number' && typeof b.v === 'number') return a.v - b.v;
      const [x, y] = [formatValue(a.v), formatValue(b.v)];
      return x < y ? -1 : x > y ? 1 : 0;
    })
    .map((k) => k.o);
}
