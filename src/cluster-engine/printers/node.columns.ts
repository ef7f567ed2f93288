import { Node } from '../api/types';
import { ageColumn, column, KindPrinter, nameColumn } from './column';

const ROLE_PREFIX = 'node-role.kubernetes.io/';
const ROLE_LABEL = 'kubernetes.io/role';

/** `findNodeRoles`: role labels, sorted and de-duplicated. */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX)) {
      const role = k.slice(ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === ROLE_LABEL && v) roles.add(v);
  }
  return [...roles].sort();
}

/** Only the Ready condition counts: True → Ready, False or Unknown → NotReady, absent → Unknown. */
export function nodeStatus(node: Node): string {
  const ready = (node.status?.conditions ?? []).find((c) => c.type === 'Ready');
  const parts = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (node.spec?.unschedulable) parts.push('SchedulingDisabled');
  return parts.join(',');
}

function address(node: Node, type: string): string {
  return (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? '<none>';
}

const orUnknown = (s: string | undefined): string => s || '<unknown>';
const ADDRESSES = 'List of addresses reachable to the node. Queried from cloud provider, if available.';

export const nodePrinter: KindPrinter<Node> = {
  kind: 'Node',
  columns: [
    nameColumn(),
    column('Status', 'The status of the node', nodeStatus),
    column('Roles', 'The roles of the node', (n) => nodeRoles(n).join(',') || '<none>'),
    ageColumn(),
    column('Version', 'Kubelet Version reported by the node.', (n) => n.status?.nodeInfo?.kubeletVersion ?? ''),
    column('Internal-IP', ADDRESSES, (n) => address(n, 'InternalIP'), 1),
    column('External-IP', ADDRESSES, (n) => address(n, 'ExternalIP'), 1),
    column('OS-Image', 'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).', (n) => orUnknown(n.status?.nodeInfo?.osImage), 1),
    column('Kernel-Version', "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", (n) => orUnknown(n.status?.nodeInfo?.kernelVersion), 1),
    column('Container-Runtime', 'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).', (n) => orUnknown(n.status?.nodeInfo?.containerRuntimeVersion), 1),
  ],
};
