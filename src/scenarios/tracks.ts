/** A learning track: scenarios on one theme, listed in this order in the catalogue. */
export interface Track {
  id: string;
  title: string;
  summary: string;
}

/** Every track a scenario may name (`track:`), in catalogue order. */
export const TRACKS: readonly Track[] = [
  { id: 'pods-never-start', title: 'Pods that never start', summary: 'Pending and ContainerCreating: scheduling filters, image pulls, and configuration the kubelet cannot find.' },
  { id: 'crashing-containers', title: 'Crashing containers', summary: 'Crash loops, OOM kills, liveness and startup probes, and init containers that never finish.' },
  { id: 'networking', title: 'Networking and Services', summary: 'Selectors, endpoints, ports, readiness and DNS: why traffic does not arrive.' },
  { id: 'nodes', title: 'Nodes', summary: 'The kubelet, node conditions, cordons, taints and evictions.' },
  { id: 'control-plane', title: 'Control plane', summary: 'The API server, scheduler, controller manager and etcd as kubeadm static pods.' },
  { id: 'rollouts', title: 'Rollouts', summary: 'Deployments, ReplicaSets, rolling updates, progress deadlines and rollbacks.' },
  { id: 'storage', title: 'Storage', summary: 'PersistentVolumeClaims, PersistentVolumes, StorageClasses and volume mounts.' },
  { id: 'policy-quota', title: 'Policy and quota', summary: 'ResourceQuotas, LimitRanges and admission: why the API server refuses a pod.' },
  { id: 'cka', title: 'CKA-style exam', summary: 'Timed, mixed clusters with more than one fault, in the style of the CKA exam.' },
];

export const TRACK_IDS: readonly string[] = TRACKS.map((t) => t.id);

export function trackTitle(id: string): string | undefined {
  return TRACKS.find((t) => t.id === id)?.title;
}
