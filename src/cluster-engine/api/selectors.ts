import { badRequest } from './errors';

/**
 * Label selectors in their string form (`app=web,tier!=db,env in (a,b),!canary,release`),
 * parsed as `labels.Parse` does, and matched against a label map.
 */
export type Requirement =
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | '!exists' };

export type LabelSelector = Requirement[];

const KEY = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?\/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?$/;
const VALUE = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?)?$/;

function splitTopLevel(input: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of input) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

function checkKey(key: string, raw: string): void {
  if (!KEY.test(key)) throw badRequest(`unable to parse requirement: invalid label key "${key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') (in "${raw}")`);
}

function checkValue(value: string): void {
  if (!VALUE.test(value) || value.length > 63) throw badRequest(`unable to parse requirement: values[0][${value}]: Invalid value: "${value}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`);
}

export function parseLabelSelector(input: string): LabelSelector {
  const reqs: LabelSelector = [];
  for (const part of splitTopLevel(input)) {
    let m: RegExpMatchArray | null;
    if ((m = part.match(/^(\S+)\s+(in|notin)\s+\((.*)\)$/))) {
      checkKey(m[1], part);
      const values = m[3].split(',').map((v) => v.trim()).filter((v) => v !== '');
      values.forEach(checkValue);
      reqs.push({ key: m[1], op: m[2] as 'in' | 'notin', values });
    } else if ((m = part.match(/^([^=!\s]+)\s*(==|!=|=)\s*(.*)$/))) {
      checkKey(m[1], part);
      checkValue(m[3]);
      reqs.push({ key: m[1], op: m[2] === '!=' ? 'notin' : 'in', values: [m[3]] });
    } else if ((m = part.match(/^!\s*(\S+)$/))) {
      checkKey(m[1], part);
      reqs.push({ key: m[1], op: '!exists' });
    } else {
      checkKey(part, part);
      reqs.push({ key: part, op: 'exists' });
    }
  }
  return reqs;
}

export function matchesSelector(selector: LabelSelector, labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  return selector.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    switch (r.op) {
      case 'exists':
        return has;
      case '!exists':
        return !has;
      case 'in':
        return has && r.values.includes(l[r.key]);
      case 'notin':
        return !has || !r.values.includes(l[r.key]);
    }
  });
}

/** The string form of a `matchLabels` map, sorted by key, as kubectl prints SELECTOR columns. */
export function formatMatchLabels(labels: Record<string, string> | undefined): string {
  return Object.keys(labels ?? {})
    .sort()
    .map((k) => `${k}=${labels![k]}`)
    .join(',');
}
