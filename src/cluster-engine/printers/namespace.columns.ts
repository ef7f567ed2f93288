import { Namespace } from '../api/types';
import { ageColumn, column, KindPrinter, nameColumn } from './column';

export const namespacePrinter: KindPrinter<Namespace> = {
  kind: 'Namespace',
  columns: [nameColumn(), column('Status', 'The status of the namespace', (ns) => ns.status?.phase ?? ''), ageColumn()],
};
