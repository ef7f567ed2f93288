import { isKnownKind, KindInfo, kindInfo, resolveKind } from '../../cluster-engine';
import { KubectlError } from '../errors';

/** One kind with the names asked for; no names means "list them". */
export interface ResourceRequest {
  info: KindInfo;
  names: string[];
}

/** What `kubectl get all` expands to, limited to the kinds this cluster serves. */
const ALL_CATEGORY = ['Pod', 'ReplicationController', 'Service', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet', 'HorizontalPodAutoscaler', 'CronJob', 'Job'];

export function resolveType(name: string): KindInfo[] {
  if (name === 'all') return ALL_CATEGORY.filter(isKnownKind).map(kindInfo);
  const info = resolveKind(name);
  if (!info) throw new KubectlError(`the server doesn't have a resource type "${name}"`);
  return [info];
}

/** `pod`, `lease.coordination.k8s.io`: the prefix kubectl uses in `-o name` and multi-kind tables. */
export function kindPrefix(info: KindInfo): string {
  return info.group ? `${info.kind.toLowerCase()}.${info.group}` : info.kind.toLowerCase();
}

/**
 * The resource builder's reading of arguments: `TYPE[,TYPE…] [NAME…]` or `TYPE/NAME…`. Consecutive
 * TYPE/NAME arguments of one kind are grouped, keeping the order the user typed.
 */
export function resolveResourceArgs(args: string[]): ResourceRequest[] {
  if (args.length === 0) return [];
  if (args.some((a) => a.includes('/'))) {
    if (!args.every((a) => a.includes('/'))) {
      throw new KubectlError(
        "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      );
    }
    const out: ResourceRequest[] = [];
    for (const a of args) {
      const slash = a.indexOf('/');
      const [type, name] = [a.slice(0, slash), a.slice(slash + 1)];
      if (!type || !name) throw new KubectlError(`arguments in resource/name form must have a single resource and name`);
      const [info] = resolveType(type);
      const last = out[out.length - 1];
      if (last && last.info.kind === info.kind) last.names.push(name);
      else out.push({ info, names: [name] });
    }
    return out;
  }
  const [types, ...names] = args;
  const infos = types.split(',').filter((t) => t !== '').flatMap(resolveType);
  const seen = new Set<string>();
  return infos.filter((i) => !seen.has(i.kind) && seen.add(i.kind)).map((info) => ({ info, names: [...names] }));
}
