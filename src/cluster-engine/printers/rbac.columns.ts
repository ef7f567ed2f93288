import { ClusterRoleBinding, RoleBinding, Subject } from '../api/rbac.types';
import { ageColumn, column, KindPrinter, nameColumn } from './column';

const names = (subjects: Subject[] | undefined, kind: Subject['kind']) =>
  (subjects ?? [])
    .filter((s) => s.kind === kind)
    .map((s) => (kind === 'ServiceAccount' ? `${s.namespace ?? ''}/${s.name}` : s.name))
    .join(', ');

/** printRoleBinding / printClusterRoleBinding: ROLE is `Kind/name`; subjects only with -o wide. */
function bindingPrinter<T extends RoleBinding | ClusterRoleBinding>(kind: T['kind']): KindPrinter<T> {
  return {
    kind,
    columns: [
      nameColumn(),
      column('Role', 'Role is the Role or ClusterRole referenced by the binding.', (b) => `${b.roleRef?.kind ?? ''}/${b.roleRef?.name ?? ''}`),
      ageColumn(),
      column('Users', 'Users in the binding.', (b) => names(b.subjects, 'User'), 1),
      column('Groups', 'Groups in the binding.', (b) => names(b.subjects, 'Group'), 1),
      column('ServiceAccounts', 'ServiceAccounts in the binding.', (b) => names(b.subjects, 'ServiceAccount'), 1),
    ],
  };
}

export const roleBindingPrinter = bindingPrinter<RoleBinding>('RoleBinding');
export const clusterRoleBindingPrinter = bindingPrinter<ClusterRoleBinding>('ClusterRoleBinding');
