import { CheckPlugin } from './check';
import { podReadyCheck } from './pod-ready.check';
import { nodeReadyCheck } from './node-ready.check';
import { podHasProbeCheck } from './pod-has-probe.check';
import { podRequestAtLeastCheck } from './pod-request-at-least.check';
import { nodeCordonedCheck } from './node-cordoned.check';
import { deploymentAvailableCheck } from './deployment-available.check';
import { serviceHasEndpointsCheck } from './service-has-endpoints.check';
import { pvcBoundCheck } from './pvc-bound.check';
import { jobCompleteCheck } from './job-complete.check';
import { objectExistsCheck } from './object-exists.check';
import { objectAbsentCheck } from './object-absent.check';
import { jsonpathCheck } from './jsonpath.check';
import { workloadResourceAtLeastCheck } from './workload-resource-at-least.check';
import { serviceReachableCheck } from './service-reachable.check';
import { replicasAtLeastCheck } from './replicas-at-least.check';

/** Every check a scenario can name, by type. */
export const CHECKS: ReadonlyMap<string, CheckPlugin<never>> = new Map(
  ([podReadyCheck, nodeReadyCheck, nodeCordonedCheck, podHasProbeCheck, podRequestAtLeastCheck, deploymentAvailableCheck, serviceHasEndpointsCheck,
    pvcBoundCheck, jobCompleteCheck, objectExistsCheck, objectAbsentCheck, jsonpathCheck, workloadResourceAtLeastCheck,
    serviceReachableCheck, replicasAtLeastCheck] as CheckPlugin<never>[]).map((c) => [c.type, c]),
);
