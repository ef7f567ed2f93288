import { FlagSpec } from './flags/flags';
import { GLOBAL_FLAGS, HELP_GROUPS, Verb } from './verbs/verb';

/** `kubectl --help`: the real layout, listing the commands this terminal implements. */
export function rootHelp(verbs: readonly Verb[]): string {
  const width = Math.max(...verbs.map((v) => v.name.length)) + 2;
  const sections = HELP_GROUPS.map((g) => [g, verbs.filter((v) => v.group === g)] as const)
    .filter(([, vs]) => vs.length > 0)
    .map(([g, vs]) => `${g}:\n${vs.map((v) => `  ${v.name.padEnd(Math.max(width, 16))}${v.short}`).join('\n')}\n`);
  return [
    'kubectl controls the Kubernetes cluster manager.\n',
    ' Find more information at: https://kubernetes.io/docs/reference/kubectl/\n',
    ...sections,
    'Usage:\n  kubectl [flags] [options]\n',
    'Use "kubectl <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n',
  ].join('\n');
}

function flagLine(f: FlagSpec): string {
  const names = f.short ? `-${f.short}, --${f.name}` : `    --${f.name}`;
  const def = f.type === 'bool' ? 'false' : f.type === 'stringArray' ? '[]' : f.default !== undefined ? String(f.default) : '';
  const value = f.type === 'string' && def === '' ? "=''" : `=${def}`;
  return `    ${names}${value}:\n\t${f.description}\n`;
}

/** `kubectl <verb> --help`. */
export function verbHelp(verb: Verb): string {
  const examples = verb.examples.map((e) => `  ${e}`).join('\n');
  const options = verb.flags.map(flagLine).join('\n');
  return [
    `${verb.short}.\n`,
    ...(examples ? [`Examples:\n${examples}\n`] : []),
    ...(options ? [`Options:\n${options}`] : []),
    `Usage:\n  ${verb.usage}\n`,
    'Use "kubectl options" for a list of global command-line options (applies to all commands).\n',
  ].join('\n');
}

/** `kubectl options`. */
export function optionsHelp(): string {
  return `The following options can be passed to any command:\n\n${GLOBAL_FLAGS.filter((f) => f.name !== 'help').map(flagLine).join('\n')}`;
}
