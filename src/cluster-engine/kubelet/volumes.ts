import { ConfigMap, Container, Pod, Secret } from '../api/types';
import { ApiServer } from '../apiserver/apiserver';
import { EngineContext } from '../context';
import { CLUSTER_DNS_IP, CLUSTER_DOMAIN } from '../services/kubernetes-service';
import { PodRecord } from './state';

/** The volume manager's retry back-off (nestedpendingoperations): 500 ms doubling up to 2m2s. */
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 122_000;

type Volume = NonNullable<Pod['spec']['volumes']>[number];
interface KeyToPath {
  key: string;
  path: string;
}
interface ConfigMapSource {
  name?: string;
  items?: KeyToPath[];
  optional?: boolean;
}
interface SecretSource {
  secretName?: string;
  items?: KeyToPath[];
  optional?: boolean;
}
interface ProjectedSource {
  configMap?: ConfigMapSource;
  secret?: { name?: string; items?: KeyToPath[]; optional?: boolean };
  serviceAccountToken?: { path: string };
  downwardAPI?: { items?: Array<{ path: string; fieldRef?: { fieldPath: string } }> };
}

/** Why a volume cannot be set up (`MountVolume.SetUp failed for volume "x" : <why>`), or undefined. */
function setUpError(api: ApiServer, ns: string, v: Volume): string | undefined {
  const cm = v.configMap as ConfigMapSource | undefined;
  if (cm) return !cm.optional && !api.tryGet('ConfigMap', ns, cm.name ?? '') ? `configmap "${cm.name ?? ''}" not found` : undefined;
  const secret = v.secret as SecretSource | undefined;
  if (secret) return !secret.optional && !api.tryGet('Secret', ns, secret.secretName ?? '') ? `secret "${secret.secretName ?? ''}" not found` : undefined;
  const projected = v.projected as { sources?: ProjectedSource[] } | undefined;
  for (const s of Array.isArray(projected?.sources) ? projected!.sources : []) {
    if (!s || typeof s !== 'object') continue;
    if (s.configMap && !s.configMap.optional && !api.tryGet('ConfigMap', ns, s.configMap.name ?? '')) return `configmap "${s.configMap.name ?? ''}" not found`;
    if (s.secret && !s.secret.optional && !api.tryGet('Secret', ns, s.secret.name ?? '')) return `secret "${s.secret.name ?? ''}" not found`;
  }
  return undefined;
}

/**
 * `WaitForAttachAndMount` for the volumes the kubelet sets up itself (configMap, secret, projected,
 * emptyDir): a missing ConfigMap or Secret keeps the pod in ContainerCreating, with a Warning FailedMount
 * per failed attempt, retried with the volume manager's back-off. Once mounted, a volume stays mounted.
 * Returns whether every such volume is set up.
 */
export function configVolumesReady(ctx: EngineContext, pod: Pod, rec: PodRecord, host: string): boolean {
  if (rec.volumes?.mounted) return true;
  const now = ctx.clock.nowMs();
  const state = (rec.volumes ??= { mounted: false, failures: 0, nextRetryMs: now });
  if (now < state.nextRetryMs) {
    rec.nextSyncMs = Math.min(rec.nextSyncMs, state.nextRetryMs);
    return false;
  }
  const ns = pod.metadata.namespace ?? 'default';
  const volumes = Array.isArray(pod.spec.volumes) ? pod.spec.volumes.filter((v) => v && typeof v === 'object') : [];
  const failed = volumes.map((v) => ({ v, why: setUpError(ctx.api, ns, v) })).filter((x) => x.why);
  if (failed.length === 0) {
    state.mounted = true;
    return true;
  }
  for (const { v, why } of failed) {
    ctx.events.record({ object: pod, type: 'Warning', reason: 'FailedMount', message: `MountVolume.SetUp failed for volume "${v.name}" : ${why}`, source: { component: 'kubelet', host } });
  }
  const delay = Math.min(FIRST_RETRY_MS * 2 ** state.failures, MAX_RETRY_MS);
  state.failures++;
  state.nextRetryMs = now + Math.max(1000, Math.ceil(delay / 1000) * 1000);
  rec.nextSyncMs = Math.min(rec.nextSyncMs, state.nextRetryMs);
  return false;
}

/** Whether the kubelet has not (yet) been able to mount the pod's volumes (then it has no sandbox either). */
export function volumesPending(rec: PodRecord): boolean {
  return rec.volumes !== undefined && !rec.volumes.mounted;
}

const decode = (b64: string) => Buffer.from(b64, 'base64').toString('utf8');

