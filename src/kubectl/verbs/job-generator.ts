import { Job } from '../../cluster-engine';
import { KubectlError, usageError } from '../errors';
import { VerbContext } from './verb';

/** `kubectl create job NAME --image=IMAGE [-- COMMAND args…]` (create_job.go): one container named after the Job, restartPolicy Never. */
export function generateJob(ctx: VerbContext, rest: string[]): Job {
  const [name, ...command] = rest;
  if (!name) throw usageError('create job', 'exactly one NAME is required, got 0');
  const images = ctx.flags.strings('image');
  if (images.length === 0 || ctx.flags.string('from')) throw new KubectlError('either --image or --from must be specified');
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: ctx.namespace },
    spec: {
      template: { spec: { containers: [{ name, image: images[images.length - 1], ...(command.length ? { command } : {}), resources: {} }], restartPolicy: 'Never' } },
    },
  };
}
