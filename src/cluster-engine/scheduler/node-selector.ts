import { Node } from '../api/types';

export interface NodeSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt' | string;
  values?: string[];
}
export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}
export interface LabelSelectorObject {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | string; values?: string[] }>;
}

/** One requirement against a label map (`nodeaffinity`'s `labels.Requirement` semantics, incl. Gt/Lt as integers). */
export function requirementMatches(r: NodeSelectorRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const v = labels[r.key];
  switch (r.operator) {
    case 'In':
      return has && (r.values ?? []).includes(v);
    case 'NotIn':
      return !has || !(r.values ?? []).includes(v);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      if (!has || !/^-?\d+$/.test(v) || (r.values ?? []).length !== 1 || !/^-?\d+$/.test(r.values![0])) return false;
      const [a, b] = [Number(v), Number(r.values![0])];
      return r.operator === 'Gt' ? a > b : a < b;
    }
    default:
      return false;
  }
}

/** A term matches when all its expressions and fields match; an empty term matches nothing. */
export function termMatches(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata.labels ?? {};
  return exprs.every((r) => requirementMatches(r, labels)) && fields.every((r) => requirementMatches(r, { 'metadata.name': node.metadata.name }));
}

/** Terms are ORed. */
export function nodeSelectorMatches(terms: NodeSelectorTerm[] | undefined, node: Node): boolean {
  return (terms ?? []).some((t) => termMatches(t, node));
}

/** A structured label selector (`matchLabels` + `matchExpressions`); an empty selector matches everything. */
export function labelSelectorMatches(sel: LabelSelectorObject | undefined | null, labels: Record<string, string> | undefined): boolean {
  if (!sel) return false;
  const l = labels ?? {};
  return Object.entries(sel.matchLabels ?? {}).every(([k, v]) => l[k] === v) && (sel.matchExpressions ?? []).every((r) => requirementMatches(r, l));
}
