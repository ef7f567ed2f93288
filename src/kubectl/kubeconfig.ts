import { parse } from 'yaml';
import { toYaml } from './printers/yaml-printer';
import { VirtualFs } from './shell/vfs';

/** `~/.kube/config`, kept in the player's VFS so `config set-context --current --namespace` survives snapshots. */
export const KUBECONFIG_PATH = '/root/.kube/config';
export const CONTEXT_NAME = 'kubernetes-admin@kubernetes';

interface KubeConfig {
  apiVersion: string;
  kind: string;
  clusters: Array<{ name: string; cluster: Record<string, unknown> }>;
  contexts: Array<{ name: string; context: { cluster: string; user: string; namespace?: string } }>;
  'current-context': string;
  preferences: Record<string, never>;
  users: Array<{ name: string; user: Record<string, unknown> }>;
}

export function defaultKubeconfig(): KubeConfig {
  return {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'kubernetes', cluster: { 'certificate-authority-data': 'DATA+OMITTED', server: 'https://172.18.0.2:6443' } }],
    contexts: [{ name: CONTEXT_NAME, context: { cluster: 'kubernetes', user: 'kubernetes-admin' } }],
    'current-context': CONTEXT_NAME,
    preferences: {},
    users: [{ name: 'kubernetes-admin', user: { 'client-certificate-data': 'DATA+OMITTED', 'client-key-data': 'DATA+OMITTED' } }],
  };
}

export function readKubeconfig(vfs: VirtualFs): KubeConfig {
  const text = vfs.read(KUBECONFIG_PATH);
  if (!text) return defaultKubeconfig();
  try {
    const cfg = parse(text) as KubeConfig;
    return cfg && Array.isArray(cfg.contexts) ? cfg : defaultKubeconfig();
  } catch {
    return defaultKubeconfig();
  }
}

export function writeKubeconfig(vfs: VirtualFs, cfg: KubeConfig): void {
  vfs.write(KUBECONFIG_PATH, toYaml(cfg));
}

export function currentContext(cfg: KubeConfig): KubeConfig['contexts'][number] | undefined {
  return cfg.contexts.find((c) => c.name === cfg['current-context']);
}

/** The last kubeconfig text read for its namespace (`undefined`: no file), and that namespace. */
let lastNamespace: { text: string | undefined; namespace: string } | undefined;

/** The namespace kubectl uses when `-n` is not given. Asked on every command: the YAML is parsed again only when its text changed. */
export function contextNamespace(vfs: VirtualFs): string {
  const text = vfs.read(KUBECONFIG_PATH) || undefined;
  if (lastNamespace && lastNamespace.text === text) return lastNamespace.namespace;
  const namespace = currentContext(readKubeconfig(vfs))?.context.namespace || 'default';
  lastNamespace = { text, namespace };
  return namespace;
}
