import { Container, Deployment } from '../../cluster-engine';
import { KubectlError, usageError } from '../errors';
import { VerbContext } from './verb';

/** `kubectl create deployment NAME --image=IMAGE [--replicas=N] [--port=P] [-- COMMAND args…]` (create_deployment.go). */
export function generateDeployment(ctx: VerbContext, rest: string[]): Deployment {
  const [name, ...command] = rest;
  const images = ctx.flags.strings('image');
  if (!name) throw usageError('create deployment', 'exactly one NAME is required, got 0');
  if (images.length === 0) throw new KubectlError('required flag(s) "image" not set');
  if (images.length > 1 && command.length > 0) throw new KubectlError('cannot specify multiple --image options and command');
  const labels = { app: name };
  const used = new Set<string>();
  const containers: Container[] = images.map((image) => {
    // The container is named after the image: no registry path, tag or digest; `_` becomes `-`.
    let base = image.split('/').pop()!.split(':')[0].split('@')[0].replace(/_/g, '-');
    if (used.has(base)) base = `${base}-${ctx.cluster.nowMs().toString(36).slice(-5)}`;
    used.add(base);
    return { name: base, image, ...(command.length ? { command } : {}), resources: {} };
  });
  const port = ctx.flags.changed('port') ? ctx.flags.int('port') : -1;
  if (port >= 0) containers[0].ports = [{ containerPort: port }];
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ctx.namespace, labels: { ...labels } },
    spec: {
      replicas: ctx.flags.changed('replicas') ? ctx.flags.int('replicas') : 1,
      selector: { matchLabels: { ...labels } },
      template: { metadata: { labels: { ...labels } }, spec: { containers } },
      strategy: {},
    },
    status: {},
  };
}
