import { KubeObject } from '../../cluster-engine';
import { formatError, KubectlError } from '../errors';
import { dryRunOf, dryRunSuffix } from '../manifests/prepare';
import { objectName, printObjects } from '../printers/object-printer';
import { parseOutputFormat } from '../printers/output-format';
import { fetchObjects } from '../resources/fetch';
import { resolveResourceArgs } from '../resources/resource-args';
import { CommandResult, Output } from '../result';
import { VerbContext } from './verb';

export interface MapChanges {
  set: Array<[string, string]>;
  remove: string[];
}

/** `kubectl label|annotate TYPE NAME k=v k2-`: resource words first, then changes (`=` or trailing `-`). */
export function splitChanges(args: string[]): { resources: string[]; changes: MapChanges } {
  const resources: string[] = [];
  const changes: MapChanges = { set: [], remove: [] };
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq > 0) changes.set.push([a.slice(0, eq), a.slice(eq + 1)]);
    else if (a.endsWith('-') && a.length > 1 && resources.length > 0) changes.remove.push(a.slice(0, -1));
    else resources.push(a);
  }
  return { resources, changes };
}

/** The objects named by the resource words, or selected with `--all` / `-l`. */
export function targetObjects(ctx: VerbContext, resources: string[], out: Output, errors?: unknown[]): KubeObject[] {
  const requests = resolveResourceArgs(resources);
  const selecting = ctx.flags.bool('all') || !!ctx.flags.string('selector');
  const objects: KubeObject[] = [];
  for (const req of requests) {
    if (req.names.length === 0 && !selecting) throw new KubectlError('resource(s) were provided, but no name was specified');
    const got = fetchObjects(ctx, req, { labelSelector: ctx.flags.string('selector'), allNamespaces: ctx.flags.bool('all-namespaces') });
    objects.push(...got.objects);
    for (const e of got.errors) {
      if (errors) errors.push(e);
      else out.err(formatError(e));
    }
  }
  return objects;
}

/**
 * Applies label or annotation changes to each object and writes it back. `conflict` words the
 * "already has a value" error; `verb` gives `labeled` / `annotated`.
 */
export function updateMaps(ctx: VerbContext, field: 'labels' | 'annotations', verb: string, conflict: (key: string, old: string) => string): CommandResult {
  const { resources, changes } = splitChanges(ctx.args);
  if (resources.length === 0) throw new KubectlError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  const out = new Output();
  const objects = targetObjects(ctx, resources, out);
  if (!ctx.flags.bool('list') && changes.set.length === 0 && changes.remove.length === 0) throw new KubectlError(`at least one ${field === 'labels' ? 'label' : 'annotation'} update is required`);
  const dryRun = dryRunOf(ctx);
  const format = ctx.flags.string('output') ? parseOutputFormat(ctx.flags.string('output')) : undefined;
  for (const obj of objects) {
    const map = { ...(obj.metadata[field] ?? {}) };
    if (ctx.flags.bool('list')) {
      out.out(Object.keys(map).sort().map((k) => `${k}=${map[k]}\n`).join(''));
      continue;
    }
    const before = JSON.stringify(map);
    for (const [k, v] of changes.set) {
      if (k in map && map[k] !== v && !ctx.flags.bool('overwrite')) throw new KubectlError(conflict(k, map[k]));
      map[k] = v;
    }
    for (const k of changes.remove) {
      if (!(k in map)) out.warn(`${field === 'labels' ? 'label' : 'annotation'} "${k}" not found.\n`);
      delete map[k];
    }
    const changed = JSON.stringify(map) !== before;
    obj.metadata[field] = map;
    try {
      const result = changed && dryRun !== 'client' ? ctx.cluster.api.update(obj, { dryRun: dryRun === 'server' }) : obj;
      if (format && format.kind !== 'table') out.out(printObjects(format, [result], true));
      else {
        const word = field === 'annotations' ? verb : !changed ? `not ${verb}` : changes.set.length === 0 ? `un${verb}` : verb;
        out.out(`${objectName(obj)} ${word}${dryRunSuffix(dryRun)}\n`);
      }
    } catch (e) {
      out.err(formatError(e));
    }
  }
  return out.result();
}

export const MAP_FLAGS = [
  { name: 'overwrite', type: 'bool' as const, description: 'If true, allow labels/annotations to be overwritten, otherwise reject updates that overwrite existing ones.' },
  { name: 'all', type: 'bool' as const, description: 'Select all resources, in the namespace of the specified resource types' },
  { name: 'selector', short: 'l', type: 'string' as const, description: 'Selector (label query) to filter on.' },
  { name: 'all-namespaces', short: 'A', type: 'bool' as const, description: 'If true, check the specified action in all namespaces.' },
  { name: 'list', type: 'bool' as const, description: 'If true, display the labels/annotations for a given resource.' },
  { name: 'dry-run', type: 'string' as const, default: 'none', noOptDefault: 'unchanged', description: 'Must be "none", "server", or "client".' },
  { name: 'output', short: 'o', type: 'string' as const, description: 'Output format. One of: (json, yaml, name, jsonpath).' },
];