function keyFiles(data: Record<string, string>, items: KeyToPath[] | undefined): Array<[string, string]> {
  if (!Array.isArray(items) || items.length === 0) return Object.keys(data).sort().map((k) => [k, data[k]]);
  return items.filter((i) => i && typeof i.path === 'string' && data[i.key] !== undefined).map((i) => [i.path, data[i.key]]);
}

/** The files one volume shows, relative to its mount point. */
function volumeFiles(api: ApiServer, pod: Pod, v: Volume): Array<[string, string]> {
  const ns = pod.metadata.namespace ?? 'default';
  const cm = v.configMap as ConfigMapSource | undefined;
  if (cm) return keyFiles(api.tryGet<ConfigMap>('ConfigMap', ns, cm.name ?? '')?.data ?? {}, cm.items);
  const secret = v.secret as SecretSource | undefined;
  if (secret) {
    const data = api.tryGet<Secret>('Secret', ns, secret.secretName ?? '')?.data ?? {};
    return keyFiles(Object.fromEntries(Object.entries(data).map(([k, b]) => [k, decode(b)])), secret.items);
  }
  const projected = v.projected as { sources?: ProjectedSource[] } | undefined;
  if (projected) {
    const out: Array<[string, string]> = [];
    for (const s of Array.isArray(projected.sources) ? projected.sources : []) {
      if (!s || typeof s !== 'object') continue;
      if (s.configMap) out.push(...keyFiles(api.tryGet<ConfigMap>('ConfigMap', ns, s.configMap.name ?? '')?.data ?? {}, s.configMap.items));
      if (s.secret) {
        const data = api.tryGet<Secret>('Secret', ns, s.secret.name ?? '')?.data ?? {};
        out.push(...keyFiles(Object.fromEntries(Object.entries(data).map(([k, b]) => [k, decode(b)])), s.secret.items));
      }
      if (typeof s.serviceAccountToken?.path === 'string') out.push([s.serviceAccountToken.path, serviceAccountToken(pod)]);
      for (const item of Array.isArray(s.downwardAPI?.items) ? s.downwardAPI!.items : []) if (item?.fieldRef?.fieldPath === 'metadata.namespace') out.push([item.path, ns]);
    }
    return out;
  }
  return [];
}

/** A JWT-shaped bound token (header.payload.signature); only its shape matters to a learner. */
function serviceAccountToken(pod: Pod): string {
  const b64url = (s: string) => Buffer.from(s, 'utf8').toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  const payload = { aud: ['https://kubernetes.default.svc.cluster.local'], iss: 'https://kubernetes.default.svc.cluster.local', sub: `system:serviceaccount:${pod.metadata.namespace}:${pod.spec.serviceAccountName ?? 'default'}` };
  return `${b64url(JSON.stringify({ alg: 'RS256', kid: 'crashloop' }))}.${b64url(JSON.stringify(payload))}.${b64url(`sig:${pod.metadata.uid ?? ''}`)}`;
}

/**
 * The container's file system as far as the simulation knows it: the image's own files, the kubelet's
 * /etc/hosts, /etc/hostname and /etc/resolv.conf, and every mounted volume's files (path → content).
 * Directories are implied by the paths.
 */
export function containerFiles(api: ApiServer, pod: Pod, c: Container, imageFiles: string[] = []): Map<string, string> {
  const files = new Map<string, string>();
  for (const f of imageFiles) files.set(f, '');
  const ns = pod.metadata.namespace ?? 'default';
  files.set('/etc/hostname', `${pod.metadata.name}\n`);
  files.set('/etc/resolv.conf', `search ${ns}.svc.${CLUSTER_DOMAIN} svc.${CLUSTER_DOMAIN} ${CLUSTER_DOMAIN}\nnameserver ${CLUSTER_DNS_IP}\noptions ndots:5\n`);
  files.set(
    '/etc/hosts',
    `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${pod.status?.podIP ?? ''}\t${pod.metadata.name}\n`,
  );
  const byName = new Map((Array.isArray(pod.spec.volumes) ? pod.spec.volumes : []).filter((v) => v && typeof v === 'object').map((v) => [v.name, v]));
  for (const m of Array.isArray(c.volumeMounts) ? c.volumeMounts : []) {
    const v = m && typeof m.mountPath === 'string' ? byName.get(m.name) : undefined;
    if (!v) continue;
    const mount = m.mountPath.replace(/\/+$/, '');
    for (const [rel, content] of volumeFiles(api, pod, v)) {
      if (m.subPath) {
        if (rel === m.subPath) files.set(mount, content);
      } else files.set(`${mount}/${rel}`, content);
    }
    // An emptyDir (or a volume without files) still makes its mount point a directory.
    if (!m.subPath) files.set(`${mount}/`, '');
  }
  return files;
}
