import { ImageBehaviour, DEFAULT_BEHAVIOUR } from './image-behaviour';

/** One repository in the simulated registry. */
export interface RepositorySpec {
  /** Full name as written in pod specs: `nginx`, `bitnami/redis`, `registry.example.com/team/api`. */
  name: string;
  tags: Record<string, { sizeBytes?: number; pullSeconds?: number; behaviour?: ImageBehaviour }>;
  /** Needs an image pull secret for its registry host. */
  private?: boolean;
  behaviour?: ImageBehaviour;
}

export interface ImageRef {
  /** as written in the pod spec */
  raw: string;
  /** `docker.io` */
  host: string;
  /** `library/nginx` */
  path: string;
  tag: string;
  /** `docker.io/library/nginx:1.27` */
  canonical: string;
}

const REFERENCE = /^(?:([a-z0-9.-]+(?::\d+)?)\/)?([a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*)(?::([\w][\w.-]{0,127}))?(?:@sha256:[a-f0-9]{64})?$/;

/** Parses an image reference as containerd's reference.ParseNormalizedNamed does; undefined when invalid. */
export function parseImageRef(raw: string): ImageRef | undefined {
  const m = raw.match(REFERENCE);
  if (!m) return undefined;
  let host = m[1];
  let path = m[2];
  if (host && !host.includes('.') && !host.includes(':') && host !== 'localhost') {
    path = `${host}/${path}`;
    host = undefined as unknown as string;
  }
  host = host ?? 'docker.io';
  if (host === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  const tag = m[3] ?? 'latest';
  return { raw, host, path, tag, canonical: `${host}/${path}:${tag}` };
}

function repoKey(ref: ImageRef): string {
  return `${ref.host}/${ref.path}`;
}

export type PullOutcome =
  | { ok: true; digest: string; sizeBytes: number; pullMs: number; behaviour: ImageBehaviour }
  | { ok: false; grpcNotFound: boolean; message: string; pullMs: number };

/** The simulated container registry: which images and tags exist, their sizes and behaviours, which need credentials. */
export class ImageRegistry {
  private readonly repos = new Map<string, RepositorySpec>();

  constructor(repos: RepositorySpec[]) {
    for (const r of repos) {
      const ref = parseImageRef(r.name);
      if (ref) this.repos.set(repoKey(ref), r);
    }
  }

  specs(): RepositorySpec[] {
    return [...this.repos.values()];
  }

  /** What pulling `ref` with or without credentials for its host yields (containerd 1.7's messages). */
  pull(ref: ImageRef, hasCredentials: boolean): PullOutcome {
    const repo = this.repos.get(repoKey(ref));
    const resolve = `failed to pull and unpack image "${ref.canonical}": failed to resolve reference "${ref.canonical}"`;
    if (!repo || (repo.private && !hasCredentials)) {
      return {
        ok: false,
        grpcNotFound: false,
        pullMs: 600,
        message: `${resolve}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`,
      };
    }
    const tag = repo.tags[ref.tag];
    if (!tag) {
      return {
        ok: false,
        grpcNotFound: true,
        pullMs: 500,
        message: `rpc error: code = NotFound desc = ${resolve}: ${ref.canonical}: not found`,
      };
    }
    const sizeBytes = tag.sizeBytes ?? 50_000_000;
    return {
      ok: true,
      digest: `sha256:${digestOf(ref.canonical)}`,
      sizeBytes,
      pullMs: Math.round((tag.pullSeconds ?? 1 + sizeBytes / 40_000_000) * 1000),
      behaviour: tag.behaviour ?? repo.behaviour ?? DEFAULT_BEHAVIOUR,
    };
  }
}

/** The behaviour of an image already on the node (it was pulled before). */
export function behaviourOf(registry: ImageRegistry, ref: ImageRef): ImageBehaviour {
  const outcome = registry.pull(ref, true);
  return outcome.ok ? outcome.behaviour : DEFAULT_BEHAVIOUR;
}

/** A stable fake sha256 (64 hex) derived from the name, so image IDs look real and never change. */
export function digestOf(text: string): string {
  let out = '';
  let h = 2166136261;
  for (let round = 0; out.length < 64; round++) {
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
    h = Math.imul(h ^ round, 2246822507) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}
