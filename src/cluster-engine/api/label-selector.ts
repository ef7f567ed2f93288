import { MetaLabelSelector } from './types';

/** `metav1.LabelSelectorAsSelector(...).Matches(labels)`: matchLabels and matchExpressions all hold. */
export function metaSelectorMatches(sel: MetaLabelSelector | undefined, labels: Record<string, string> | undefined): boolean {
  if (!sel) return false;
  const l = labels ?? {};
  const has = (k: string) => Object.prototype.hasOwnProperty.call(l, k);
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (!has(k) || l[k] !== v) return false;
  for (const r of sel.matchExpressions ?? []) {
    const values = r.values ?? [];
    switch (r.operator) {
      case 'In':
        if (!has(r.key) || !values.includes(l[r.key])) return false;
        break;
      case 'NotIn':
        if (has(r.key) && values.includes(l[r.key])) return false;
        break;
      case 'Exists':
        if (!has(r.key)) return false;
        break;
      case 'DoesNotExist':
        if (has(r.key)) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

export function isEmptySelector(sel: MetaLabelSelector | undefined): boolean {
  return !sel || (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0);
}

/** `metav1.FormatLabelSelector`: `app=web,tier in (a,b),!x`; `<none>` when empty. */
export function formatMetaSelector(sel: MetaLabelSelector | undefined): string {
  if (!sel) return '<none>';
  const parts: string[] = [];
  const ml = sel.matchLabels ?? {};
  for (const k of Object.keys(ml).sort()) parts.push(`${k}=${ml[k]}`);
  for (const r of sel.matchExpressions ?? []) {
    const values = [...(r.values ?? [])].sort();
    if (r.operator === 'In') parts.push(`${r.key} in (${values.join(',')})`);
    else if (r.operator === 'NotIn') parts.push(`${r.key} notin (${values.join(',')})`);
    else if (r.operator === 'Exists') parts.push(r.key);
    else if (r.operator === 'DoesNotExist') parts.push(`!${r.key}`);
  }
  const s = parts.join(',');
  return s === '' ? '<none>' : s;
}

/** Go's `%#v` of a `map[string]string`, as validation messages print it: `map[string]string{"app":"web"}`. */
export function goMapString(m: Record<string, string> | undefined): string {
  if (!m || Object.keys(m).length === 0) return 'map[string]string(nil)';
  return `map[string]string{${Object.keys(m)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${JSON.stringify(m[k])}`)
    .join(', ')}}`;
}

/** Go's `%#v` of a `metav1.LabelSelector`, as validation prints it in `Invalid value: …` (`null` for none). */
export function goLabelSelector(sel: MetaLabelSelector | undefined): string {
  if (!sel) return 'null';
  const exprs = sel.matchExpressions?.length
    ? `[]v1.LabelSelectorRequirement{${sel.matchExpressions.map((r) => `v1.LabelSelectorRequirement{Key:${JSON.stringify(r.key)}, Operator:${JSON.stringify(r.operator)}, Values:${r.values?.length ? `[]string{${r.values.map((x) => JSON.stringify(x)).join(', ')}}` : '[]string(nil)'}}`).join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${goMapString(sel.matchLabels)}, MatchExpressions:${exprs}}`;
}
