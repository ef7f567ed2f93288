import { PolicyRule } from '../../cluster-engine';

/** The verbs kubectl knows for non-resource URLs (auth can-i's nonResourceURLVerbs, create role's validNonResourceVerbs). */
export const NON_RESOURCE_URL_VERBS: readonly string[] = ['get', 'put', 'post', 'head', 'options', 'delete', 'patch', '*'];

/** Go's %v of a []string. */
export const goList = (l: string[] | undefined) => `[${(l ?? []).join(' ')}]`;

/** The columns of a broken-down rule, as `describe role` and `auth can-i --list` print them. */
export const RULE_HEADER = 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n';

/** One broken-down rule under RULE_HEADER (tab-separated, newline-terminated). */
export function ruleRow(r: PolicyRule): string {
  return `${resourceGroup(r)}\t${goList(r.nonResourceURLs)}\t${goList(r.resourceNames)}\t${goList(r.verbs)}\n`;
}

/** describe.CombineResourceGroup for a broken-down rule (one resource, one group). */
function resourceGroup(r: PolicyRule): string {
  if (!r.resources?.length) return '';
  const [res, sub] = r.resources[0].split(/\/(.*)/s);
  let out = res;
  if (r.apiGroups?.length && r.apiGroups[0] !== '') out += `.${r.apiGroups[0]}`;
  return sub !== undefined ? `${out}/${sub}` : out;
}

/** rbacutil.BreakdownRule, CompactRules and SortableRuleSlice: one line per resource, verbs merged, ordered as kubectl orders them. */
export function compactRules(rules: PolicyRule[]): PolicyRule[] {
  const broken: PolicyRule[] = [];
  for (const r of rules) {
    for (const g of r.apiGroups ?? []) {
      for (const res of r.resources ?? []) {
        if (r.resourceNames?.length) for (const n of r.resourceNames) broken.push({ verbs: [...r.verbs], apiGroups: [g], resources: [res], resourceNames: [n] });
        else broken.push({ verbs: [...r.verbs], apiGroups: [g], resources: [res] });
      }
    }
    for (const u of r.nonResourceURLs ?? []) broken.push({ verbs: [...r.verbs], nonResourceURLs: [u] });
  }
  const simple = new Map<string, PolicyRule>();
  const other: PolicyRule[] = [];
  for (const r of broken) {
    if (r.nonResourceURLs) {
      other.push(r);
      continue;
    }
    const key = `${r.apiGroups![0]}\n${r.resources![0]}\n${r.resourceNames?.[0] ?? '\0'}`;
    const existing = simple.get(key);
    if (!existing) simple.set(key, r);
    else for (const v of r.verbs) if (!existing.verbs.includes(v)) existing.verbs.push(v);
  }
  // PolicyRule.String(): &PolicyRule{Verbs:[…],APIGroups:[…],Resources:[…],ResourceNames:[…],NonResourceURLs:[…],}
  const str = (r: PolicyRule) => `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`;
  const all = [...simple.values(), ...other];
  return all.map((r) => ({ r, s: str(r) })).sort((a, b) => (a.s < b.s ? -1 : a.s > b.s ? 1 : 0)).map((x) => x.r);
}

