import { Deployment, MetaLabelSelector, PodTemplateSpec } from '../api/types';
import { formatMetaSelector } from '../api/label-selector';
import { ageColumn, column, ColumnSpec, KindPrinter, nameColumn } from './column';

/** `layoutContainerCells`: container names and images, comma-joined. */
export function templateContainers(t: PodTemplateSpec | undefined): string {
  return (t?.spec?.containers ?? []).map((c) => c.name).join(',');
}
export function templateImages(t: PodTemplateSpec | undefined): string {
  return (t?.spec?.containers ?? []).map((c) => c.image).join(',');
}
/** `metav1.LabelSelectorAsSelector(...).String()`: empty for an empty selector. */
export function selectorCell(sel: MetaLabelSelector | undefined): string {
  const s = formatMetaSelector(sel);
  return s === '<none>' ? '' : s;
}

const int = <T extends Deployment>(name: string, description: string, cell: ColumnSpec<T>['cell']): ColumnSpec<T> => ({ name, type: 'integer', format: '', description, priority: 0, cell });

export const deploymentPrinter: KindPrinter<Deployment> = {
  kind: 'Deployment',
  columns: [
    nameColumn(),
    column('Ready', 'Number of the pod with ready state', (d) => `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}`),
    int('Up-to-date', 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.', (d) => d.status?.updatedReplicas ?? 0),
    int('Available', 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.', (d) => d.status?.availableReplicas ?? 0),
    ageColumn(),
    column('Containers', 'Names of each container in the template.', (d) => templateContainers(d.spec?.template), 1),
    column('Images', 'Images referenced by each container in the template.', (d) => templateImages(d.spec?.template), 1),
    column('Selector', "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment. It must match the pod template's labels.", (d) => selectorCell(d.spec?.selector), 1),
  ],
};
