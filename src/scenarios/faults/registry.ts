import { FaultPlugin } from './fault';
import { stopKubeletFault } from './stop-kubelet.fault';
import { editNodeFileFault } from './edit-node-file.fault';
import { restartKubeletFault } from './restart-kubelet.fault';
import { applyManifestFault } from './apply-manifest.fault';
import { moveNodeFileFault } from './move-node-file.fault';
import { fillDiskFault } from './fill-disk.fault';
import { exhaustMemoryFault } from './exhaust-memory.fault';

/** Every fault a scenario can name, by type. */
export const FAULTS: ReadonlyMap<string, FaultPlugin<never>> = new Map(([stopKubeletFault, restartKubeletFault, editNodeFileFault, applyManifestFault, moveNodeFileFault, fillDiskFault, exhaustMemoryFault] as FaultPlugin<never>[]).map((f) => [f.type, f]));
