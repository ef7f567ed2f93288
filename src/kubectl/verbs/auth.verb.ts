import { authorize, KUBEADM_ADMIN_USER, rbacSourceOf, resolveKind, rulesFor, serviceAccountUser, UserInfo } from '../../cluster-engine';
import { KubectlError, usageError } from '../errors';
import { formatTabbed, TABLE_TABWRITER } from '../printers/tabwriter';
import { compactRules, goList, NON_RESOURCE_URL_VERBS, RULE_HEADER, ruleRow } from '../rbac/rules';
import { CommandResult, fail, ok, Output } from '../result';
import { Verb, VerbContext } from './verb';

const RESOURCE_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind', 'impersonate', '*', 'approve', 'sign', 'escalate', 'attest'];

/** The user the request is made as: the admin, or whom `--as` / `--as-group` impersonate. */
function userOf(ctx: VerbContext): UserInfo {
  const as = ctx.flags.string('as');
  const groups = ctx.flags.strings('as-group');
  if (!as) {
    if (groups.length) throw new KubectlError('requesting uid, groups or user-extra for  without impersonating a user');
    return KUBEADM_ADMIN_USER;
  }
  const sa = serviceAccountUser(as);
  const base = sa ?? { name: as, groups: ['system:authenticated'] };
  return { name: as, groups: [...new Set([...groups, ...base.groups])] };
}


function list(ctx: VerbContext, user: UserInfo): CommandResult {
  const rules = compactRules(rulesFor(rbacSourceOf(ctx.cluster.api), user, ctx.namespace));
  let text = ctx.flags.bool('no-headers') ? '' : RULE_HEADER;
  for (const r of rules) text += ruleRow(r);
  return ok(formatTabbed(text, TABLE_TABWRITER));
}

function canI(ctx: VerbContext): CommandResult {
  const f = ctx.flags;
  const user = userOf(ctx);
  if (f.bool('list')) {
    if (ctx.args.length > 1) throw usageError('auth can-i', 'list option must be specified with no arguments');
    return list(ctx, user);
  }
  const [, verb, target, name] = ctx.args;
  if (!verb || !target) throw usageError('auth can-i', 'you must specify two arguments: verb resource or verb resource/resourceName.');
  if (ctx.args.length > 4) throw usageError('auth can-i', `too many arguments: expected 2 or 3, got ${ctx.args.length - 1}`);
  const out = new Output();
  const quiet = f.bool('quiet');
  const namespace = f.bool('all-namespaces') ? '' : ctx.namespace;
  let decision;
  if (target.startsWith('/')) {
    if (!NON_RESOURCE_URL_VERBS.includes(verb) && !quiet) out.warn(`Warning: verb '${verb}' is not a known verb\n`);
    decision = authorize(rbacSourceOf(ctx.cluster.api), user, { verb, path: target });
  } else {
    if (!RESOURCE_VERBS.includes(verb) && !quiet) out.warn(`Warning: verb '${verb}' is not a known verb\n`);
    // `pods/log` is TYPE/NAME to kubectl (a subresource goes in --subresource)
    const [typed, resourceName] = target.includes('/') && !name ? (target.split(/\/(.*)/s) as [string, string]) : [target, name];
    const sub = f.string('subresource') || undefined;
    let resource = typed;
    let apiGroup = '';
    if (typed !== '*') {
      const info = resolveKind(typed);
      if (info) {
        resource = info.plural;
        apiGroup = info.group;
        if (!info.namespaced && namespace && !quiet) out.warn(`Warning: resource '${info.plural}' is not namespace scoped\n\n`); // kubectl's warning printer adds a newline to a message ending in one
      } else {
        const dot = typed.indexOf('.');
        if (dot > 0) [resource, apiGroup] = [typed.slice(0, dot), typed.slice(dot + 1)];
        if (!quiet) out.warn(`Warning: the server doesn't have a resource type '${typed}'\n`);
      }
    } else apiGroup = '*';
    decision = authorize(rbacSourceOf(ctx.cluster.api), user, { verb, apiGroup, resource, subresource: sub, name: resourceName, namespace });
  }
  if (!quiet) out.out(decision.allowed ? 'yes\n' : 'no\n');
  const r = out.result();
  return { ...r, exitCode: decision.allowed ? 0 : 1 };
}

function whoami(ctx: VerbContext): CommandResult {
  const user = userOf(ctx);
  const output = ctx.flags.string('output');
  if (output === 'json' || output === 'yaml') {
    const review = { kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1', metadata: { creationTimestamp: null }, status: { userInfo: { username: user.name, groups: user.groups } } };
    return ok(output === 'json' ? `${JSON.stringify(review, null, 4)}\n` : `apiVersion: authentication.k8s.io/v1\nkind: SelfSubjectReview\nmetadata:\n  creationTimestamp: null\nstatus:\n  userInfo:\n    groups:\n${user.groups.map((g) => `    - ${g}\n`).join('')}    username: ${user.name}\n`);
  }
  return ok(formatTabbed(`ATTRIBUTE\tVALUE\nUsername\t${user.name}\nGroups\t${goList(user.groups)}\n`, TABLE_TABWRITER));
}

function run(ctx: VerbContext): CommandResult {
  switch (ctx.args[0]) {
    case 'can-i':
      return canI(ctx);
    case 'whoami':
      return whoami(ctx);
    case undefined:
      return ok('Inspect authorization.\n\nAvailable Commands:\n  can-i         Check whether an action is allowed\n  reconcile     Reconciles rules for RBAC role, role binding, cluster role, and cluster role binding objects\n  whoami        Experimental: Check self subject attributes\n\nUsage:\n  kubectl auth [flags] [options]\n');
    default:
      return fail(`error: unknown command "${ctx.args[0]}" for "kubectl auth"\n`);
  }
}

export const authVerb: Verb = {
  name: 'auth',
  group: 'Cluster Management Commands',
  short: 'Inspect authorization',
  usage: 'kubectl auth can-i VERB [TYPE | TYPE/NAME | NONRESOURCEURL] | kubectl auth whoami [options]',
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool', description: 'If true, check the specified action in all namespaces.' },
    { name: 'list', type: 'bool', description: 'If true, prints all allowed actions.' },
    { name: 'no-headers', type: 'bool', description: 'If true, prints allowed actions without headers' },
    { name: 'quiet', short: 'q', type: 'bool', description: 'If true, suppress output and just return the exit code.' },
    { name: 'subresource', type: 'string', description: 'SubResource such as pod/log or deployment/scale' },
    { name: 'as', type: 'string', description: 'Username to impersonate for the operation. User could be a regular user or a service account in a namespace.' },
    { name: 'as-group', type: 'stringArray', description: 'Group to impersonate for the operation, this flag can be repeated to specify multiple groups.' },
    { name: 'output', short: 'o', type: 'string', description: 'Output format (whoami). One of: (json, yaml).' },
  ],
  examples: ['kubectl auth can-i create pods --all-namespaces', 'kubectl auth can-i list deployments.apps -n kube-system', 'kubectl auth can-i --list', 'kubectl auth whoami'],
  run,
};
