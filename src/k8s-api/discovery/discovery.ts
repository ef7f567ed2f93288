import { ApiResource, groupVersions, servedResources } from './resources';

/** The `/version` of the simulated API server: 1.32, so gcloud's kubectl dispatcher runs kubectl 1.32. */
export function versionInfo(gitVersion = 'v1.32.2'): Record<string, string> {
  const [major, minor] = gitVersion.replace(/^v/, '').split('.');
  return {
    major,
    minor,
    gitVersion,
    gitCommit: '67a30c0adcf52bd3f56ff0893ce19966be12991f',
    gitTreeState: 'clean',
    buildDate: '2025-02-12T21:19:47Z',
    goVersion: 'go1.23.6',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

/** Which discovery document an `Accept` header asks for: aggregated v2, v2beta1, or the legacy lists. */
export type DiscoveryFormat = 'v2' | 'v2beta1' | 'legacy';

export function discoveryFormat(accept: string | undefined): DiscoveryFormat {
  for (const part of (accept ?? '').split(',')) {
    if (!/g=apidiscovery\.k8s\.io/.test(part) || !/as=APIGroupDiscoveryList/.test(part)) continue;
    if (/v=v2(;|$|\s)/.test(part)) return 'v2';
    if (/v=v2beta1/.test(part)) return 'v2beta1';
  }
  return 'legacy';
}

export const discoveryContentType = (f: Exclude<DiscoveryFormat, 'legacy'>): string => `application/json;g=apidiscovery.k8s.io;v=${f};as=APIGroupDiscoveryList`;

/** `GET /api` (core: true) or `GET /apis` as an aggregated APIGroupDiscoveryList. */
export function aggregatedDiscovery(core: boolean, format: 'v2' | 'v2beta1', metrics = true): Record<string, unknown> {
  const gvs = groupVersions(metrics).filter((gv) => (gv.group === '') === core);
  const groups = [...new Set(gvs.map((gv) => gv.group))];
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: `apidiscovery.k8s.io/${format}`,
    metadata: {},
    items: groups.map((group) => ({
      metadata: { name: group, creationTimestamp: null },
      versions: gvs
        .filter((gv) => gv.group === group)
        .map((gv) => ({
          version: gv.version,
          resources: servedResources(metrics)
            .filter((r) => r.group === group && r.version === gv.version)
            .map(aggregatedResource),
          freshness: 'Current',
        })),
    })),
  };
}

function aggregatedResource(r: ApiResource): Record<string, unknown> {
  return {
    resource: r.info.plural,
    responseKind: { group: r.group, version: r.version, kind: r.info.kind },
    scope: r.info.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: r.info.singular,
    verbs: r.verbs,
    ...(r.info.shortNames.length ? { shortNames: r.info.shortNames } : {}),
    ...(r.categories.length ? { categories: r.categories } : {}),
    ...(r.subresources.length
      ? { subresources: r.subresources.map((s) => ({ subresource: s.name, responseKind: { group: s.group, version: s.version, kind: s.kind }, verbs: s.verbs })) }
      : {}),
  };
}

/** Legacy `GET /api`. */
export function legacyCoreVersions(serverAddress: string): Record<string, unknown> {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

/** Legacy `GET /apis`. */
export function legacyGroupList(metrics = true): Record<string, unknown> {
  const gvs = groupVersions(metrics).filter((gv) => gv.group !== '');
  const groups = [...new Set(gvs.map((gv) => gv.group))];
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groups.map((name) => {
      const versions = gvs.filter((gv) => gv.group === name).map((gv) => ({ groupVersion: `${name}/${gv.version}`, version: gv.version }));
      return { name, versions, preferredVersion: versions[0] };
    }),
  };
}

/** `GET /api/v1` or `GET /apis/<group>/<version>`: the APIResourceList, subresources as `pods/log`. */
export function resourceList(group: string, version: string, metrics = true): Record<string, unknown> | undefined {
  const resources = servedResources(metrics).filter((r) => r.group === group && r.version === version);
  if (resources.length === 0) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources: resources.flatMap((r) => [
      {
        name: r.info.plural,
        singularName: r.info.singular,
        namespaced: r.info.namespaced,
        kind: r.info.kind,
        verbs: r.verbs,
        ...(r.info.shortNames.length ? { shortNames: r.info.shortNames } : {}),
        ...(r.categories.length ? { categories: r.categories } : {}),
      },
      ...r.subresources.map((s) => ({
        name: `${r.info.plural}/${s.name}`,
        singularName: '',
        namespaced: r.info.namespaced,
        ...(s.group !== r.group ? { group: s.group, version: s.version } : {}),
        kind: s.kind,
        verbs: s.verbs,
      })),
    ]),
  };
}
