import { Cluster } from '../../cluster-engine';

export interface CheckResult {
  met: boolean;
  /** Why not, in words a learner understands; absent when met. */
  whyNot?: string;
}

/** A read-only predicate on cluster state (an objective or a guard rail). One file and one registry entry each. */
export interface CheckPlugin<P = Record<string, unknown>> {
  readonly type: string;
  /** Validates and normalises the scenario's parameters; returns an error message or the parameters. */
  parse(params: Record<string, unknown>): P | string;
  evaluate(cluster: Cluster, params: P): CheckResult;
}

export function stringParam(params: Record<string, unknown>, name: string, fallback?: string): string | undefined {
  const v = params[name] ?? fallback;
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}
