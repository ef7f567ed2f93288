import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The committed Kubernetes 1.32 OpenAPI v3 documents (scripts/k8s-openapi.mjs); this file sits at {src,dist}/k8s-api/discovery/. */
export const OPENAPI_DIR = resolve(__dirname, '..', '..', '..', 'assets', 'k8s-openapi-1.32');

interface Doc {
  body: Buffer;
  hash: string;
}

/** `/openapi/v3`: an index of hashed, immutable per-group-version documents, loaded lazily. */
export class OpenApiV3 {
  private readonly docs = new Map<string, Doc | null>();
  private readonly paths: string[];

  constructor(private readonly dir = OPENAPI_DIR) {
    this.paths = existsSync(dir) ? walk(dir).map((f) => relative(dir, f).replace(/\\/g, '/').replace(/\.json\.gz$/, '')).sort() : [];
  }

  /** `{"paths":{"api/v1":{"serverRelativeURL":"<prefix>/openapi/v3/api/v1?hash=…"}}}` */
  index(prefix: string): Record<string, unknown> {
    return {
      paths: Object.fromEntries(this.paths.map((p) => [p, { serverRelativeURL: `${prefix}/openapi/v3/${p}?hash=${this.doc(p)!.hash}` }])),
    };
  }

  /** The document of a group-version path such as `apis/apps/v1`, or undefined. */
  doc(path: string): Doc | undefined {
    if (!this.paths.includes(path)) return undefined;
    let doc = this.docs.get(path);
    if (doc === undefined) {
      const body = gunzipSync(readFileSync(join(this.dir, `${path}.json.gz`)));
      doc = { body, hash: createHash('sha512').update(body).digest('hex').toUpperCase() };
      this.docs.set(path, doc);
    }
    return doc ?? undefined;
  }
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : name.endsWith('.json.gz') ? [full] : [];
  });
}
