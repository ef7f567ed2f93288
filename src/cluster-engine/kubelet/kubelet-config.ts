import { parse } from 'yaml';
import { KUBELET_CONFIG } from '../control-plane/manifests';

export interface KubeletConfig {
  staticPodPath: string;
  maxPods: number;
  clusterDNS: string[];
}

export type KubeletConfigResult = { ok: true; config: KubeletConfig } | { ok: false; error: string };

const PREFIX = `failed to load kubelet config file, path: ${KUBELET_CONFIG}, error: failed to load Kubelet config file ${KUBELET_CONFIG}, error`;

function goType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'object' : typeof v === 'boolean' ? 'bool' : typeof v;
}

/** Reads `/var/lib/kubelet/config.yaml` as the kubelet does at start; a bad file fails the start with its message. */
export function loadKubeletConfig(files: Record<string, string>): KubeletConfigResult {
  const text = files[KUBELET_CONFIG];
  if (text === undefined) return { ok: false, error: `${PREFIX}: open ${KUBELET_CONFIG}: no such file or directory` };
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    const m = (e as Error).message.split('\n')[0];
    const line = m.match(/at line (\d+)/)?.[1] ?? '1';
    return { ok: false, error: `${PREFIX} failed to decode: yaml: line ${line}: ${m.replace(/ at line \d+, column \d+:?$/, '').toLowerCase()}` };
  }
  const cfg = (doc ?? {}) as Record<string, unknown>;
  const wrong = (field: string, goTypeName: string) =>
    ({ ok: false, error: `${PREFIX} failed to decode: json: cannot unmarshal ${goType(cfg[field])} into Go struct field KubeletConfiguration.${field} of type ${goTypeName}` }) as const;
  if (cfg.maxPods !== undefined && !Number.isInteger(cfg.maxPods)) return wrong('maxPods', 'int32');
  if (cfg.staticPodPath !== undefined && typeof cfg.staticPodPath !== 'string') return wrong('staticPodPath', 'string');
  if (cfg.clusterDNS !== undefined && !(Array.isArray(cfg.clusterDNS) && cfg.clusterDNS.every((x) => typeof x === 'string'))) return wrong('clusterDNS', '[]string');
  if (cfg.kind !== undefined && cfg.kind !== 'KubeletConfiguration') return { ok: false, error: `${PREFIX} failed to decode: no kind "${String(cfg.kind)}" is registered for version "${String(cfg.apiVersion)}" in scheme "pkg/kubelet/apis/config/scheme/scheme.go:33"` };
  // UnsecuredDependencies → InitializeTLS reads the client CA bundle before anything else starts.
  const clientCA = ((cfg.authentication as { x509?: { clientCAFile?: unknown } } | undefined)?.x509?.clientCAFile ?? '') as unknown;
  if (typeof clientCA === 'string' && clientCA && !(clientCA in files)) {
    return { ok: false, error: `failed to construct kubelet dependencies: unable to load client CA file ${clientCA}: open ${clientCA}: no such file or directory` };
  }
  return {
    ok: true,
    config: {
      staticPodPath: (cfg.staticPodPath as string | undefined) ?? '',
      maxPods: (cfg.maxPods as number | undefined) ?? 110,
      clusterDNS: (cfg.clusterDNS as string[] | undefined) ?? [],
    },
  };
}
