import { MutatingPlugin, ValidatingPlugin } from './admission';
import { namespaceLifecyclePlugin } from './namespace-lifecycle.plugin';
import { serviceAccountPlugin } from './service-account.plugin';
import { defaultTolerationSecondsPlugin } from './default-toleration-seconds.plugin';
import { priorityPlugin } from './priority.plugin';
import { serviceAllocationPlugin } from './service-allocation.plugin';
import { limitRangerMutatingPlugin, limitRangerValidatingPlugin } from './limit-ranger.plugin';
import { defaultStorageClassPlugin, storageObjectInUseProtectionPlugin } from './default-storage-class.plugin';
import { resourceQuotaPlugin } from './resource-quota.plugin';

/** The admission chain, in the API server's order: every mutating plug-in, then every validating one. */
export const MUTATING_PLUGINS: readonly MutatingPlugin[] = [limitRangerMutatingPlugin, serviceAccountPlugin, priorityPlugin, defaultTolerationSecondsPlugin, defaultStorageClassPlugin, storageObjectInUseProtectionPlugin, serviceAllocationPlugin];
export const VALIDATING_PLUGINS: readonly ValidatingPlugin[] = [namespaceLifecyclePlugin, limitRangerValidatingPlugin, resourceQuotaPlugin];
