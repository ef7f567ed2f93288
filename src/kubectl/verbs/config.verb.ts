import { readKubeconfig, writeKubeconfig } from '../kubeconfig';
import { KubectlError } from '../errors';
import { formatTabbed, TABLE_TABWRITER } from '../printers/tabwriter';
import { toJson } from '../printers/json-printer';
import { toYaml } from '../printers/yaml-printer';
import { ok } from '../result';
import { Verb, VerbContext } from './verb';

const HELP = `Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".

Available Commands:
  current-context   Display the current-context
  get-contexts      Describe one or many contexts
  set-context       Set a context entry in kubeconfig
  use-context       Set the current-context in a kubeconfig file
  view              Display merged kubeconfig settings or a specified kubeconfig file

Usage:
  kubectl config SUBCOMMAND [options]
`;

function setContext(ctx: VerbContext, args: string[]) {
  const cfg = readKubeconfig(ctx.vfs);
  const name = ctx.flags.bool('current') ? cfg['current-context'] : args[0];
  if (!name) throw new KubectlError('you must specify a non-empty context name or --current');
  let entry = cfg.contexts.find((c) => c.name === name);
  const created = !entry;
  if (!entry) {
    entry = { name, context: { cluster: '', user: '' } };
    cfg.contexts.push(entry);
  }
  if (ctx.flags.changed('namespace')) entry.context.namespace = ctx.flags.string('namespace');
  if (ctx.flags.changed('cluster')) entry.context.cluster = ctx.flags.string('cluster');
  if (ctx.flags.changed('user')) entry.context.user = ctx.flags.string('user');
  writeKubeconfig(ctx.vfs, cfg);
  return ok(`Context "${name}" ${created ? 'created' : 'modified'}.\n`);
}

export const configVerb: Verb = {
  name: 'config',
  group: 'Settings Commands',
  short: 'Modify kubeconfig files',
  usage: 'kubectl config SUBCOMMAND [options]',
  flags: [
    { name: 'current', type: 'bool', description: 'Modify the current context' },
    { name: 'output', short: 'o', type: 'string', description: 'Output format. One of: (json, yaml).' },
    { name: 'minify', type: 'bool', description: 'Remove all information not used by current-context from the output' },
    { name: 'raw', type: 'bool', description: 'Display raw byte data and sensitive data' },
    { name: 'no-headers', type: 'bool', description: "When using the default or custom-column output format, don't print headers." },
  ],
  examples: ['kubectl config current-context', 'kubectl config view', 'kubectl config set-context --current --namespace=kube-system'],
  run(ctx) {
    const [sub, ...args] = ctx.args;
    const cfg = readKubeconfig(ctx.vfs);
    switch (sub) {
      case undefined:
        return ok(HELP);
      case 'current-context':
        return ok(`${cfg['current-context']}\n`);
      case 'view': {
        const o = ctx.flags.string('output');
        return ok(o === 'json' ? toJson(cfg) : toYaml(cfg));
      }
      case 'get-contexts': {
        const rows = cfg.contexts.map((c) => [c.name === cfg['current-context'] ? '*' : '', c.name, c.context.cluster, c.context.user, c.context.namespace ?? '']);
        const lines = [...(ctx.flags.bool('no-headers') ? [] : [['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE']]), ...rows].map((r) => r.join('\t'));
        return ok(formatTabbed(`${lines.join('\n')}\n`, TABLE_TABWRITER));
      }
      case 'set-context':
        return setContext(ctx, args);
      case 'use-context':
      case 'use': {
        const name = args[0];
        if (!name) throw new KubectlError('Unexpected args: []');
        if (!cfg.contexts.some((c) => c.name === name)) throw new KubectlError(`no context exists with the name: "${name}"`);
        cfg['current-context'] = name;
        writeKubeconfig(ctx.vfs, cfg);
        return ok(`Switched to context "${name}".\n`);
      }
      default:
        throw new KubectlError(`unknown command "${sub}" for "kubectl config"\nRun 'kubectl config --help' for usage.`);
    }
  },
};
