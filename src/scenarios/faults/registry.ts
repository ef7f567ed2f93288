import { FaultPlugin } from './fault';
import { stopKubeletFault } from './stop-kubelet.fault';
import { editNodeFileFault } from './edit-node-file.fault';
import { restartKubeletFault } from './restart-kubelet.fault';
import { applyManifestFault } from './apply-manifest.fault';

/** Every fault a scenario can name, by type. */
export const FAULTS: ReadonlyMap<string, FaultPlugin<never>> = new Map(([stopKubeletFault, restartKubeletFault, editNodeFileFault, applyManifestFault] as FaultPlugin<never>[]).map((f) => [f.type, f]));
