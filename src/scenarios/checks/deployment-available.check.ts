import { Deployment } from '../../cluster-engine';
import { CheckPlugin, stringParam } from './check';

interface Params {
  namespace: string;
  name: string;
  /** every container image must start with this, e.g. `nginx:1.2` (optional) */
  imagePrefix?: string;
}

/** The rollout is complete: every replica updated and available, the controller caught up, no old pods left. */
export const deploymentAvailableCheck: CheckPlugin<Params> = {
  type: 'deployment-available',
  parse(p) {
    const name = stringParam(p, 'name');
    if (!name) return 'deployment-available needs "name"';
    return { name, namespace: stringParam(p, 'namespace', 'default')!, imagePrefix: stringParam(p, 'imagePrefix') };
  },
  evaluate(cluster, { namespace, name, imagePrefix }) {
    const d = cluster.api.tryGet<Deployment>('Deployment', namespace, name);
    if (!d) return { met: false, whyNot: `deployment ${namespace}/${name} does not exist` };
    const want = d.spec.replicas ?? 1;
    const s = d.status ?? {};
    if (want === 0) return { met: false, whyNot: `deployment ${name} is scaled to 0` };
    const bad = d.spec.template.spec.containers.find((c) => imagePrefix && !c.image.startsWith(imagePrefix));
    if (bad) return { met: false, whyNot: `container ${bad.name} of deployment ${name} runs ${bad.image}, not ${imagePrefix}…` };
    if ((s.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) return { met: false, whyNot: `deployment ${name}'s controller has not seen the latest spec yet` };
    if ((s.updatedReplicas ?? 0) < want) return { met: false, whyNot: `${s.updatedReplicas ?? 0} of ${want} replicas of deployment ${name} are updated` };
    if ((s.availableReplicas ?? 0) < want) return { met: false, whyNot: `${s.availableReplicas ?? 0} of ${want} replicas of deployment ${name} are available` };
    if ((s.replicas ?? 0) > want) return { met: false, whyNot: `deployment ${name} still has ${(s.replicas ?? 0) - want} old replicas terminating` };
    return { met: true };
  },
};
