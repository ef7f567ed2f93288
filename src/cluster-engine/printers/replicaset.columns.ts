import { ReplicaSet } from '../api/types';
import { ageColumn, column, ColumnSpec, KindPrinter, nameColumn } from './column';
import { selectorCell, templateContainers, templateImages } from './deployment.columns';

const int = (name: string, description: string, cell: ColumnSpec<ReplicaSet>['cell']): ColumnSpec<ReplicaSet> => ({ name, type: 'integer', format: '', description, priority: 0, cell });

export const replicaSetPrinter: KindPrinter<ReplicaSet> = {
  kind: 'ReplicaSet',
  columns: [
    nameColumn(),
    int('Desired', 'Replicas is the number of desired pods. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/#replicaset', (rs) => rs.spec?.replicas ?? 0),
    int('Current', 'Replicas is the most recently observed number of non-terminating pods. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/#replicaset', (rs) => rs.status?.replicas ?? 0),
    int('Ready', 'The number of non-terminating pods targeted by this ReplicaSet with a Ready Condition.', (rs) => rs.status?.readyReplicas ?? 0),
    ageColumn(),
    column('Containers', 'Names of each container in the template.', (rs) => templateContainers(rs.spec?.template), 1),
    column('Images', 'Images referenced by each container in the template.', (rs) => templateImages(rs.spec?.template), 1),
    column('Selector', "Selector is a label query over pods that should match the replica count. Label keys and values that must match in order to be controlled by this replica set. It must match the pod template's labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors", (rs) => selectorCell(rs.spec?.selector), 1),
  ],
};
