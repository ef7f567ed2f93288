import { Lease } from '../api/types';
import { ageColumn, column, KindPrinter, nameColumn } from './column';

export const leasePrinter: KindPrinter<Lease> = {
  kind: 'Lease',
  columns: [
    nameColumn(),
    column('Holder', 'holderIdentity contains the identity of the holder of a current lease.', (l) => l.spec?.holderIdentity ?? ''),
    ageColumn(),
  ],
};
