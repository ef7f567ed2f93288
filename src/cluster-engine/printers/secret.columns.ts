import { Secret } from '../api/types';
import { ageColumn, column, KindPrinter, nameColumn } from './column';

export const secretPrinter: KindPrinter<Secret> = {
  kind: 'Secret',
  columns: [
    nameColumn(),
    column('Type', 'Used to facilitate programmatic handling of secret data.', (s) => s.type ?? ''),
    { name: 'Data', type: 'string', format: '', description: 'Data contains the secret data.', priority: 0, cell: (s) => Object.keys(s.data ?? {}).length },
    ageColumn(),
  ],
};
