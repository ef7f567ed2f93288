import { FaultPlugin } from './fault';
import { stopKubeletFault } from './stop-kubelet.fault';

/** Every fault a scenario can name, by type. */
export const FAULTS: ReadonlyMap<string, FaultPlugin<never>> = new Map(([stopKubeletFault] as FaultPlugin<never>[]).map((f) => [f.type, f]));
