import { Deployment, KubeObject, ReplicaSet } from '../../cluster-engine';
import { CHANGE_CAUSE_ANNOTATION, DESIRED_REPLICAS_ANNOTATION, equalIgnoreHash, HASH_LABEL, MAX_REPLICAS_ANNOTATION, REVISION_ANNOTATION, REVISION_HISTORY_ANNOTATION, revisionOf } from '../../cluster-engine/controllers/deployment-util';
import { TIMED_OUT } from '../../cluster-engine/controllers/deployment.reconciler';
import { describePodTemplate } from '../describe/pod-template';
import { replicaSetsOfDeployment } from '../describe/deployment.describer';
import { PrefixWriter } from '../describe/prefix-writer';
import { formatError, KubectlError, usageError } from '../errors';
import { dryRunOf, dryRunSuffix } from '../manifests/prepare';
import { objectName } from '../printers/object-printer';
import { DESCRIBE_TABWRITER, Tabwriter } from '../printers/tabwriter';
import { CommandResult, Output } from '../result';
import { targetObjects } from './metadata-update';
import { Verb, VerbContext } from './verb';

const SUBCOMMANDS = ['history', 'pause', 'restart', 'resume', 'status', 'undo'];

/** `DeploymentStatusViewer.Status`: the line kubectl prints now, whether the rollout is done, or the deadline error. */
export function rolloutStatus(d: Deployment): { line: string; done: boolean; error?: string } {
  const s = d.status ?? {};
  const name = d.metadata.name;
  const desired = d.spec.replicas ?? 1;
  if ((d.metadata.generation ?? 0) > (s.observedGeneration ?? 0)) return { line: 'Waiting for deployment spec update to be observed...\n', done: false };
  if (s.conditions?.find((c) => c.type === 'Progressing')?.reason === TIMED_OUT) return { line: '', done: false, error: `deployment "${name}" exceeded its progress deadline` };
  const updated = s.updatedReplicas ?? 0;
  const total = s.replicas ?? 0;
  const available = s.availableReplicas ?? 0;
  const waiting = (what: string) => ({ line: `Waiting for deployment "${name}" rollout to finish: ${what}...\n`, done: false });
  if (updated < desired) return waiting(`${updated} out of ${desired} new replicas have been updated`);
  if (total > updated) return waiting(`${total - updated} old replicas are pending termination`);
  if (available < updated) return waiting(`${available} of ${updated} updated replicas are available`);
  return { line: `deployment "${name}" successfully rolled out\n`, done: true };
}

const ANNOTATIONS_TO_SKIP = new Set(['kubectl.kubernetes.io/last-applied-configuration', REVISION_ANNOTATION, REVISION_HISTORY_ANNOTATION, DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION, 'deprecated.deployment.rollback.to']);

function onlyDeployments(ctx: VerbContext, out: Output, what: string): Deployment[] {
  const resources = ctx.args.slice(1);
  if (resources.length === 0 && !ctx.flags.bool('all') && !ctx.flags.string('selector')) throw usageError(`rollout ${ctx.args[0]}`, 'required resource not specified');
  const objects = targetObjects(ctx, resources, out);
  return objects.filter((o): o is Deployment => {
    if (o.kind === 'Deployment') return true;
    out.err(`error: no ${what} has been implemented for ${o.kind}\n`);
    return false;
  });
}

function status(ctx: VerbContext, out: Output): void {
  const [d] = onlyDeployments(ctx, out, 'status viewer');
  if (!d) return;
  const revision = ctx.flags.int('revision');
  if (revision > 0 && revisionOf(d) !== revision) {
    out.err(`error: desired revision (${revision}) is different from the running revision (${revisionOf(d)})\n`);
    return;
  }
  const r = rolloutStatus(d);
  if (r.error) out.err(`error: ${r.error}\n`);
  else out.out(r.line);
}

/** `DeploymentHistoryViewer.ViewHistory`. */
function history(ctx: VerbContext, out: Output): void {
  const revision = ctx.flags.int('revision');
  for (const d of onlyDeployments(ctx, out, 'history viewer')) {
    const byRevision = new Map<number, ReplicaSet>();
    for (const rs of replicaSetsOfDeployment(ctx.cluster, d)) byRevision.set(revisionOf(rs), rs);
    if (byRevision.size === 0) {
      out.out(`${objectName(d)} \nNo rollout history found.\n`);
      continue;
    }
    if (revision > 0) {
      const rs = byRevision.get(revision);
      if (!rs) {
        out.err('error: unable to find the specified revision\n');
        continue;
      }
      const template = structuredClone(rs.spec.template);
      const cause = rs.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION];
      if (cause) template.metadata = { ...(template.metadata ?? {}), annotations: { ...(template.metadata?.annotations ?? {}), [CHANGE_CAUSE_ANNOTATION]: cause } };
      // printTemplate writes through a bare PrefixWriter, without a tabwriter: the tabs stay.
      const raw = new RawWriter();
      describePodTemplate(raw as unknown as PrefixWriter, template);
      out.out(`${objectName(d)} with revision #${revision}\n${raw.text}\n`);
      continue;
    }
    const tw = new Tabwriter(DESCRIBE_TABWRITER);
    tw.write('REVISION\tCHANGE-CAUSE\n');
    for (const r of [...byRevision.keys()].sort((a, b) => a - b)) tw.write(`${r}\t${byRevision.get(r)!.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION] || '<none>'}\n`);
    out.out(`${objectName(d)} \n${tw.toString()}\n`);
  }
}

class RawWriter {
  text = '';
  write(level: number, s: string): void {
    this.text += '  '.repeat(level) + s;
  }
  writeLine(s = ''): void {
    this.text += `${s}\n`;
  }
  flush(): void {}
}

