import { Cluster, ClusterRole, ClusterRoleBinding, Role, RoleBinding } from '../../cluster-engine';
import { compactRules, RULE_HEADER, ruleRow } from '../rbac/rules';
import { printAnnotationsMultiline, printLabelsMultiline } from './format';
import { LEVEL_0, LEVEL_1, PrefixWriter } from './prefix-writer';

/** RoleDescriber / ClusterRoleDescriber: the rules broken down per resource, as `kubectl auth can-i --list` shows them. */
export function describeRole(_cluster: Cluster, role: Role | ClusterRole): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${role.metadata.name}\n`);
  printLabelsMultiline(w, 'Labels', role.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', role.metadata.annotations);
  w.write(LEVEL_0, 'PolicyRule:\n');
  w.write(LEVEL_1, RULE_HEADER);
  w.write(LEVEL_1, '---------\t-----------------\t--------------\t-----\n');
  for (const r of compactRules(role.rules ?? [])) w.write(LEVEL_1, ruleRow(r));
  return w.toString();
}

/** RoleBindingDescriber / ClusterRoleBindingDescriber. */
export function describeBinding(_cluster: Cluster, b: RoleBinding | ClusterRoleBinding): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${b.metadata.name}\n`);
  printLabelsMultiline(w, 'Labels', b.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', b.metadata.annotations);
  w.write(LEVEL_0, 'Role:\n');
  w.write(LEVEL_1, `Kind:\t${b.roleRef?.kind ?? ''}\n`);
  w.write(LEVEL_1, `Name:\t${b.roleRef?.name ?? ''}\n`);
  w.write(LEVEL_0, 'Subjects:\n');
  w.write(LEVEL_1, 'Kind\tName\tNamespace\n');
  w.write(LEVEL_1, '----\t----\t---------\n');
  for (const s of b.subjects ?? []) w.write(LEVEL_1, `${s.kind}\t${s.name}\t${s.namespace ?? ''}\n`);
  return w.toString();
}
