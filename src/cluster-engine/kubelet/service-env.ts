import { Pod, Service } from '../api/types';
import { ApiServer } from '../apiserver/apiserver';

/** `makeEnvironmentVariables`' service part: Docker-links-style variables for each Service (`WEB_SERVICE_HOST`, …). */
function serviceVars(svc: Service): Record<string, string> {
  const prefix = svc.metadata.name.toUpperCase().replace(/-/g, '_');
  const ip = svc.spec.clusterIP ?? '';
  const ports = svc.spec.ports ?? [];
  const env: Record<string, string> = {};
  if (ports.length === 0) return env;
  env[`${prefix}_SERVICE_HOST`] = ip;
  env[`${prefix}_SERVICE_PORT`] = String(ports[0].port);
  for (const p of ports) if (p.name) env[`${prefix}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}`] = String(p.port);
  const proto = (ports[0].protocol ?? 'TCP').toLowerCase();
  env[`${prefix}_PORT`] = `${proto}://${ip}:${ports[0].port}`;
  for (const p of ports) {
    const pr = (p.protocol ?? 'TCP').toLowerCase();
    const base = `${prefix}_PORT_${p.port}_${pr.toUpperCase()}`;
    env[base] = `${pr}://${ip}:${p.port}`;
    env[`${base}_PROTO`] = pr;
    env[`${base}_PORT`] = String(p.port);
    env[`${base}_ADDR`] = ip;
  }
  return env;
}

/**
 * The service environment the kubelet gives a container at start: the `kubernetes` Service's variables
 * always, and with enableServiceLinks (the default) those of every Service with a cluster IP in the
 * pod's namespace that exists at that moment.
 */
export function serviceLinkEnv(api: ApiServer, pod: Pod): Record<string, string> {
  const ns = pod.metadata.namespace ?? 'default';
  const env: Record<string, string> = {};
  const services = pod.spec.enableServiceLinks === false ? [] : api.list<Service>('Service', { namespace: ns });
  for (const svc of services) {
    if (!svc.spec.clusterIP || svc.spec.clusterIP === 'None' || svc.spec.type === 'ExternalName') continue;
    if (ns === 'default' && svc.metadata.name === 'kubernetes') continue;
    Object.assign(env, serviceVars(svc));
  }
  const master = api.tryGet<Service>('Service', 'default', 'kubernetes');
  if (master) Object.assign(env, serviceVars(master));
  return env;
}
