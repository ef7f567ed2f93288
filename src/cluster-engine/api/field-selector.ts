import { KubeObject } from './types';
import { badRequest } from './errors';

export interface FieldRequirement {
  path: string;
  op: '=' | '!=';
  value: string;
}

/** Field selectors each kind supports, as the API server registers them (plus metadata.name/namespace everywhere). */
const SUPPORTED: Record<string, string[]> = {
  Pod: ['spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'status.phase', 'status.podIP', 'status.nominatedNodeName'],
  Event: [
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
  Node: ['spec.unschedulable'],
  Namespace: ['status.phase'],
  Secret: ['type'],
};

export function parseFieldSelector(kind: string, input: string): FieldRequirement[] {
  const allowed = ['metadata.name', 'metadata.namespace', ...(SUPPORTED[kind] ?? [])];
  return input
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((part) => {
      const m = part.match(/^([^=!]+)(==|!=|=)(.*)$/);
      if (!m) throw badRequest(`invalid selector: '${input}'; can't understand '${part}'`);
      const path = m[1].trim();
      if (!allowed.includes(path)) throw badRequest(`field label not supported: ${path}`);
      return { path, op: m[2] === '!=' ? '!=' : '=', value: m[3].trim() };
    });
}

function fieldValue(obj: KubeObject, path: string): string {
  if (path === 'source') return String((obj as { source?: { component?: string } }).source?.component ?? '');
  let cur: unknown = obj;
  for (const part of path.split('.')) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[part] : undefined;
  if (cur === undefined || cur === null) return '';
  return String(cur);
}

export function matchesFields(reqs: FieldRequirement[], obj: KubeObject): boolean {
  return reqs.every((r) => (fieldValue(obj, r.path) === r.value) === (r.op === '='));
}