/** `DeploymentRollbacker.Rollback`: the chosen revision's template and annotations go back into the Deployment. */
function undo(ctx: VerbContext, out: Output): void {
  const toRevision = ctx.flags.int('to-revision');
  const dryRun = dryRunOf(ctx);
  for (const d of onlyDeployments(ctx, out, 'rollbacker')) {
    if (toRevision < 0) {
      out.err(`error: unable to find specified revision ${toRevision} in history\n`);
      continue;
    }
    if (d.spec.paused) {
      out.err("error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n");
      continue;
    }
    const rsList = replicaSetsOfDeployment(ctx.cluster, d);
    let target: ReplicaSet | undefined;
    if (toRevision > 0) {
      target = rsList.find((rs) => revisionOf(rs) === toRevision);
      if (!target) {
        out.err(`error: unable to find specified revision ${toRevision} in history\n`);
        continue;
      }
    } else {
      const sorted = rsList.filter((rs) => revisionOf(rs) > 0).sort((a, b) => revisionOf(b) - revisionOf(a));
      target = sorted[1];
      if (!target) {
        out.err(`error: no rollout history found for deployment "${d.metadata.name}"\n`);
        continue;
      }
    }
    const revision = revisionOf(target);
    if (equalIgnoreHash(target.spec.template, d.spec.template)) {
      out.out(`${objectName(d)} skipped rollback (current template already matches revision ${revision})\n`);
      continue;
    }
    const template = structuredClone(target.spec.template);
    if (template.metadata?.labels) delete template.metadata.labels[HASH_LABEL];
    const annotations: Record<string, string> = {};
    for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
    for (const [k, v] of Object.entries(target.metadata.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
    d.spec.template = template;
    d.metadata.annotations = annotations;
    try {
      if (dryRun !== 'client') ctx.cluster.api.update(d, { dryRun: dryRun === 'server' });
      out.out(`${objectName(d)} rolled back${dryRunSuffix(dryRun)}\n`);
    } catch (e) {
      out.err(formatError(e));
    }
  }
}

/** pause / resume / restart: a change to the Deployment, or kubectl's refusal. */
function patchEach(ctx: VerbContext, out: Output, what: string, change: (d: Deployment) => string | undefined, done: string): void {
  const dryRun = dryRunOf(ctx);
  for (const d of onlyDeployments(ctx, out, what)) {
    const refusal = change(d);
    if (refusal) {
      out.err(`error: deployments.apps "${d.metadata.name}" ${refusal}\n`);
      continue;
    }
    try {
      if (dryRun !== 'client') ctx.cluster.api.update(d as KubeObject, { dryRun: dryRun === 'server' });
      out.out(`${objectName(d)} ${done}${dryRunSuffix(dryRun)}\n`);
    } catch (e) {
      out.err(formatError(e));
    }
  }
}

function run(ctx: VerbContext): CommandResult {
  const sub = ctx.args[0];
  const out = new Output();
  if (!sub) {
    throw new KubectlError(`You must specify a subcommand: ${SUBCOMMANDS.join(', ')}`);
  }
  switch (sub) {
    case 'status':
      status(ctx, out);
      break;
    case 'history':
      history(ctx, out);
      break;
    case 'undo':
      undo(ctx, out);
      break;
    case 'pause':
      patchEach(ctx, out, 'pauser', (d) => (d.spec.paused ? 'is already paused' : ((d.spec.paused = true), undefined)), 'paused');
      break;
    case 'resume':
      patchEach(ctx, out, 'resumer', (d) => (!d.spec.paused ? 'is not paused' : (delete d.spec.paused, undefined)), 'resumed');
      break;
    case 'restart':
      patchEach(
        ctx,
        out,
        'restarter',
        (d) => {
          if (d.spec.paused) return "can't restart paused deployment (run rollout resume first)";
          const meta = (d.spec.template.metadata ??= {});
          meta.annotations = { ...(meta.annotations ?? {}), 'kubectl.kubernetes.io/restartedAt': ctx.cluster.clock.nowIso() };
          return undefined;
        },
        'restarted',
      );
      break;
    default:
      throw new KubectlError(`unknown command "${sub}" for "kubectl rollout"\n\nDid you mean this?\n${SUBCOMMANDS.filter((s) => s[0] === sub[0]).map((s) => `\t${s}\n`).join('')}`.replace(/\n\nDid you mean this\?\n$/, ''));
  }
  return out.result();
}

export const rolloutVerb: Verb = {
  name: 'rollout',
  group: 'Deploy Commands',
  short: 'Manage the rollout of a resource',
  usage: 'kubectl rollout SUBCOMMAND (status|history|undo|pause|resume|restart) (TYPE NAME | TYPE/NAME) [flags] [options]',
  flags: [
    { name: 'revision', type: 'int', default: 0, description: 'See the details, including podTemplate of the revision specified (history); pin to a specific revision for showing its status (status).' },
    { name: 'to-revision', type: 'int', default: 0, description: 'The revision to rollback to. Default to 0 (last revision).' },
    { name: 'watch', short: 'w', type: 'bool', default: true, description: 'Watch the status of the rollout until it\'s done.' },
    { name: 'timeout', type: 'string', default: '0s', description: 'The length of time to wait before ending watch, zero means never.' },
    { name: 'selector', short: 'l', type: 'string', description: 'Selector (label query) to filter on.' },
    { name: 'all', type: 'bool', description: 'Select all resources in the namespace of the specified resource types' },
    { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged', description: 'Must be "none", "server", or "client".' },
  ],
  examples: ['kubectl rollout status deployment/web', 'kubectl rollout history deployment/web', 'kubectl rollout restart deployment/web', 'kubectl rollout pause deployment/web'],
  run,
};
