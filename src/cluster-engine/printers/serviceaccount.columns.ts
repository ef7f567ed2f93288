import { ServiceAccount } from '../api/types';
import { ageColumn, KindPrinter, nameColumn } from './column';

export const serviceAccountPrinter: KindPrinter<ServiceAccount> = {
  kind: 'ServiceAccount',
  columns: [
    nameColumn(),
    { name: 'Secrets', type: 'string', format: '', description: 'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.', priority: 0, cell: (sa) => (sa.secrets ?? []).length },
    ageColumn(),
  ],
};
