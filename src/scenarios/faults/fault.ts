import { Cluster } from '../../cluster-engine';

/** A fault injected while the cluster warms up; it acts only through the engine's public API. One file each. */
export interface FaultPlugin<P = Record<string, unknown>> {
  readonly type: string;
  parse(params: Record<string, unknown>): P | string;
  apply(cluster: Cluster, params: P): void;
}
