import { Cluster } from '../../cluster-engine';
import { CheckPlugin, CheckResult } from './check';
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

/** Parsed parameters by check spec object: specs never change after load, so each is parsed once, not per evaluation. */
const parsedParams = new WeakMap<object, unknown>();

/** Evaluates a scenario's check spec (an objective's or guard rail's `check`, a hint state's `when`); load proved it parses. */
export function evaluateCheck(cluster: Cluster, spec: { type: string }): CheckResult {
  const plugin = CHECKS.get(spec.type)!;
  let params = parsedParams.get(spec);
  if (params === undefined) {
    params = plugin.parse(spec as never);
    parsedParams.set(spec, params);
  }
  return plugin.evaluate(cluster, params as never);
}
