import { LimitRange, PriorityClass, ResourceQuota } from '../api/types';
import { ageColumn, column, CREATION_DESCRIPTION, KindPrinter, nameColumn } from './column';
import { formatQuantity, quantityValue } from '../quota/usage';

/** printResourceQuota: `resource: used/hard`, sorted, `limits.*` in LIMIT and everything else in REQUEST. */
function quotaCells(q: ResourceQuota): { request: string; limit: string } {
  const request: string[] = [];
  const limit: string[] = [];
  for (const r of Object.keys(q.spec?.hard ?? {}).sort()) {
    const used = formatQuantity(r, quantityValue(r, q.status?.used?.[r]));
    const hard = formatQuantity(r, quantityValue(r, q.status?.hard?.[r]));
    (r.split('.').length > 1 && r.split('.')[0] === 'limits' ? limit : request).push(`${r}: ${used}/${hard}`);
  }
  return { request: request.join(', '), limit: limit.join(', ') };
}

export const resourceQuotaPrinter: KindPrinter<ResourceQuota> = {
  kind: 'ResourceQuota',
  columns: [
    nameColumn(),
    ageColumn(),
    column('Request', 'Request represents a minimum amount of cpu/memory that a container may consume.', (q) => quotaCells(q).request),
    column('Limit', 'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.', (q) => quotaCells(q).limit),
  ],
};

export const limitRangePrinter: KindPrinter<LimitRange> = {
  kind: 'LimitRange',
  columns: [nameColumn(), { name: 'Created At', type: 'date', format: '', description: CREATION_DESCRIPTION, priority: 0, cell: (o) => o.metadata.creationTimestamp ?? '' }],
};

export const priorityClassPrinter: KindPrinter<PriorityClass> = {
  kind: 'PriorityClass',
  columns: [
    nameColumn(),
    { name: 'Value', type: 'integer', format: '', description: 'The value of this priority class.', priority: 0, cell: (pc) => pc.value },
    { name: 'Global-Default', type: 'boolean', format: '', description: 'globalDefault specifies whether this PriorityClass should be considered as the default priority.', priority: 0, cell: (pc) => pc.globalDefault ?? false },
    ageColumn(),
    column('PreemptionPolicy', 'preemptionPolicy is the Policy for preempting pods with lower priority.', (pc) => pc.preemptionPolicy ?? ''),
  ],
};
