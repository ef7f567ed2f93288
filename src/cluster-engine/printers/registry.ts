import { KubeObject } from '../api/types';
import { KindPrinter } from './column';
import { podPrinter } from './pod.columns';
import { nodePrinter } from './node.columns';
import { eventPrinter } from './event.columns';
import { namespacePrinter } from './namespace.columns';
import { configMapPrinter } from './configmap.columns';
import { secretPrinter } from './secret.columns';
import { leasePrinter } from './lease.columns';
import { genericPrinter } from './generic.columns';
import { deploymentPrinter } from './deployment.columns';
import { replicaSetPrinter } from './replicaset.columns';
import { servicePrinter } from './service.columns';
import { endpointSlicePrinter, endpointsPrinter } from './endpoints.columns';
import { serviceAccountPrinter } from './serviceaccount.columns';
import { persistentVolumeClaimPrinter, persistentVolumePrinter, storageClassPrinter } from './storage.columns';
import { jobPrinter } from './job.columns';
import { clusterRoleBindingPrinter, roleBindingPrinter } from './rbac.columns';
import { podDisruptionBudgetPrinter } from './pdb.columns';
import { limitRangePrinter, priorityClassPrinter, resourceQuotaPrinter } from './policy.columns';

/** Every kind with its own columns; anything else falls back to the default NAME / CREATED AT table. */
export const PRINTERS: ReadonlyArray<KindPrinter> = [
  podPrinter,
  nodePrinter,
  eventPrinter,
  namespacePrinter,
  configMapPrinter,
  secretPrinter,
  leasePrinter,
  deploymentPrinter,
  replicaSetPrinter,
  persistentVolumePrinter,
  persistentVolumeClaimPrinter,
  storageClassPrinter,
  jobPrinter,
  resourceQuotaPrinter,
  limitRangePrinter,
  priorityClassPrinter,
  servicePrinter,
  endpointsPrinter,
  endpointSlicePrinter,
  serviceAccountPrinter,
  roleBindingPrinter,
  clusterRoleBindingPrinter,
  podDisruptionBudgetPrinter,
] as unknown as ReadonlyArray<KindPrinter>;

const byKind = new Map(PRINTERS.map((p) => [p.kind, p]));

export function printerFor(kind: string): KindPrinter<KubeObject> {
  return byKind.get(kind) ?? genericPrinter(kind);
}
