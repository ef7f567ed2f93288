import { parse } from 'yaml';
import { KUBELET_CONFIG } from '../control-plane/manifests';
import { parseGoDuration } from '../api/go-duration';

export interface KubeletConfig {
  staticPodPath: string;
  maxPods: number;
  clusterDNS: string[];
  /** Hard eviction thresholds by signal (`memory.available: 100Mi`, `nodefs.available: 10%`). */
  evictionHard?: Record<string, string>;
  /** How long a pressure condition stays True after its threshold was last met. */
  evictionPressureTransitionMs?: number;
}

/** The kubelet's default hard eviction thresholds on Linux (used when the config sets none). */
export const DEFAULT_EVICTION_HARD: Record<string, string> = { 'memory.available': '100Mi', 'nodefs.available': '10%', 'nodefs.inodesFree': '5%', 'imagefs.available': '15%' };
export const DEFAULT_PRESSURE_TRANSITION_MS = 5 * 60_000;

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
  const hard = cfg.evictionHard;
  if (hard !== undefined && (goType(hard) !== 'object' || !Object.values(hard as object).every((v) => typeof v === 'string'))) return wrong('evictionHard', 'map[string]string');
  const transition = cfg.evictionPressureTransitionPeriod;
  if (transition !== undefined && typeof transition !== 'string') return wrong('evictionPressureTransitionPeriod', 'v1.Duration');
  const transitionMs = typeof transition === 'string' ? parseGoDuration(transition) : undefined;
  if (typeof transition === 'string' && transitionMs === undefined) return { ok: false, error: `${PREFIX} failed to decode: time: invalid duration "${transition}"` };
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
      ...(hard !== undefined ? { evictionHard: hard as Record<string, string> } : {}),
      // 0s in the file (as kubeadm writes it) means the default.
      ...(transitionMs ? { evictionPressureTransitionMs: transitionMs } : {}),
    },
  };
}
