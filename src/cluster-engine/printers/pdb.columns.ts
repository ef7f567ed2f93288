import { PodDisruptionBudget } from '../api/types';
import { ageColumn, column, KindPrinter, nameColumn } from './column';

const intOrString = (v: number | string | undefined) => (v === undefined || v === null ? 'N/A' : String(v));

/** printPodDisruptionBudget: `N/A` for the bound that is not set. */
export const podDisruptionBudgetPrinter: KindPrinter<PodDisruptionBudget> = {
  kind: 'PodDisruptionBudget',
  columns: [
    nameColumn(),
    column('Min Available', 'The minimum number of pods that must be available.', (p) => intOrString(p.spec?.minAvailable)),
    column('Max Unavailable', 'The maximum number of pods that may be unavailable.', (p) => intOrString(p.spec?.maxUnavailable)),
    { name: 'Allowed Disruptions', type: 'integer', format: '', description: 'Calculated number of pods that may be disrupted at this time.', priority: 0, cell: (p) => p.status?.disruptionsAllowed ?? 0 },
    ageColumn(),
  ],
};
