import { parse } from 'yaml';
import { Node, Pod } from '../api/types';
import { EngineContext } from '../context';
import { digestOf } from '../runtime/registry';
import { KubeletState } from './state';

const MIRROR = 'kubernetes.io/config.mirror';
const HASH = 'kubernetes.io/config.hash';

/**
 * Static pods: the kubelet runs every manifest in its staticPodPath and shows each in the API as a mirror
 * pod `<name>-<node>`. An edited manifest replaces its pod; a removed one removes it; a file that does not
 * parse is skipped (and logged), as the kubelet's file source does.
 */
export function syncStaticPods(ctx: EngineContext, kubelet: KubeletState, node: Node): void {
  const dir = kubelet.config?.staticPodPath;
  const wanted = new Map<string, { pod: Readonly<Pod>; hash: string }>();
  if (dir) {
    for (const [path, text] of Object.entries(kubelet.files)) {
      if (!path.startsWith(`${dir.replace(/\/$/, '')}/`) || !/\.(ya?ml|json)$/.test(path)) continue;
      const parsed = parseManifest(text);
      if (!parsed) continue;
      const { pod, hash } = parsed;
      wanted.set(`${pod.metadata.name}-${node.metadata.name}`, { pod, hash });
    }
  }
  const existing = (ctx.store.scan('Pod') as Pod[]).filter((p) => p.spec.nodeName === node.metadata.name && p.metadata.annotations?.[MIRROR]);
  for (const mirror of existing) {
    const want = wanted.get(mirror.metadata.name);
    if (!want || want.hash !== mirror.metadata.annotations?.[HASH]) {
      ctx.api.delete('Pod', mirror.metadata.namespace, mirror.metadata.name, { gracePeriodSeconds: 0 });
    } else wanted.delete(mirror.metadata.name);
  }
  for (const [name, { pod, hash }] of wanted) {
    const ns = pod.metadata.namespace ?? 'default';
    if (ctx.store.peek('Pod', ns, name)) continue;
    ctx.api.create<Pod>({
      ...pod,
      metadata: {
        ...pod.metadata,
        name,
        namespace: ns,
        annotations: { ...(pod.metadata.annotations ?? {}), [HASH]: hash, [MIRROR]: hash, 'kubernetes.io/config.seen': ctx.clock.nowIso(), 'kubernetes.io/config.source': 'file' },
        ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.metadata.name, uid: node.metadata.uid!, controller: true }],
      },
      spec: { ...pod.spec, nodeName: node.metadata.name, tolerations: [...(pod.spec.tolerations ?? []), { operator: 'Exists', effect: 'NoExecute' }] },
      status: {},
    });
  }
}

/**
 * Manifests are re-read every second but rarely change: parse results are cached by content. The cache is
 * a pure function of the text (no state of any cluster), so sharing it keeps every cluster deterministic.
 */
const parsedManifests = new Map<string, { pod: Pod; hash: string } | null>();
const MAX_CACHED = 512;

/** The cached parse, shared: callers must not mutate it (the API server copies what it creates). */
function parseManifest(text: string): { pod: Readonly<Pod>; hash: string } | undefined {
  let entry = parsedManifests.get(text);
  if (entry === undefined) {
    entry = parseUncached(text);
    if (parsedManifests.size >= MAX_CACHED) parsedManifests.clear();
    parsedManifests.set(text, entry);
  }
  return entry ?? undefined;
}

function parseUncached(text: string): { pod: Pod; hash: string } | null {
  try {
    const doc = parse(text) as Pod | null;
    if (!doc || doc.kind !== 'Pod' || !doc.metadata?.name || !Array.isArray(doc.spec?.containers)) return null;
    return { pod: doc, hash: digestOf(text).slice(0, 32) };
  } catch {
    return null;
  }
}
