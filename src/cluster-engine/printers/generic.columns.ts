import { KubeObject } from '../api/types';
import { CREATION_DESCRIPTION, KindPrinter, nameColumn } from './column';

/** The API server's default table convertor, used for kinds without a printer: NAME and CREATED AT (RFC 3339). */
export function genericPrinter(kind: string): KindPrinter {
  return {
    kind,
    columns: [
      nameColumn(),
      { name: 'Created At', type: 'date', format: '', description: CREATION_DESCRIPTION, priority: 0, cell: (o: KubeObject) => o.metadata.creationTimestamp ?? '' },
    ],
  };
}
