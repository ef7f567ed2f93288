import { digestOf } from '../runtime/registry';
import { KubeletState } from './state';

/** A container as the node's runtime (`crictl`) lists it. */
export interface RuntimeContainer {
  id: string;
  imageId: string;
  createdMs: number;
  state: 'Running' | 'Exited';
  name: string;
  attempt: number;
  podId: string;
  podName: string;
  namespace: string;
  logs: string;
}

export interface RuntimeImage {
  repository: string;
  tag: string;
  id: string;
  sizeBytes: number;
}

/** The containers a kubelet's runtime holds: each current instance and the last exited one. */
export function runtimeContainers(k: KubeletState, nowMs: number): RuntimeContainer[] {
  const out: RuntimeContainer[] = [];
  for (const pod of Object.values(k.pods)) {
    const podId = digestOf(pod.uid);
    for (const c of Object.values(pod.containers)) {
      const base = { name: c.name, podId, podName: pod.name, namespace: pod.namespace, imageId: (c.imageID ?? '').replace(/^.*sha256:/, '') };
      if (c.lastTerminated?.containerID) {
        out.push({
          ...base,
          id: c.lastTerminated.containerID.replace('containerd://', ''),
          createdMs: Date.parse(c.lastTerminated.startedAt ?? ''),
          state: 'Exited',
          attempt: Math.max(0, c.restartCount - 1),
          logs: (c.previousLogs ?? []).map((l) => `${l.line}\n`).join(''),
        });
      }
      if (c.containerID && (c.phase === 'running' || c.phase === 'exited')) {
        out.push({
          ...base,
          id: c.containerID.replace('containerd://', ''),
          createdMs: c.startedMs ?? nowMs,
          state: c.phase === 'running' ? 'Running' : 'Exited',
          attempt: c.restartCount,
          logs: c.logs.filter((l) => l.ms <= nowMs).map((l) => `${l.line}\n`).join(''),
        });
      }
    }
  }
  return out.sort((a, b) => b.createdMs - a.createdMs);
}

export function runtimeImages(k: KubeletState): RuntimeImage[] {
  return Object.entries(k.images)
    .map(([canonical, info]) => {
      const at = canonical.lastIndexOf(':');
      return { repository: canonical.slice(0, at), tag: canonical.slice(at + 1), id: info.digest.replace('sha256:', ''), sizeBytes: info.sizeBytes };
    })
    .sort((a, b) => (a.repository < b.repository ? -1 : 1));
}
