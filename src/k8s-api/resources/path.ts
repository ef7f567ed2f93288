import { ApiResource, findResource } from '../discovery/resources';

/** A resource URL taken apart: `/api/v1/namespaces/default/pods/web/log`, `/apis/apps/v1/deployments`. */
export interface ResourcePath {
  resource: ApiResource;
  namespace?: string;
  name?: string;
  subresource?: string;
}

/** Parses a resource path; undefined when it names no resource this API serves. */
export function parseResourcePath(path: string): ResourcePath | undefined {
  const segs = path.split('/').filter((s) => s.length > 0).map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (segs[0] === 'api' && segs.length >= 3) {
    [group, version, rest] = ['', segs[1], segs.slice(2)];
  } else if (segs[0] === 'apis' && segs.length >= 4) {
    [group, version, rest] = [segs[1], segs[2], segs.slice(3)];
  } else return undefined;
  // `namespaces/<ns>/<plural>/…` is a namespaced resource; `namespaces/<name>[/status]` is the Namespace itself.
  if (rest[0] === 'namespaces' && rest.length >= 3 && findResource(group, version, rest[2])) {
    const resource = findResource(group, version, rest[2])!;
    if (!resource.info.namespaced || rest.length > 5) return undefined;
    return { resource, namespace: rest[1], name: rest[3], subresource: rest[4] };
  }
  const resource = findResource(group, version, rest[0]);
  if (!resource || rest.length > 3) return undefined;
  return { resource, name: rest[1], subresource: rest[2] };
}
