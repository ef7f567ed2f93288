import { Cluster, KubeEvent, KubeObject } from '../../cluster-engine';

/**
 * The events `describe` shows for an object: same kind, name and namespace, and the same uid when the event
 * carries one (so a re-created pod does not inherit its predecessor's events). Node events are matched by
 * name alone: kubelets record them with the node name as uid.
 */
export function eventsFor(cluster: Cluster, obj: KubeObject): KubeEvent[] {
  const namespace = obj.metadata.namespace;
  const events = cluster.api.list<KubeEvent>('Event', namespace ? { namespace } : {});
  return events.filter((e) => {
    const io = e.involvedObject;
    if (io.kind !== obj.kind || io.name !== obj.metadata.name) return false;
    if (namespace && (io.namespace ?? namespace) !== namespace) return false;
    return obj.kind === 'Node' || !io.uid || !obj.metadata.uid || io.uid === obj.metadata.uid;
  });
}
