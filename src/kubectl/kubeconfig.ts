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

/** The namespace kubectl uses when `-n` is not given. */
export function contextNamespace(vfs: VirtualFs): string {
  return currentContext(readKubeconfig(vfs))?.context.namespace || 'default';
}
