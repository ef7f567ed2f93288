import { Cluster, ClusterSpec, KubeObject } from '../../cluster-engine';
import { Shell } from '../shell/shell';
import { VirtualFs } from '../shell/vfs';

/** A pod manifest for tests. */
export function pod(name: string, image: string, extra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, ...((extra.metadata as object) ?? {}) }, spec: { containers: [{ name: 'app', image }], ...((extra.spec as object) ?? {}) } };
}

/** The images the test cluster's registry knows, with the behaviours the scenarios rely on. */
export const TEST_REGISTRY: ClusterSpec['registry'] = [
  { name: 'nginx', tags: { '1.27': { sizeBytes: 62_958_873 }, '1.28': { sizeBytes: 63_000_000 } } },
  { name: 'busybox', tags: { crash: { sizeBytes: 4_000_000, behaviour: { logs: [{ line: 'starting' }, { line: 'config missing, exiting' }], exit: { afterSeconds: 2, code: 1 } } } } },
];

/** Two nodes (a control plane and one worker) and a shell over them; `objects` are created at start. */
export function testShell(objects: KubeObject[] = [], seed = 7): { cluster: Cluster; shell: Shell; vfs: VirtualFs; run: (line: string) => ReturnType<Shell['run']> } {
  const cluster = Cluster.create({ nodes: [{ name: 'control-plane', role: 'control-plane' }, { name: 'worker-1' }], registry: TEST_REGISTRY, objects }, seed);
  const vfs = new VirtualFs();
  const shell = new Shell(cluster, vfs);
  return { cluster, shell, vfs, run: (line) => shell.run(line) };
}
