import { ValidatingPlugin } from './admission';
import { kindInfo } from '../../api/kinds';
import { forbidden, notFound } from '../../api/errors';
import { Namespace } from '../../api/types';

const IMMORTAL = ['default', 'kube-system', 'kube-public'];

/** NamespaceLifecycle: no content in missing or terminating namespaces; the system namespaces cannot be deleted. */
export const namespaceLifecyclePlugin: ValidatingPlugin = {
  name: 'NamespaceLifecycle',
  validate({ operation, object, store }) {
    if (object.kind === 'Namespace') {
      if (operation === 'DELETE' && IMMORTAL.includes(object.metadata.name)) {
        throw forbidden('Namespace', object.metadata.name, 'this namespace may not be deleted');
      }
      return;
    }
    if (operation !== 'CREATE' || !kindInfo(object.kind).namespaced || object.kind === 'Event') return;
    const nsName = object.metadata.namespace ?? 'default';
    const ns = store.peek('Namespace', undefined, nsName) as Namespace | undefined;
    if (!ns) throw notFound('Namespace', nsName);
    if (ns.status?.phase === 'Terminating') {
      throw forbidden(object.kind, object.metadata.name, `unable to create new content in namespace ${nsName} because it is being terminated`);
    }
  },
};
