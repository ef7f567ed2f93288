import { ConfigMap } from '../api/types';
import { ageColumn, KindPrinter, nameColumn } from './column';

export const configMapPrinter: KindPrinter<ConfigMap> = {
  kind: 'ConfigMap',
  columns: [
    nameColumn(),
    {
      name: 'Data',
      type: 'string',
      format: '',
      description: 'Data contains the configuration data.',
      priority: 0,
      // printers.go counts data and binaryData together.
      cell: (cm) => Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length,
    },
    ageColumn(),
  ],
};
